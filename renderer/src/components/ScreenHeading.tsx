// A screen's (or a step's) <h1>. Renderer process. It can take focus, so the app can move focus to
// it after navigation (issue 6: focus to the heading), and `focusOnMount` does so for steps inside
// one screen (e.g. sign-in: name → PIN).
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, id, focusOnMount = false, testId }: { children: ReactNode; id?: string; focusOnMount?: boolean; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="screen-heading" data-testid={testId}>
      {children}
    </h1>
  );
}
