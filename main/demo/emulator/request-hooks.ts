// Things another party does at an exact moment: just before the emulator carries out a matching
// API request (SUBMISSION-PROTOCOL §12 item 9: "another session publishes between
// CHECK_BEFORE_PUBLISH and PUBLISH"). In-process hooks take a function; the control endpoint takes
// one of the "elsewhere" actions as JSON. Never part of TrustID. Runs wherever the emulator runs.
import { z } from 'zod';
import { pathMatches } from './faults';

export const HookActionSchema = z.strictObject({
  id: z.string().min(1).optional(),
  match: z.strictObject({
    /** As for fault rules: "dataAccess/publishDocumentContainer", "publishDocumentContainer" or "*". */
    path: z.string().min(1),
    /** Run only before the n-th matching request (1-based), counted from when the hook was added. */
    nth: z.number().int().positive().optional(),
  }),
  /** What the other party does: add a document, publish, delete, or complete it as an app user. */
  action: z.enum(['addDocument', 'publish', 'delete', 'submitQueued']),
  containerId: z.string().min(1),
  outcome: z.enum(['auto', 'pass', 'fail', 'reject', 'refer']).optional(),
  /** How many times it runs before it retires; default once. */
  times: z.number().int().positive().optional(),
});
export type HookActionInput = z.input<typeof HookActionSchema>;

export type HookMatch = { path: string; nth?: number; times?: number };

type Hook = { id: string; path: string; nth: number | undefined; times: number; seen: number; fired: number; run: () => void; describe: string };

export type HookSummary = { id: string; path: string; nth: number | null; timesLeft: number; action: string };

export class RequestHooks {
  private hooks: Hook[] = [];
  private counter = 0;

  add(match: HookMatch, run: () => void, describe = 'function', id?: string): string {
    const hook: Hook = { id: id ?? `hook-${++this.counter}`, path: match.path, nth: match.nth, times: match.times ?? 1, seen: 0, fired: 0, run, describe };
    this.hooks.push(hook);
    return hook.id;
  }

  remove(id: string): boolean {
    const before = this.hooks.length;
    this.hooks = this.hooks.filter((hook) => hook.id !== id);
    return this.hooks.length !== before;
  }

  clear(): void {
    this.hooks = [];
  }

  list(): HookSummary[] {
    return this.hooks.map((hook) => ({ id: hook.id, path: hook.path, nth: hook.nth ?? null, timesLeft: hook.times - hook.fired, action: hook.describe }));
  }

  /** Runs, in the order added, every hook due before this request; returns the failures (a hook never stops the request). */
  runBefore(op: string): unknown[] {
    const failures: unknown[] = [];
    for (const hook of [...this.hooks]) {
      if (!pathMatches(hook.path, op)) continue;
      hook.seen += 1;
      if (hook.nth !== undefined && hook.seen !== hook.nth) continue;
      hook.fired += 1;
      if (hook.fired >= hook.times) this.remove(hook.id);
      try {
        hook.run();
      } catch (error) {
        failures.push(error);
      }
    }
    return failures;
  }
}
