// Moves focus to the screen's heading after navigation (issue 6: headings per screen, focus moved
// on navigation), so screen readers announce where staff are and Tab starts from the top.
// Renderer process. A screen that focused something itself (e.g. a PIN field) keeps that focus.
import { useEffect } from 'react';

export function useHeadingFocus(key: string): void {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== main && main.contains(active)) return;
    if (document.querySelector('[aria-modal="true"]')) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [key]);
}
