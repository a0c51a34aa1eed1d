// Settings: the file's schema (also what the renderer sees) and the write-only secrets. Runtime-agnostic.
import { z } from 'zod';
import { DeviceId, DeviceKind } from './devices';
import { strictPatch, type DeepPartial } from './strict-patch';

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
  accounts: z
    .object({
      /** shared: the kiosk's TrustID account submits, staff sign in with a local PIN; personal: their own. */
      mode: z.enum(['shared', 'personal']).default('shared'),
    })
    .prefault({}),
  /** Local checks before Submit (issue 6 "Capture"). Numbers are what main/capture/quality-checks measures. */
  quality: z
    .object({
      /** Sharpness floor (variance of the Laplacian); below it, "blurred". */
      blurMin: z.number().min(0).max(2000).default(60),
      /** Largest share of blown-out pixels, in percent; above it, "glare". */
      glareMaxPercent: z.number().min(0).max(100).default(6),
      /** Mean brightness floor, 0–255; below it, "too dark". */
      darkMin: z.number().min(0).max(255).default(60),
      /** Lowest resolution accepted, in dots per inch of the document. */
      minDpi: z.number().int().min(72).max(1200).default(250),
      /** Which failed checks block Submit; the others are advice. */
      blocking: z
        .object({ blur: z.boolean().default(true), glare: z.boolean().default(false), dark: z.boolean().default(true), resolution: z.boolean().default(true) })
        .prefault({}),
    })
    .prefault({}),
  /** Free disk space (issue 12 §2). Health warns at three times the floor and is an error below it. */
  disk: z
    .object({
      /** New checks are refused below this much free space on the data folder's disk, in MB. */
      minFreeMb: z.number().int().min(0).max(1_000_000).default(500),
    })
    .prefault({}),
  retention: z
    .object({
      /** How long result metadata stays on the kiosk after the images and personal data are purged. */
      resultDays: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  /**
   * The readers on this desk. Each kind's options are checked by main (main/devices) when saved; the
   * contract only fixes the shape, so the renderer never depends on driver internals.
   */
  devices: z
    .array(
      z.object({
        id: DeviceId,
        kind: DeviceKind,
        label: z.string().trim().min(1).max(80),
        enabled: z.boolean().default(true),
        options: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .max(16)
    .default([]),
});
export type Settings = z.infer<typeof Settings>;

/**
 * A change to the settings: any subset of the keys, at any depth. Keys not named stay as they are;
 * an unknown (misspelt) key is refused rather than dropped (issue 12 §1), and lists are replaced whole.
 */
export const SettingsUpdate = strictPatch(Settings) as z.ZodType<DeepPartial<Settings>>;
export type SettingsUpdate = DeepPartial<Settings>;

/**
 * What every role may know about the settings, sent with `settings.changed` to every window
 * (signed out included): only what the frame and the sign-in and lock screens use. The whole view
 * (paths, which secrets are set) is `settings.get`, for administrators.
 */
export const PublicSettings = z.object({
  language: z.enum(['en', 'cy']),
  kiosk: z.object({ fullscreen: z.boolean(), idleTimeoutSeconds: z.number().int() }),
  accountMode: z.enum(['shared', 'personal']),
});
export type PublicSettings = z.infer<typeof PublicSettings>;

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
  'settings.update': { req: SettingsUpdate, res: SettingsView },
  'settings.setSecret': {
    req: z.strictObject({ name: SecretName, value: z.string().min(1).max(4096) }),
    res: z.void(),
  },
  'settings.clearSecret': { req: z.strictObject({ name: SecretName }), res: z.void() },
} as const;

export const settingsEvents = {
  'settings.changed': PublicSettings,
} as const;
