// MRZ dates are YYMMDD without a century (ICAO 9303 part 3 §4.5); this resolves the century against
// an injected `today` and answers the questions staff need: expired? under age? Pure; runs anywhere.

/** A calendar day as 'YYYY-MM-DD'. */
export type IsoDay = string;

type Ymd = { y: number; m: number; d: number };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function iso({ y, m, d }: Ymd): IsoDay {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseToday(today: IsoDay): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) throw new TypeError(`today must be YYYY-MM-DD, got ${today}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** The local calendar day of `date` (the desk's own day decides expiry), as 'YYYY-MM-DD'. */
export function localIsoDay(date: Date): IsoDay {
  return iso({ y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() });
}

type MrzDateParts = { yy: number; m: number | null; d: number | null };

/** Reads YYMMDD where month and day may be `<<` (unknown, ICAO 9303 part 3 §4.5). */
function readMrzDate(yymmdd: string): MrzDateParts | null {
  const match = /^(\d{2})(\d{2}|<<)(\d{2}|<<)$/.exec(yymmdd);
  if (!match) return null;
  const m = match[2] === '<<' ? null : Number(match[2]);
  const d = match[3] === '<<' ? null : Number(match[3]);
  if (m !== null && (m < 1 || m > 12)) return null;
  if (d !== null && (d < 1 || d > 31)) return null;
  return { yy: Number(match[1]), m, d };
}

/** Birth date, century chosen so it is not in the future. Null when unreadable or partly unknown. */
export function resolveBirthDate(yymmdd: string, today: IsoDay): IsoDay | null {
  const parts = readMrzDate(yymmdd);
  if (!parts || parts.m === null || parts.d === null) return null;
  const t = parseToday(today);
  const candidate: Ymd = { y: 2000 + parts.yy, m: parts.m, d: parts.d };
  if (iso(candidate) > iso(t)) candidate.y -= 100;
  if (candidate.d > daysInMonth(candidate.y, candidate.m)) return null;
  return iso(candidate);
}

/** Expiry date, century chosen within fifty years either side of today. Null when unreadable. */
export function resolveExpiryDate(yymmdd: string, today: IsoDay): IsoDay | null {
  const parts = readMrzDate(yymmdd);
  if (!parts || parts.m === null || parts.d === null) return null;
  const t = parseToday(today);
  let y = 2000 + parts.yy;
  if (y > t.y + 50) y -= 100;
  else if (y < t.y - 50) y += 100;
  if (parts.d > daysInMonth(y, parts.m)) return null;
  return iso({ y, m: parts.m, d: parts.d });
}

/**
 * Whole years of age on `today`. An unknown month or day counts as the latest possible one, so a
 * holder is never taken for older than they may be.
 */
export function ageOn(yymmdd: string, today: IsoDay): number | null {
  const parts = readMrzDate(yymmdd);
  if (!parts) return null;
  const t = parseToday(today);
  const m = parts.m ?? 12;
  let y = 2000 + parts.yy;
  const d = parts.d ?? daysInMonth(y, m);
  if (iso({ y, m, d }) > iso(t)) y -= 100;
  const day = Math.min(d, daysInMonth(y, m));
  let age = t.y - y;
  if (t.m < m || (t.m === m && t.d < day)) age -= 1;
  return age;
}

/** A document is valid through its expiry day and expired from the day after. */
export function isExpired(expiry: IsoDay, today: IsoDay): boolean {
  return expiry < today;
}
