import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedReader, type Timers } from '../../../../../main/demo/simulated-reader/simulated-reader';
import { SimulatedReaderSettings } from '../../../../../main/demo/simulated-reader/simulated-reader-settings';
import { parseMrz } from '../../../../../main/devices/mrz/parse-mrz';

class ManualTimers implements Timers {
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private time = 0;
  private ids = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.fn();
  }
  pending(): number {
    return this.timers.length;
  }
}

function reader(extra: Partial<ConstructorParameters<typeof SimulatedReader>[0]> = {}) {
  const timers = new ManualTimers();
  const r = new SimulatedReader({ id: 'demo', specimensDir: path.resolve('resources/specimens'), today: () => '2026-05-01', timers, dpi: 40, ...extra });
  const events: string[] = [];
  r.on('status', (s) => events.push(`status:${s.state}`));
  r.on('document-present', () => events.push('present'));
  r.on('document-removed', () => events.push('removed'));
  r.on('mrz', (m) => events.push(`mrz:${m.lines.length}`));
  r.on('image', (i) => events.push(`image:${i.side}/${i.light}`));
  return { r, timers, events };
}

describe('simulated reader', () => {
  it('reads a specimen on trigger like a full-page reader, then the document is taken away', async () => {
    const { r, timers, events } = reader();
    await r.start();
    await r.trigger();
    expect(events).toEqual([
      'status:ready',
      'status:reading',
      'present',
      'mrz:2',
      'image:front/white',
      'image:front/ir',
      'image:front/uv',
      'image:back/white',
      'image:back/ir',
      'image:back/uv',
      'status:ready',
    ]);
    timers.advance(1500);
    expect(events.at(-1)).toBe('removed');
    await r.stop();
  });

  it('alternates passport and ID card, each a valid MRZ with its raw bytes', async () => {
    const { r } = reader({ sides: [], lights: [] });
    const reads: Array<{ format: string; raw: string }> = [];
    r.on('mrz', (m) => {
      const parsed = parseMrz(m.lines, { today: '2026-05-01' });
      reads.push({ format: parsed.ok ? `${parsed.format}:${parsed.valid}` : parsed.code, raw: new TextDecoder().decode(m.raw) });
      expect(m).toMatchObject({ partial: false, source: 'simulated:demo' });
    });
    await r.start();
    await r.trigger();
    await r.trigger();
    expect(reads.map((x) => x.format)).toEqual(['TD3:true', 'TD1:true']);
    expect(reads[0]?.raw).toMatch(/^P<UTO.*\r\n.*\r\n$/s);
    await r.stop();
  });

  it('presents the scenario asked for: expired, bad check digit, REFER', async () => {
    const { r } = reader({ sides: [], lights: [] });
    const seen: unknown[] = [];
    r.on('mrz', (m) => {
      const p = parseMrz(m.lines, { today: '2026-05-01' });
      if (p.ok) seen.push({ expired: p.expired, valid: p.valid, surname: p.values.lastName });
    });
    await r.start();
    await r.present({ expired: true });
    await r.present({ badCheckDigit: true });
    await r.present({ referSurname: true });
    expect(seen).toEqual([
      { expired: true, valid: true, surname: 'SPECIMEN' },
      { expired: false, valid: false, surname: 'SPECIMEN' },
      { expired: false, valid: true, surname: 'REFER' },
    ]);
    await r.stop();
  });

  it('presents documents on a timer until stopped', async () => {
    const { r, timers, events } = reader({ intervalMs: 5000, sides: [], lights: [] });
    await r.start();
    timers.advance(4999);
    expect(events.filter((e) => e.startsWith('mrz'))).toHaveLength(0);
    timers.advance(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events.filter((e) => e.startsWith('mrz'))).toHaveLength(1);
    await r.stop();
    timers.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events.filter((e) => e.startsWith('mrz'))).toHaveLength(1);
    expect(r.status()).toEqual({ state: 'offline' });
  });
});

describe('simulated reader settings', () => {
  it('default to an on-demand reader sending front and back in all three lights at 300 dpi', () => {
    expect(SimulatedReaderSettings.parse({})).toEqual({ intervalMs: null, sides: ['front', 'back'], lights: ['white', 'ir', 'uv'], dpi: 300, removeAfterMs: 1500 });
    expect(SimulatedReaderSettings.safeParse({ lights: ['infrared'] }).success).toBe(false);
  });
});
