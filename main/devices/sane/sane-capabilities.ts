// Reads what a scanner offers (modes, sources, resolutions) from `scanimage -d <dev> -A` and plans a
// scan from the settings against it: backends name the same thing differently ("Color",
// "24bit Color"; "ADF", "Automatic Document Feeder", "ADF Duplex"). Pure. Runs in main.

export type ResolutionOffer = { kind: 'range'; min: number; max: number; step: number } | { kind: 'list'; values: number[] };

export type SaneCapabilities = {
  modes: string[];
  sources: string[];
  resolution: ResolutionOffer | null;
};

export type ScanMode = 'color' | 'gray' | 'lineart';
export type ScanSource = 'flatbed' | 'adf' | 'adf-duplex';

export type ScanRequest = {
  resolution: number;
  mode: ScanMode;
  source: ScanSource;
  /** Exact backend source name when the automatic choice is wrong for a model. */
  sourceName?: string | null;
};

export type ScanPlan = {
  /** Backend values to pass, or null to leave the backend's own default. */
  mode: string | null;
  source: string | null;
  resolution: number;
  /** Whether the scan uses a feeder (pages until it is empty or `pages` are done). */
  feeder: boolean;
  /** Pages per document: 2 for a duplex feeder (front, back), otherwise 1. */
  pages: number;
};

/** Splits an option line `    --mode Gray|Color [Gray]` into its values and current value. */
function optionLine(line: string, names: string[]): { values: string; current: string } | null {
  const m = /^\s+--([a-z0-9-]+) (.+?)(?: \[([^[\]]*)\])?\s*$/.exec(line);
  if (!m || !names.includes(m[1]!)) return null;
  return { values: m[2]!, current: m[3] ?? '' };
}

export function parseCapabilities(helpText: string): SaneCapabilities {
  const caps: SaneCapabilities = { modes: [], sources: [], resolution: null };
  for (const line of helpText.split('\n')) {
    const mode = optionLine(line, ['mode']);
    if (mode) caps.modes = mode.values.split('|');
    const source = optionLine(line, ['source']);
    if (source) caps.sources = source.values.split('|');
    const res = optionLine(line, ['resolution', 'x-resolution']);
    if (res && !caps.resolution) caps.resolution = parseResolution(res.values);
  }
  return caps;
}

function parseResolution(values: string): ResolutionOffer | null {
  const range = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)(?:dpi)?(?: \(in steps of (\d+(?:\.\d+)?)\))?/.exec(values);
  if (range) return { kind: 'range', min: Number(range[1]), max: Number(range[2]), step: Number(range[3] ?? 1) || 1 };
  const list = values
    .replace(/dpi$/, '')
    .split('|')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  return list.length ? { kind: 'list', values: list } : null;
}

const modePatterns: Record<ScanMode, RegExp> = {
  color: /colou?r/i,
  gray: /gr[ae]y/i,
  lineart: /lineart|binary|black ?& ?white|halftone/i,
};

/** The backend's source name for a source kind, or null when it offers none that fits. */
export function pickSource(sources: string[], source: ScanSource): string | null {
  const feeders = sources.filter((s) => /adf|feeder|document|sheet/i.test(s));
  if (source === 'flatbed') return sources.find((s) => /flat ?bed|platen|normal/i.test(s)) ?? null;
  if (source === 'adf-duplex') return sources.find((s) => /duplex|both sides/i.test(s)) ?? null;
  return feeders.find((s) => !/duplex|both|back/i.test(s)) ?? feeders[0] ?? null;
}

function nearestResolution(offer: ResolutionOffer | null, wanted: number): number {
  if (!offer) return wanted;
  if (offer.kind === 'range') {
    const clamped = Math.min(offer.max, Math.max(offer.min, wanted));
    return Math.round(offer.min + Math.round((clamped - offer.min) / offer.step) * offer.step);
  }
  // Ties go to the higher resolution: a sharper image never hurts MRZ reading.
  return offer.values.reduce((best, v) => {
    const d = Math.abs(v - wanted) - Math.abs(best - wanted);
    return d < 0 || (d === 0 && v > best) ? v : best;
  });
}

export type PlanResult = { ok: true; plan: ScanPlan } | { ok: false; code: string; message: string };

/** Matches the settings to what the scanner offers, or says in plain words why it cannot. */
export function planScan(caps: SaneCapabilities, request: ScanRequest): PlanResult {
  let source: string | null = null;
  if (request.sourceName) {
    if (caps.sources.length && !caps.sources.includes(request.sourceName)) {
      return unsupported(`The scanner has no source named "${request.sourceName}" (it offers ${caps.sources.join(', ')}).`);
    }
    source = request.sourceName;
  } else if (caps.sources.length) {
    source = pickSource(caps.sources, request.source);
    // A duplex setting on a simplex feeder still scans: one side per document.
    if (!source && request.source === 'adf-duplex') source = pickSource(caps.sources, 'adf');
    if (!source && request.source !== 'flatbed') {
      return unsupported(`The scanner has no document feeder (it offers ${caps.sources.join(', ')}). Choose Flatbed in Settings.`);
    }
  } else if (request.source !== 'flatbed') {
    return unsupported('The scanner has no document feeder. Choose Flatbed in Settings.');
  }
  const feeder = request.sourceName ? /adf|feeder|document|sheet|duplex/i.test(request.sourceName) : request.source !== 'flatbed';
  const duplex = feeder && /duplex|both sides/i.test(source ?? '');
  let mode: string | null = null;
  if (caps.modes.length) {
    mode = caps.modes.find((m) => modePatterns[request.mode].test(m)) ?? null;
    if (!mode) return unsupported(`The scanner cannot scan in ${request.mode} (it offers ${caps.modes.join(', ')}).`);
  }
  return {
    ok: true,
    plan: { mode, source, resolution: nearestResolution(caps.resolution, request.resolution), feeder, pages: duplex ? 2 : 1 },
  };
}

function unsupported(message: string): PlanResult {
  return { ok: false, code: 'scanner.unsupported-setting', message: `${message} Check the scanner settings.` };
}
