// How camera refusals are named for staff: the DOMException names Chromium uses.
import { describe, expect, it } from 'vitest';
import { cameraProblem, CameraError } from '../../../../renderer/src/media/camera';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('camera problems', () => {
  it('names each refusal the way staff are told about it', () => {
    expect(cameraProblem(named('NotAllowedError'))).toBe('permission-denied');
    expect(cameraProblem(named('NotFoundError'))).toBe('no-camera');
    expect(cameraProblem(named('NotReadableError'))).toBe('in-use');
    expect(cameraProblem(named('OverconstrainedError'))).toBe('resolution');
    expect(cameraProblem(new CameraError('unsupported'))).toBe('unsupported');
    expect(cameraProblem('nonsense')).toBe('failed');
  });
});
