// Words for a refused contract payload that name the problem without echoing what the client sent
// (STYLE "Errors"): field names and keys come back only as short excerpts with anything but plain
// letters, digits, dot, dash and underscore replaced, so hostile HTML or a megabyte key never
// returns. Runs in main (plain Node).
import type { z } from 'zod';

const EXCERPT_CHARS = 24;
const MAX_ISSUES = 3;

/** A short, escaped excerpt of client text: safe to show, never longer than ~25 characters. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const head = Array.from(text.slice(0, max * 2)).slice(0, max);
  const safe = head.map((ch) => (/^[A-Za-z0-9._-]$/.test(ch) ? ch : '?')).join('');
  return text.length > safe.length ? `${safe}…` : safe;
}

function where(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'payload';
  // A deep path is itself client-shaped (record keys, array indexes): show at most four steps.
  const steps = path.slice(0, 4).map((step) => (typeof step === 'number' ? String(step) : excerpt(String(step))));
  return `${steps.join('.')}${path.length > 4 ? '.…' : ''}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 3).map((key) => `"${excerpt(key)}"`);
    const more = issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '';
    return `${where(issue.path)}: unknown key${issue.keys.length === 1 ? '' : 's'} ${keys.join(', ')}${more}`;
  }
  // zod's own messages name types, limits and the contract's options, never the value received;
  // they are still cut short in case a custom refinement ever words one with client text.
  return `${where(issue.path)}: ${issue.message.slice(0, 160)}`;
}

/** Names the fields that failed (at most three), never echoing the values (a payload may carry a secret). */
export function describeInvalid(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map(describeIssue);
  const more = error.issues.length > MAX_ISSUES ? `; ${error.issues.length - MAX_ISSUES} more` : '';
  return `The request to ${channel} was not valid (${parts.join('; ')}${more}).`;
}
