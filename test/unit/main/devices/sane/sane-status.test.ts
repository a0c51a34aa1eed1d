import { describe, expect, it } from 'vitest';
import { describeScanFailure, saneStatus } from '../../../../../main/devices/sane/sane-status';

describe('scanimage failures in plain words', () => {
  it.each([
    [saneStatus.jammed, 'scanimage: sane_read: Document feeder jammed', 'scanner.jammed', false],
    [saneStatus.noDocs, 'scanimage: sane_read: Document feeder out of documents', 'scanner.no-documents', false],
    [saneStatus.coverOpen, 'scanimage: sane_read: Scanner cover is open', 'scanner.cover-open', false],
    [saneStatus.ioError, 'scanimage: sane_read: Error during device I/O', 'scanner.io-error', true],
    [saneStatus.deviceBusy, 'scanimage: sane_read: Device busy', 'scanner.busy', false],
    [saneStatus.accessDenied, 'scanimage: sane_read: Access to resource has been denied', 'scanner.access-denied', true],
  ])('exit %i with its SANE message maps to %s', (exit, stderr, code, lost) => {
    const failure = describeScanFailure(exit, stderr);
    expect(failure.code).toBe(code);
    expect(failure.deviceLost).toBe(lost);
  });

  it('maps the exit status alone when stderr says nothing useful', () => {
    expect(describeScanFailure(6, '').code).toBe('scanner.jammed');
    expect(describeScanFailure(7, '').code).toBe('scanner.no-documents');
    expect(describeScanFailure(8, '').code).toBe('scanner.cover-open');
    expect(describeScanFailure(9, '').code).toBe('scanner.io-error');
  });

  it('reads the message when scanimage exits 1 for an open that failed because the device is busy', () => {
    expect(describeScanFailure(1, 'scanimage: open of device epson2:net:10.0.0.5 failed: Device busy').code).toBe('scanner.busy');
  });

  it('treats a device that cannot be opened as lost, so the manager reconnects', () => {
    const failure = describeScanFailure(1, 'scanimage: open of device nope:0 failed: Invalid argument');
    expect(failure).toMatchObject({ code: 'scanner.not-found', deviceLost: true });
  });

  it('says a setting is unsupported when scanimage refuses an option', () => {
    expect(describeScanFailure(1, 'scanimage: setting of option --source failed (Invalid argument)').code).toBe('scanner.unsupported-setting');
  });

  it('gives every failure a message that tells staff what to do', () => {
    for (const exit of [null, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 134]) {
      const { message } = describeScanFailure(exit, '');
      expect(message.length).toBeGreaterThan(20);
      expect(message).toMatch(/\.$/);
    }
  });
});
