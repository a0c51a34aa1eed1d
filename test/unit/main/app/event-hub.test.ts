import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../../main/app/event-hub';
import { silentLogger } from '../../../../main/logging/logger';

const health = (overall: 'ok' | 'down') => ({ overall, components: [], checkedAt: 1 });

describe('event hub', () => {
  it('fans an event out to every attached transport', () => {
    const hub = createEventHub(silentLogger());
    const a: unknown[] = [];
    const b: unknown[] = [];
    hub.attach((name, p) => a.push([name, p]));
    hub.attach((name, p) => b.push([name, p]));
    hub.emit('health.changed', health('ok'));
    expect(a).toEqual([['health.changed', health('ok')]]);
    expect(b).toEqual(a);
  });

  it('keeps delivering to the others when one transport throws', () => {
    const hub = createEventHub(silentLogger());
    const seen: unknown[] = [];
    hub.attach(() => {
      throw new Error('socket gone');
    });
    hub.attach((_n, p) => seen.push(p));
    hub.emit('health.changed', health('down'));
    expect(seen).toHaveLength(1);
  });

  it('does not send a payload that breaks the contract', () => {
    const hub = createEventHub(silentLogger());
    const seen: unknown[] = [];
    hub.attach((_n, p) => seen.push(p));
    hub.emit('health.changed', { overall: 'nope' } as never);
    expect(seen).toEqual([]);
  });

  it('remembers the last payload of each event for late joiners, and detaches', () => {
    const hub = createEventHub(silentLogger());
    hub.emit('health.changed', health('ok'));
    hub.emit('health.changed', health('down'));
    expect(hub.latest()).toEqual([['health.changed', health('down')]]);
    const seen: unknown[] = [];
    const detach = hub.attach((_n, p) => seen.push(p));
    detach();
    hub.emit('health.changed', health('ok'));
    expect(seen).toEqual([]);
  });
});
