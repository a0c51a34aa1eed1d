// Settings that belong with the data rather than in settings.json: retention, the capture's
// free-space floor, staff account mode and PIN lockout. One row per leaf ("retention.resultDays"),
// every change audited with its old and new value (none of them personal). Runs in main (plain Node).
import { z } from 'zod';
import { AppError } from '../app-error';
import type { AuditLog } from './audit-log';
import type { StoreContext } from './store-context';

export const StoreSettings = z.object({
  retention: z
    .object({
      /** Wait after the final result before images and sealed personal data go (issue 5; default 0). */
      purgeDelayMinutes: z.number().int().min(0).max(60 * 24 * 90).default(0),
      /** Result metadata is kept this many days after the purge (issue 5; default 30). */
      resultDays: z.number().int().min(1).max(3650).default(30),
      /** Applications still unsent after this long raise an admin alert (issue 5; default 72 h). */
      unsentAlertHours: z.number().int().min(1).max(24 * 90).default(72),
    })
    .prefault({}),
  capture: z
    .object({
      /** Captures are refused below this much free disk (issue 5; default 500 MB). */
      minFreeMb: z.number().int().min(0).max(10_000_000).default(500),
    })
    .prefault({}),
  staff: z
    .object({
      /** shared: one kiosk TrustID account, staff sign in with a local PIN; personal: their own. */
      accountMode: z.enum(['shared', 'personal']).default('shared'),
      maxPinAttempts: z.number().int().min(1).max(20).default(5),
      lockoutMinutes: z.number().int().min(1).max(24 * 60).default(5),
    })
    .prefault({}),
});
export type StoreSettings = z.infer<typeof StoreSettings>;
export type StoreSettingsInput = z.input<typeof StoreSettings>;

export type StoreSettingsRepo = {
  get(): StoreSettings;
  /** Validates the whole result, writes the leaves that changed, audits each; returns the new settings. */
  update(patch: DeepPartial<StoreSettings>, actor: string): StoreSettings;
};

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function createStoreSettings(ctx: StoreContext, audit: AuditLog): StoreSettingsRepo {
  const db = ctx.db;
  function get(): StoreSettings {
    const tree: Record<string, Record<string, unknown>> = {};
    for (const row of db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>) {
      const [group, leaf] = row.key.split('.');
      if (!group || !leaf) continue;
      try {
        (tree[group] ??= {})[leaf] = JSON.parse(row.value);
      } catch {
        ctx.log.warn({ key: row.key }, 'unreadable store setting ignored');
      }
    }
    // Leaves that no longer validate (an older build wrote them, or a hand edit) fall back to their
    // defaults one by one rather than losing every setting.
    const parsed = StoreSettings.safeParse(tree);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [group, leaf] = issue.path as string[];
      if (group && leaf && tree[group]) delete tree[group][leaf];
    }
    return StoreSettings.parse(tree);
  }
  return {
    get,
    update(patch, actor) {
      const current = get();
      const merged: Record<string, Record<string, unknown>> = {};
      for (const [group, values] of Object.entries(current)) merged[group] = { ...values, ...((patch as Record<string, object | undefined>)[group] ?? {}) };
      const parsed = StoreSettings.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('store.settings-invalid', `The setting ${issue?.path.join('.') ?? ''} is not valid: ${issue?.message ?? 'unknown problem'}.`);
      }
      const next = parsed.data;
      ctx.tx(() => {
        for (const [group, values] of Object.entries(next)) {
          for (const [leaf, value] of Object.entries(values as Record<string, unknown>)) {
            const before = (current as Record<string, Record<string, unknown>>)[group]?.[leaf];
            if (before === value) continue;
            db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by').run(
              `${group}.${leaf}`,
              JSON.stringify(value),
              ctx.now(),
              actor,
            );
            audit.append({ action: 'settings.changed', actor, detail: { setting: `${group}.${leaf}`, from: scalar(before), to: scalar(value) } });
          }
        }
      });
      return next;
    },
  };
}

function scalar(value: unknown): string | number | boolean | null {
  return value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean | null);
}
