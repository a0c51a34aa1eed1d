// What a finished `scanimage` run means for staff: exit status and stderr → a stable error code and
// a plain message with the fix. Pure. Runs in main (plain Node).
//
// scanimage exits with the SANE status of the call that failed (sane-backends include/sane/sane.h:
// SANE_STATUS_JAMMED = 6 … ACCESS_DENIED = 11) but with 1 when the device cannot be opened or an
// option cannot be set, so the message on stderr is read too (we run it with LC_ALL=C).

export type SaneFailure = {
  /** Stable code, `scanner.<reason>`. */
  code: string;
  /** Plain English: what happened and what to do. */
  message: string;
  /**
   * True when the scanner itself is unusable (unplugged, I/O error, access denied), so the device
   * manager should reconnect; false for per-scan problems staff fix at the scanner (jam, no paper).
   */
  deviceLost: boolean;
};

/** SANE_Status values as scanimage exits with them. */
export const saneStatus = {
  unsupported: 1,
  cancelled: 2,
  deviceBusy: 3,
  invalid: 4,
  eof: 5,
  jammed: 6,
  noDocs: 7,
  coverOpen: 8,
  ioError: 9,
  noMem: 10,
  accessDenied: 11,
} as const;

const failures = {
  jammed: {
    code: 'scanner.jammed',
    message: 'The scanner’s document feeder is jammed. Open the feeder, remove the document, and press Scan again.',
    deviceLost: false,
  },
  noDocs: {
    code: 'scanner.no-documents',
    message: 'The scanner’s feeder is empty. Put the document in the feeder and press Scan again.',
    deviceLost: false,
  },
  coverOpen: {
    code: 'scanner.cover-open',
    message: 'The scanner’s cover is open. Close the cover and press Scan again.',
    deviceLost: false,
  },
  busy: {
    code: 'scanner.busy',
    message: 'The scanner is busy, probably with another program. Close other scanning software and press Scan again.',
    deviceLost: false,
  },
  ioError: {
    code: 'scanner.io-error',
    message: 'The scanner stopped answering during the scan. Check its cable and power; Scan Station reconnects by itself.',
    deviceLost: true,
  },
  accessDenied: {
    code: 'scanner.access-denied',
    message:
      'Scan Station is not allowed to use the scanner. Ask your administrator to add this user to the scanner group (usually "scanner" or "lp"), then restart the computer.',
    deviceLost: true,
  },
  notFound: {
    code: 'scanner.not-found',
    message: 'The scanner could not be found. Check that it is switched on and plugged in; Scan Station reconnects by itself.',
    deviceLost: true,
  },
  noMem: {
    code: 'scanner.out-of-memory',
    message: 'The scanner ran out of memory. Lower the scan resolution in Settings, then press Scan again.',
    deviceLost: false,
  },
  cancelled: {
    code: 'scanner.cancelled',
    message: 'The scan was cancelled.',
    deviceLost: false,
  },
  unsupported: {
    code: 'scanner.unsupported-setting',
    message: 'The scanner does not support one of the scan settings. Check the scanner’s resolution, mode and source in Settings.',
    deviceLost: false,
  },
} satisfies Record<string, SaneFailure>;

export const missingScanimage: SaneFailure = {
  code: 'scanner.scanimage-missing',
  message:
    'The scanner program "scanimage" is not installed on this computer. Ask your administrator to install the sane-utils package, then press Retry.',
  deviceLost: true,
};

export function timedOut(seconds: number): SaneFailure {
  return {
    code: 'scanner.timeout',
    message: `The scanner did not finish within ${seconds} seconds. Check the scanner, then press Scan again.`,
    deviceLost: false,
  };
}

/** Failure for a run that ended with `exitCode` (null when killed by `signal`) and `stderr`. */
export function describeScanFailure(exitCode: number | null, stderr: string): SaneFailure {
  const text = stderr.toLowerCase();
  // The message wins over the number: "open of device … failed: Device busy" exits with 1.
  if (text.includes('feeder jammed')) return failures.jammed;
  if (text.includes('out of documents')) return failures.noDocs;
  if (text.includes('cover is open')) return failures.coverOpen;
  if (text.includes('device busy')) return failures.busy;
  if (text.includes('access to resource has been denied')) return failures.accessDenied;
  if (text.includes('error during device i/o')) return failures.ioError;
  if (text.includes('out of memory')) return failures.noMem;
  if (/open of device .* failed/.test(text) || text.includes('no scanners were identified') || text.includes('no sane devices found')) return failures.notFound;
  if (/setting of option .* failed/.test(text)) return failures.unsupported;
  switch (exitCode) {
    case saneStatus.jammed:
      return failures.jammed;
    case saneStatus.noDocs:
      return failures.noDocs;
    case saneStatus.coverOpen:
      return failures.coverOpen;
    case saneStatus.deviceBusy:
      return failures.busy;
    case saneStatus.ioError:
      return failures.ioError;
    case saneStatus.accessDenied:
      return failures.accessDenied;
    case saneStatus.noMem:
      return failures.noMem;
    case saneStatus.cancelled:
      return failures.cancelled;
    case saneStatus.unsupported:
    case saneStatus.invalid:
      return failures.unsupported;
    default:
      return {
        code: 'scanner.failed',
        message: `The scan failed (scanimage ${exitCode === null ? 'was stopped' : `exit status ${exitCode}`}). Press Scan again; if it keeps failing, restart the scanner.`,
        deviceLost: false,
      };
  }
}

export type ScanRun = { exitCode: number | null; stderr: string; pages: number; feeder: boolean };

/**
 * Whether a finished batch scan failed, and how. The exit status alone is not enough: scanimage
 * 1.1 can exit 0 after a jam when a SIGPIPE reaches it while it shuts the backend down ("received
 * signal 13 … aborting"), and in batch mode an empty feeder ends with exit 0 and no page. Its
 * per-page line "Scanned page N. (scanner status = S)" tells the truth (5, EOF, is a whole page).
 */
export function judgeScanRun(run: ScanRun): SaneFailure | null {
  if (run.exitCode !== 0) return describeScanFailure(run.exitCode, run.stderr);
  for (const m of run.stderr.matchAll(/scanner status = (\d+)\)/g)) {
    const status = Number(m[1]);
    if (status !== saneStatus.eof && status !== 0) return describeScanFailure(status, '');
  }
  // sane_start failing (e.g. the feeder empty at page 2 of 2) has no "Scanned page" line.
  for (const m of run.stderr.matchAll(/sane_(?:start|read): (.+)/g)) {
    const normalEnd = run.feeder && run.pages > 0 && /out of documents/i.test(m[1]!);
    if (!normalEnd) return describeScanFailure(null, m[0]);
  }
  if (run.pages === 0) return describeScanFailure(run.feeder ? saneStatus.noDocs : null, '');
  return null;
}
