import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invoke } from '../../../preload/contract';
import { strictRequest } from '../../../preload/contract/strict-patch';

describe('strictRequest', () => {
  it('refuses an unknown key at any depth, through optional, nullable, array, record and union', () => {
    const schema = z.object({
      crop: z.object({ x: z.number() }).nullable(),
      items: z.array(z.object({ a: z.string() })).optional(),
      byName: z.record(z.string(), z.object({ v: z.number() })),
      either: z.union([z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), n: z.number() })]),
    });
    const ok = { crop: { x: 1 }, items: [{ a: 'x' }], byName: { k: { v: 1 } }, either: { kind: 'b', n: 2 } };
    const strict = strictRequest(schema);
    expect(strict.safeParse(ok).success).toBe(true);
    expect(strict.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(strict.safeParse({ ...ok, crop: { x: 1, y: 2 } }).success).toBe(false);
    expect(strict.safeParse({ ...ok, items: [{ a: 'x', b: 1 }] }).success).toBe(false);
    expect(strict.safeParse({ ...ok, byName: { k: { v: 1, w: 2 } } }).success).toBe(false);
    expect(strict.safeParse({ ...ok, either: { kind: 'a', n: 2 } }).success).toBe(false);
  });

  it('keeps an object’s own refinements', () => {
    const schema = z.object({ from: z.number(), to: z.number() }).refine((r) => r.from <= r.to);
    expect(strictRequest(schema).safeParse({ from: 2, to: 1 }).success).toBe(false);
    expect(strictRequest(schema).safeParse({ from: 1, to: 2 }).success).toBe(true);
  });

  it('builds a strict form for every channel of the contract', () => {
    for (const [channel, spec] of Object.entries(invoke)) {
      expect(() => strictRequest(spec.req as z.ZodType), channel).not.toThrow();
    }
  });
});
