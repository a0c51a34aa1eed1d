// The health indicator's source: one state per component, recomputed when something changes and
// pushed as `health.changed`. Runs in main (plain Node). Later services register their own probes.
import type { ComponentState, Health, HealthComponent } from '../../preload/contract';

export type HealthProbe = () => HealthComponent | HealthComponent[];

export type HealthService = {
  current(): Health;
  register(probe: HealthProbe): void;
  /** Recompute and notify listeners if anything changed. */
  refresh(): Health;
  onChange(listener: (health: Health) => void): void;
};

const severity: Record<ComponentState, number> = { ok: 0, absent: 1, degraded: 2, down: 3 };

export function summarise(components: HealthComponent[], now: number): Health {
  const worst = components.reduce<ComponentState>((acc, c) => (severity[c.state] > severity[acc] ? c.state : acc), 'ok');
  // "absent" parts (not configured, not built yet) make the whole degraded, never down.
  return { overall: worst === 'absent' ? 'degraded' : worst, components, checkedAt: now };
}

export function createHealthService(now: () => number = Date.now): HealthService {
  const probes: HealthProbe[] = [];
  const listeners: Array<(h: Health) => void> = [];
  let last = summarise([], now());

  const compute = () => summarise(probes.flatMap((p) => p()), now());
  const same = (a: Health, b: Health) => JSON.stringify(a.components) === JSON.stringify(b.components);

  return {
    current: () => last,
    register(probe) {
      probes.push(probe);
      last = compute();
    },
    refresh() {
      const next = compute();
      const changed = !same(next, last);
      last = next;
      if (changed) for (const l of listeners) l(next);
      return next;
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
