// Quality thresholds and retention (issue 6 §8), as the settings form edits them. Renderer process.
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

/** The policy in the settings. */
export function readPolicy(view: SettingsView): PolicySettings {
  return { quality: view.settings.quality, retention: view.settings.retention };
}

/** Settings with the policy written in. */
export function writePolicy(settings: Settings, policy: PolicySettings): Settings {
  return { ...settings, quality: policy.quality, retention: policy.retention };
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
