// The results store's filter request: what staff left empty is not sent.
import { describe, expect, it } from 'vitest';
import { emptyFilter, filterRequest } from '../../../../renderer/src/stores/results-store';

describe('filter request', () => {
  it('leaves out what was not filled in', () => {
    expect(filterRequest(emptyFilter)).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, name: '   ' })).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, from: 'not a date' })).toEqual({ limit: 50 });
    expect(filterRequest({ ...emptyFilter, state: 'referred', origin: 'guest_link' })).toEqual({ state: 'referred', origin: 'guest_link', limit: 50 });
  });
});
