import { describe, expect, it } from 'vitest';
import { noAnswerError, openError, unpluggedError } from '../../../../../main/devices/serial/serial-errors';

const errno = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('serial errors', () => {
  it('names another program when the port is locked (serialport: "Cannot lock port")', () => {
    const e = openError('/dev/ttyACM0', errno('Error Resource temporarily unavailable Cannot lock port'));
    expect(e.code).toBe('reader.port-busy');
    expect(e.message).toBe("The reader on /dev/ttyACM0 is in use by another program. Close the reader's own software (or any terminal program using /dev/ttyACM0) and press Retry.");
  });

  it('names the fix for permission denied: the dialout group or the shipped udev rule', () => {
    const e = openError('/dev/ttyUSB0', errno("Error: Permission denied, cannot open /dev/ttyUSB0", 'EACCES'));
    expect(e.code).toBe('reader.permission-denied');
    expect(e.message).toMatch(/dialout group/);
    expect(e.message).toMatch(/resources\/linux\/99-scan-station-readers\.rules/);
  });

  it('says no reader is connected when the path does not exist', () => {
    expect(openError('/dev/ttyACM9', errno('Error: No such file or directory, cannot open /dev/ttyACM9')).code).toBe('reader.not-found');
  });

  it('falls back to a general I/O error that never echoes the system message', () => {
    const e = openError('/dev/ttyS0', errno('weird driver failure 0x7f'));
    expect(e.code).toBe('reader.io-error');
    expect(e.message).not.toMatch(/0x7f/);
  });

  it('words unplug and no-answer errors with what to do', () => {
    expect(unpluggedError('/dev/ttyACM0').message).toMatch(/reconnects by itself/);
    expect(noAnswerError('/dev/ttyACM0', 2500, 9600).message).toMatch(/within 2\.5 s.*9600 baud/);
  });
});
