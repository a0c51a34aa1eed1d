// Turns what serialport and the OS say about a port into stable codes and plain English with the fix.
// Pure; runs in main.
import { AppError } from '../../app-error';

export type ReaderErrorCode =
  | 'reader.port-busy'
  | 'reader.permission-denied'
  | 'reader.not-found'
  | 'reader.unplugged'
  | 'reader.no-answer'
  | 'reader.not-ready'
  | 'reader.no-trigger'
  | 'reader.io-error';

const udevRule = 'resources/linux/99-scan-station-readers.rules';

/** The error opening `path` failed with, as a typed AppError staff can act on. */
export function openError(path: string, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // serialport's Linux binding locks with flock(); a second opener gets EAGAIN, worded
  // "Error Resource temporarily unavailable Cannot lock port".
  if (/cannot lock port|resource temporarily unavailable|EBUSY|device or resource busy/i.test(message) || code === 'EBUSY' || code === 'EAGAIN') {
    return new AppError('reader.port-busy', `The reader on ${path} is in use by another program. Close the reader's own software (or any terminal program using ${path}) and press Retry.`, { cause: error, params: { port: path } });
  }
  if (/permission denied|EACCES|EPERM/i.test(message) || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'reader.permission-denied',
      `Scan Station is not allowed to open ${path}. Add this computer's kiosk user to the dialout group (sudo usermod -aG dialout <user>, then log out and in), or install the udev rule ${udevRule}, then unplug and replug the reader.`,
      { cause: error, params: { port: path } },
    );
  }
  if (/no such file or directory|ENOENT|ENODEV|ENXIO|no such device/i.test(message) || code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
    return new AppError('reader.not-found', `No reader is connected at ${path}. Check the cable, or choose the reader's port in Settings. Scan Station connects by itself when it appears.`, { cause: error, params: { port: path } });
  }
  return ioError(path, error);
}

export function ioError(path: string, error: unknown): AppError {
  return new AppError('reader.io-error', `The reader on ${path} stopped working. Unplug it and plug it back in; if this keeps happening, contact support.`, { cause: error, params: { port: path } });
}

export function unpluggedError(path: string): AppError {
  return new AppError('reader.unplugged', `The reader on ${path} was disconnected. Plug it back in; Scan Station reconnects by itself.`, { params: { port: path } });
}

export function noAnswerError(path: string, waitedMs: number, baudRate: number): AppError {
  const seconds = Math.round(waitedMs / 100) / 10;
  return new AppError(
    'reader.no-answer',
    `The reader on ${path} did not answer within ${seconds} s. Check that it is switched on and that its settings match the preset (${baudRate} baud), then try again.`,
    { params: { port: path, seconds, baudRate } },
  );
}

export function notReadyError(path: string): AppError {
  return new AppError('reader.not-ready', `The reader on ${path} is not connected yet. Wait until it shows as ready, then try again.`, { params: { port: path } });
}

export function noTriggerError(path: string): AppError {
  return new AppError('reader.no-trigger', `The reader on ${path} reads by itself when a document is placed; it has no Scan button to press.`, { params: { port: path } });
}
