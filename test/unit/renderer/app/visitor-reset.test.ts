// The visitor reset registry: every store's reset runs, even when one fails.
import { describe, expect, it } from 'vitest';
import { onVisitorReset, resetVisitor } from '../../../../renderer/src/app/visitor-reset';

describe('visitor reset', () => {
  it('runs every registered reset even when one throws, then reports the failure', () => {
    const ran: string[] = [];
    const stops = [
      onVisitorReset(() => ran.push('capture')),
      onVisitorReset(() => {
        throw new Error('boom');
      }),
      onVisitorReset(() => ran.push('results')),
    ];
    expect(() => resetVisitor()).toThrow(AggregateError);
    expect(ran).toEqual(['capture', 'results']);
    stops.forEach((stop) => stop());
    ran.length = 0;
    resetVisitor();
    expect(ran).toEqual([]);
  });
});
