// Settings: the file's schema (also what the renderer sees) and the write-only secrets. Runtime-agnostic.
import { z } from 'zod';

export const TrustIdEnvironment = z.enum(['demo', 'sandbox', 'production', 'custom']);

/**
 * The settings file. Secrets never live here (they go to the sealed secret store), so the whole
 * object may be shown to the renderer.
 */
export const Settings = z.object({
  trustid: z
    .object({
      environment: TrustIdEnvironment.default('demo'),
      /** Only for `custom`; https unless loopback (RAW-API §1.1). */
      customBaseUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable().default(null),
    })
    .prefault({}),
  kiosk: z
    .object({
      /** Full-screen kiosk window. Off by default so a developer's first `npm start` is not trapped. */
      fullscreen: z.boolean().default(false),
      idleTimeoutSeconds: z.number().int().min(30).max(3600).default(180),
    })
    .prefault({}),
  security: z
    .object({
      /**
       * Where the OS offers no key store (Chromium shell, or Linux `basic_text`), keep the data key
       * in an owner-only file. Off until an administrator accepts the weaker custody.
       */
      acceptFileKey: z.boolean().default(false),
    })
    .prefault({}),
  language: z.enum(['en', 'cy']).default('en'),
});
export type Settings = z.infer<typeof Settings>;

export const SecretName = z.enum(['trustid.apiKey', 'trustid.username', 'trustid.password']);
export type SecretName = z.infer<typeof SecretName>;

/** What the renderer may know about secrets: whether each is set, never its value. */
export const SettingsView = z.object({
  settings: Settings,
  secrets: z.record(SecretName, z.object({ configured: z.boolean() })),
  /** Where the file lives and, when it could not be used, why (the file is left untouched). */
  file: z.object({ path: z.string(), problem: z.string().nullable() }),
  /** Whether secrets can be stored here now, and if not, why. */
  secretStorage: z.object({ available: z.boolean(), reason: z.string() }),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const settingsInvoke = {
  'settings.get': { req: z.void(), res: SettingsView },
  'settings.update': { req: Settings, res: SettingsView },
  'settings.setSecret': {
    req: z.object({ name: SecretName, value: z.string().min(1).max(4096) }),
    res: z.void(),
  },
  'settings.clearSecret': { req: z.object({ name: SecretName }), res: z.void() },
} as const;

export const settingsEvents = {
  'settings.changed': SettingsView,
} as const;
