// Fault injection rules (RAW-API §15.2): their shape, validation, and which rule (if any) a
// request triggers. `probability` draws from the injected seeded random, so runs reproduce.
// Runs wherever the emulator runs. Pure apart from the rule book's counters.
import { z } from 'zod';
import { excerpt } from './envelope';

export const FLAG_NAMES = ['Locked', 'VpeUnreachable', 'AccessDenied'] as const;
export type BodyKind = 'empty' | 'html' | 'envelope';

export type FaultAction =
  | { kind: 'refuse' }
  | { kind: 'http'; status: number }
  | { kind: 'applyThenDrop' }
  | { kind: 'applyThen'; status: number }
  | { kind: 'delay'; ms: number; apply: boolean }
  | { kind: 'sessionExpired' }
  | { kind: 'flag'; flag: (typeof FLAG_NAMES)[number] }
  | { kind: 'reject' }
  | { kind: 'resetDuringRequest' }
  | { kind: 'resetDuringResponse' };

export const FaultRuleSchema = z.object({
  id: z.string().min(1).optional(),
  match: z.object({
    /** "dataAccess/publishDocumentContainer", "/VPE/dataAccess/publishDocumentContainer/", "publishDocumentContainer" or "*". */
    path: z.string().min(1),
    method: z.enum(['GET', 'POST']).optional(),
    /** Fire only on the n-th matching request (1-based), counted from when the rule was added. */
    nth: z.number().int().positive().optional(),
    /** Fire with this probability, drawn from the emulator's seeded random. */
    probability: z.number().min(0).max(1).optional(),
  }),
  /** refuse | http:<status> | applyThenDrop | applyThen:<5xx> | delay:<ms>[:apply|:noApply] | sessionExpired | flag:<name> | reject | resetDuringRequest | resetDuringResponse */
  action: z.string().min(1),
  /** How many times the rule fires before it retires; absent = every match. */
  times: z.number().int().positive().optional(),
  /** Retry-After header for http:<status> (seconds or an HTTP date). */
  retryAfter: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
  body: z.enum(['empty', 'html', 'envelope']).optional(),
  /** For delay: carry the operation out (default) or not. */
  apply: z.boolean().optional(),
  /** For reject: the Message to answer. */
  message: z.string().optional(),
  /** For the reset actions: bytes read or written before the connection drops (default: half). */
  afterBytes: z.number().int().min(0).optional(),
});
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;
type FaultRuleParsed = z.output<typeof FaultRuleSchema>;

export type FaultRule = FaultRuleParsed & {
  id: string;
  parsed: FaultAction;
  /** Matching requests seen since the rule was added. */
  seen: number;
  fired: number;
};

/** Reads the action string; throws with a plain message on anything unknown. */
export function parseAction(action: string, apply?: boolean): FaultAction {
  const quoted = excerpt(action);
  const [name = '', arg, extra] = action.split(':');
  const number = (text: string | undefined) => {
    const value = Number(text);
    if (text === undefined || text === '' || !Number.isInteger(value) || value < 0) throw new Error(`Fault action ${quoted} needs a whole number.`);
    return value;
  };
  switch (name) {
    case 'refuse':
    case 'applyThenDrop':
    case 'sessionExpired':
    case 'reject':
    case 'resetDuringRequest':
    case 'resetDuringResponse':
      return { kind: name };
    case 'http': {
      const status = number(arg);
      if (status < 100 || status > 599) throw new Error(`Fault action ${quoted}: not an HTTP status.`);
      return { kind: 'http', status };
    }
    case 'applyThen': {
      const status = number(arg);
      if (![500, 502, 503, 504].includes(status)) throw new Error(`Fault action ${quoted}: applyThen takes 500, 502, 503 or 504.`);
      return { kind: 'applyThen', status };
    }
    case 'delay': {
      if (extra !== undefined && extra !== 'apply' && extra !== 'noApply') throw new Error(`Fault action ${quoted}: use delay:<ms>:apply or delay:<ms>:noApply.`);
      return { kind: 'delay', ms: number(arg), apply: extra === undefined ? (apply ?? true) : extra === 'apply' };
    }
    case 'flag': {
      const flag = FLAG_NAMES.find((item) => item === arg);
      if (!flag) throw new Error(`Fault action ${quoted}: the flag is one of ${FLAG_NAMES.join(', ')}.`);
      return { kind: 'flag', flag };
    }
    default:
      throw new Error(`Unknown fault action ${quoted}.`);
  }
}

/** "/VPE/dataAccess/publishDocumentContainer/" → "dataaccess/publishdocumentcontainer". */
function normalisePath(path: string): string {
  return path
    .toLowerCase()
    .replace(/^\/+/, '')
    .replace(/^(vpe|vpe\.svc)\//, '')
    .replace(/\/+$/, '');
}

export function pathMatches(rulePath: string, op: string): boolean {
  const want = normalisePath(rulePath);
  const have = op.toLowerCase();
  return want === '*' || want === have || (!want.includes('/') && have.endsWith(`/${want}`));
}

export class FaultBook {
  private rules: FaultRule[] = [];
  private counter = 0;

  constructor(private readonly random: () => number) {}

  add(input: unknown): FaultRule {
    const parsed = FaultRuleSchema.parse(input);
    const rule: FaultRule = { ...parsed, id: parsed.id ?? `fault-${++this.counter}`, parsed: parseAction(parsed.action, parsed.apply), seen: 0, fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule this request fires, counting it against every rule whose path it matches. */
  pick(op: string, method: string): FaultRule | null {
    let chosen: FaultRule | null = null;
    for (const rule of this.rules) {
      if (!pathMatches(rule.match.path, op)) continue;
      if (rule.match.method && rule.match.method !== method) continue;
      rule.seen += 1;
      if (chosen) continue;
      if (rule.match.nth !== undefined && rule.seen !== rule.match.nth) continue;
      if (rule.match.probability !== undefined && !(this.random() < rule.match.probability)) continue;
      chosen = rule;
    }
    if (chosen) {
      chosen.fired += 1;
      if (chosen.times !== undefined && chosen.fired >= chosen.times) this.remove(chosen.id);
    }
    return chosen;
  }
}
