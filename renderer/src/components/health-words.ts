// A health component's message in the staff member's language: worded from main's code and
// params where it sends one (issue 11 §5), main's English message otherwise. Renderer process.
import i18next, { type TFunction } from 'i18next';
import type { HealthComponent } from '../../../preload/contract';

export function healthMessage(t: TFunction, component: HealthComponent): string {
  const key = component.code ? `health.messages.${component.code}` : null;
  return key && i18next.exists(key) ? t(key, component.params ?? {}) : component.message;
}
