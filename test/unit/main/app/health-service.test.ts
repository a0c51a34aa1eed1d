import { describe, expect, it } from 'vitest';
import { createHealthService, summarise } from '../../../../main/app/health-service';

describe('health', () => {
  it('reports the worst component, with absent parts as degraded', () => {
    expect(summarise([], 1).overall).toBe('ok');
    expect(summarise([{ id: 'reader', state: 'absent', message: '' }], 1).overall).toBe('degraded');
    expect(summarise([{ id: 'reader', state: 'ok', message: '' }, { id: 'trustid', state: 'down', message: '' }], 1).overall).toBe('down');
  });

  it('notifies only when a component changed', () => {
    let state: 'ok' | 'down' = 'ok';
    const health = createHealthService(() => 5);
    health.register(() => ({ id: 'trustid', state, message: state }));
    const seen: string[] = [];
    health.onChange((h) => seen.push(h.overall));
    health.refresh();
    state = 'down';
    health.refresh();
    health.refresh();
    expect(seen).toEqual(['down']);
  });
});
