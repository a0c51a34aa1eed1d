// The disk's state for staff (issue 12 §2): a plain "disk full" notice with what to do, or a
// warning while the disk is nearly full. Fed by main's health (the `disk` component). Renderer process.
import { useTranslation } from 'react-i18next';
import type { HealthComponent } from '../../../preload/contract';
import { useAppStore } from '../stores/app-store';

export function useDiskHealth(): HealthComponent | null {
  return useAppStore((s) => s.health?.components.find((c) => c.id === 'disk') ?? null);
}

/** The numbers of the disk component, formatted in the app's language. */
export function useDiskNumbers(disk: HealthComponent | null) {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'cy' ? 'cy' : 'en-GB');
  // Health params may also carry names (other components); the disk's are all numbers.
  const p = Object.fromEntries(Object.entries(disk?.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : Number(v)])) as Record<string, number | undefined>;
  return {
    free: format.format(Math.max(0, p.freeMb ?? 0)),
    floor: format.format(p.floorMb ?? 0),
    dropped: p.droppedLogLines ?? 0,
    droppedText: format.format(p.droppedLogLines ?? 0),
  };
}

export function DiskNotice() {
  const { t } = useTranslation();
  const disk = useDiskHealth();
  const n = useDiskNumbers(disk);
  if (!disk || (disk.state !== 'down' && disk.state !== 'degraded')) return null;
  if (disk.state === 'degraded') {
    return (
      <div className="notice disk-notice disk-low" role="status" data-testid="disk-notice" data-state="low">
        <p>{t('disk.lowBody', { free: n.free, floor: n.floor })}</p>
      </div>
    );
  }
  return (
    <div className="notice disk-notice disk-full" role="alert" data-testid="disk-notice" data-state="full">
      <div>
        <h2 className="disk-title">{t('disk.fullTitle')}</h2>
        <p>{t('disk.fullBody', { free: n.free, floor: n.floor })}</p>
        <p>{t('disk.fullWhatToDo')}</p>
        {n.dropped > 0 && <p className="disk-dropped">{t('disk.droppedLogLines', { count: n.droppedText })}</p>}
      </div>
    </div>
  );
}
