import { describe, expect, it } from 'vitest';
import { describeScanFailure, judgeScanRun, saneStatus } from '../../../../../main/devices/sane/sane-status';

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

describe('judging a finished batch scan', () => {
  const jamThenSigpipe = [
    'Scanning 1 page, incrementing by 1, numbering from 1',
    'Scanning page 1',
    'scanimage: sane_read: Document feeder jammed',
    'Scanned page 1. (scanner status = 6)',
    'Batch terminated, 1 page scanned',
    'scanimage: received signal 13',
    'scanimage: trying to stop scanner',
    'scanimage: received signal 13',
    'scanimage: aborting',
  ].join('\n');

  it('sees the jam even when scanimage exits 0 after a SIGPIPE on shutdown', () => {
    expect(judgeScanRun({ exitCode: 0, stderr: jamThenSigpipe, pages: 0, feeder: true })?.code).toBe('scanner.jammed');
  });

  it('accepts a feeder batch that ends because the feeder ran out after some pages', () => {
    const stderr = 'Scanning page 3\nscanimage: sane_start: Document feeder out of documents\nBatch terminated, 2 pages scanned';
    expect(judgeScanRun({ exitCode: 0, stderr, pages: 2, feeder: true })).toBeNull();
  });

  it('calls a feeder that is empty from the start "no documents"', () => {
    const stderr = 'Scanning page 1\nscanimage: sane_read: Document feeder out of documents\nScanned page 1. (scanner status = 7)';
    expect(judgeScanRun({ exitCode: 0, stderr, pages: 0, feeder: true })?.code).toBe('scanner.no-documents');
    expect(judgeScanRun({ exitCode: 0, stderr: '', pages: 0, feeder: true })?.code).toBe('scanner.no-documents');
  });

  it('accepts whole pages (status 5, end of file)', () => {
    const stderr = 'Scanning page 1\nScanned page 1. (scanner status = 5)\nBatch terminated, 1 page scanned';
    expect(judgeScanRun({ exitCode: 0, stderr, pages: 1, feeder: false })).toBeNull();
  });

  it('fails a flatbed run that produced no page', () => {
    expect(judgeScanRun({ exitCode: 0, stderr: '', pages: 0, feeder: false })?.code).toBe('scanner.failed');
  });

  it('trusts a non-zero exit status first', () => {
    expect(judgeScanRun({ exitCode: 9, stderr: '', pages: 1, feeder: false })?.code).toBe('scanner.io-error');
  });
});
