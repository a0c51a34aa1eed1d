// Channels about the app itself: identity, mode, health. Runtime-agnostic.
import { z } from 'zod';

export const Shell = z.enum(['electron', 'chromium']);
export const Mode = z.enum(['demo', 'sandbox', 'production', 'custom']);
export type Mode = z.infer<typeof Mode>;

/** What the app is and how it runs; the renderer's frame is built from this. */
export const AppInfo = z.object({
  productName: z.string(),
  version: z.string(),
  shell: Shell,
  mode: Mode,
  /** Why the app is in this mode, in plain words ("No TrustID account is configured."). */
  modeReason: z.string(),
  /** The same reason as a code the renderer words: demo-selected, custom-no-address, no-account, connected. */
  modeReasonCode: z.enum(['demo-selected', 'custom-no-address', 'no-account', 'connected']).optional(),
  kiosk: z.boolean(),
  language: z.enum(['en', 'cy']),
  /** A one-off notice for staff, e.g. after the screen was recovered from a crash. */
  notice: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ComponentState = z.enum(['ok', 'degraded', 'down', 'absent']);
export type ComponentState = z.infer<typeof ComponentState>;

export const HealthComponent = z.object({
  id: z.enum(['trustid', 'reader', 'store', 'demo-emulator', 'demo-reader', 'disk']),
  state: ComponentState,
  /** Plain words for staff: what is wrong and what to do. */
  message: z.string(),
  /** Stable code the renderer words the message by, where one exists (e.g. `trustid.sign-in-refused`). */
  code: z.string().optional(),
  /** Values the renderer words the message from in the staff member's language (free MB, counts, names of readers). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type HealthComponent = z.infer<typeof HealthComponent>;

export const Health = z.object({
  overall: ComponentState,
  components: z.array(HealthComponent),
  checkedAt: z.number().int(),
});
export type Health = z.infer<typeof Health>;

export const appInvoke = {
  'app.info': { req: z.void(), res: AppInfo },
  'health.get': { req: z.void(), res: Health },
} as const;

export const appEvents = {
  'health.changed': Health,
} as const;
