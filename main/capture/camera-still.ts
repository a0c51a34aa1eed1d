// Decodes a camera still from the contract (`camera.submitStill`: base64 JSON text, because the
// Chromium shell's WebSocket carries text). The renderer is untrusted: anything that is not clean
// base64 is refused here, before the camera driver checks the picture itself. Pure; runs in main.
import { AppError } from '../app-error';

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Buffer.from(…, 'base64') skips characters it does not know; this refuses them instead. */
export function decodeStill(jpegBase64: string): Uint8Array {
  if (jpegBase64.length % 4 !== 0 || !base64.test(jpegBase64)) {
    throw new AppError('camera.bad-image', 'The camera picture could not be used: it did not arrive as a picture. Take the picture again.');
  }
  return Buffer.from(jpegBase64, 'base64');
}
