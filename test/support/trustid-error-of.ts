// The TrustIdError a call fails with; fails the test when the call succeeds or throws anything else.
import { expect } from 'vitest';
import { TrustIdError } from '../../main/trustid';

export async function errorOf(p: Promise<unknown>): Promise<TrustIdError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(TrustIdError);
    return error as TrustIdError;
  }
  throw new Error('expected the call to fail');
}
