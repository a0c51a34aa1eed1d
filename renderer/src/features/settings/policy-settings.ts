// Quality thresholds and retention (issue 6 §8). Renderer process. The settings schema does not
// carry them yet, so this is the one place that reads and writes them: when the contract's
// Settings gains `quality` and `retention` (fields listed in the renderer-A report), only these
// two functions change.
import type { Settings, SettingsView } from '../../../../preload/contract';

export type QualityCheckId = 'blur' | 'glare' | 'dark' | 'resolution';

export type PolicySettings = {
  quality: {
    /** Sharpness floor (variance of the Laplacian on the greyscale image); below it, "blurred". */
    blurMin: number;
    /** Largest share of blown-out pixels, in percent; above it, "glare". */
    glareMaxPercent: number;
    /** Mean brightness floor, 0–255; below it, "too dark". */
    darkMin: number;
    /** Lowest resolution accepted, in dots per inch of the document. */
    minDpi: number;
    /** Which failed checks block Submit (the others are advice). */
    blocking: Record<QualityCheckId, boolean>;
  };
  retention: {
    /** How long result metadata stays on the kiosk, in days. */
    resultDays: number;
  };
};

export const POLICY_LIMITS = {
  blurMin: { min: 0, max: 2000 },
  glareMaxPercent: { min: 0, max: 100 },
  darkMin: { min: 0, max: 255 },
  minDpi: { min: 72, max: 1200 },
  resultDays: { min: 1, max: 3650 },
} as const;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The policy in the settings, or null while the settings schema has no such fields. */
export function readPolicy(view: SettingsView): PolicySettings | null {
  const settings = view.settings as unknown as Loose;
  const quality = settings.quality;
  const retention = settings.retention;
  if (!isObject(quality) || !isObject(retention)) return null;
  const blocking = isObject(quality.blocking) ? quality.blocking : {};
  if (!num(quality.blurMin) || !num(quality.glareMaxPercent) || !num(quality.darkMin) || !num(quality.minDpi) || !num(retention.resultDays)) return null;
  return {
    quality: {
      blurMin: quality.blurMin,
      glareMaxPercent: quality.glareMaxPercent,
      darkMin: quality.darkMin,
      minDpi: quality.minDpi,
      blocking: { blur: blocking.blur !== false, glare: blocking.glare === true, dark: blocking.dark !== false, resolution: blocking.resolution !== false },
    },
    retention: { resultDays: retention.resultDays },
  };
}

/** Settings with the policy written in: the shape proposed for the contract. */
export function writePolicy(settings: Settings, policy: PolicySettings): Settings {
  return { ...settings, quality: policy.quality, retention: policy.retention } as Settings;
}

/** Which field is out of range, if any. */
export function checkPolicy(policy: PolicySettings): keyof typeof POLICY_LIMITS | null {
  const values: Record<keyof typeof POLICY_LIMITS, number> = {
    blurMin: policy.quality.blurMin,
    glareMaxPercent: policy.quality.glareMaxPercent,
    darkMin: policy.quality.darkMin,
    minDpi: policy.quality.minDpi,
    resultDays: policy.retention.resultDays,
  };
  for (const [key, limits] of Object.entries(POLICY_LIMITS) as Array<[keyof typeof POLICY_LIMITS, { min: number; max: number }]>) {
    const value = values[key];
    if (!Number.isFinite(value) || value < limits.min || value > limits.max) return key;
  }
  return null;
}
