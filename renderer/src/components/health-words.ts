// A health component's message in the staff member's language: worded from main's code and
// params where it sends one (issue 11 §5), main's English message otherwise. Renderer process.
import i18next, { type TFunction } from 'i18next';
import type { HealthComponent } from '../../../preload/contract';
import { formatNumber } from '../i18n/format';

/** The disk's words are DiskNotice's (free and needed MB from its params). */
function diskMessage(t: TFunction, c: HealthComponent): string {
  const p = c.params ?? {};
  const n = { free: formatNumber(Math.max(0, Number(p.freeMb ?? 0))), floor: formatNumber(Number(p.floorMb ?? 0)) };
  return c.state === 'down' ? t('disk.healthFull', n) : c.state === 'degraded' ? t('disk.healthLow', n) : t('disk.healthOk', n);
}

export function healthMessage(t: TFunction, component: HealthComponent): string {
  if (component.id === 'disk') return diskMessage(t, component);
  const key = component.code ? `health.messages.${component.code}` : null;
  return key && i18next.exists(key, component.params ?? {}) ? t(key, component.params ?? {}) : component.message;
}
