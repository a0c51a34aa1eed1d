// Refusals name the problem, never the payload: hostile keys and values come back as short escaped
// excerpts at most (issue 12 §1).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeInvalid, excerpt } from '../../../../main/app/invalid-payload';

describe('excerpt', () => {
  it('keeps plain names and cuts long ones with an ellipsis', () => {
    expect(excerpt('langauge')).toBe('langauge');
    expect(excerpt('a'.repeat(1_000_000))).toBe(`${'a'.repeat(24)}…`);
  });

  it('replaces markup, quotes, control and non-ASCII characters', () => {
    const shown = excerpt('<img src=x onerror=alert(1)>"\n\u202e');
    expect(shown).not.toMatch(/[<>"=\n\u202e ()]/);
    expect(shown.length).toBeLessThanOrEqual(25);
  });
});

describe('describeInvalid', () => {
  const hostileKey = `<script>alert(1)</script>${'x'.repeat(1024 * 1024)}`;

  it('names an unknown key by a short escaped excerpt only', () => {
    const result = z.strictObject({ name: z.string() }).safeParse({ name: 'a', [hostileKey]: 1 });
    const text = describeInvalid('settings.update', result.error!);
    expect(text).toContain('unknown key');
    expect(text).toContain('?script?alert?1');
    expect(text).not.toContain('<script>');
    expect(text.length).toBeLessThan(300);
  });

  it('shows record keys in a path as excerpts, and no values', () => {
    const result = z.object({ options: z.record(z.string(), z.number()) }).safeParse({ options: { [hostileKey]: 'secret-value-123' } });
    const text = describeInvalid('x.y', result.error!);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('secret-value-123');
    expect(text.length).toBeLessThan(300);
  });

  it('lists at most three problems and counts the rest', () => {
    const schema = z.strictObject({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string() });
    const text = describeInvalid('x.y', schema.safeParse({}).error!);
    expect(text).toMatch(/; 2 more\)\.$/);
  });
});
