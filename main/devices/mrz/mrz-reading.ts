// What parsing an MRZ yields, shaped for the UI to show field by field (name, value, valid, message),
// with the corrections it may offer and the flags staff must see. Types only; runs anywhere.
import type { FieldName } from 'mrz';

export type MrzFormat =
  | 'TD1'
  | 'TD2'
  | 'TD3'
  | 'MRV-A'
  | 'MRV-B'
  | 'FRENCH_NATIONAL_ID'
  | 'FRENCH_DRIVING_LICENSE'
  | 'SWISS_DRIVING_LICENSE';

export type MrzFieldName = FieldName;

export type MrzRange = { line: number; start: number; end: number };

export type MrzField = {
  name: MrzFieldName;
  /** English label for staff, e.g. "Birth date". */
  label: string;
  /** What the field says, ready to show ('ERIKSSON', '1974-08-12', 'female'); null when unreadable. */
  value: string | null;
  /** The characters as read from the MRZ (the field's whole slot, fillers included). */
  raw: string;
  valid: boolean;
  /** Why the field is not valid, in plain English; absent when valid. */
  message?: string;
  /** Where the field sits, for highlighting: zero-based line, start and end column (end exclusive). */
  line: number;
  start: number;
  end: number;
  /** For check digits: the slots the digit covers. */
  covers?: MrzRange[];
};

/**
 * One character a correction changes. `line` and `column` are zero-based. `confirmedBy` says what
 * vouches for it: a check digit that now matches, or (for K→< and G→6, which no check digit can
 * tell apart) a slot that may hold only digits and fillers.
 */
export type MrzCharChange = { line: number; column: number; from: string; to: string; confirmedBy: 'check-digit' | 'field-format' };

export type MrzCorrection = {
  /** Each character changed, e.g. { line: 1, column: 3, from: 'O', to: '0' }. */
  changes: MrzCharChange[];
  lines: string[];
  /** The reading of the corrected lines (every check digit confirms it). */
  reading: MrzParsed;
};

export type MrzWarningCode = 'mrz.expired' | 'mrz.under-age' | 'mrz.invalid-fields' | 'mrz.correction-offered';

export type MrzWarning = { code: MrzWarningCode; message: string };

export type MrzParsed = {
  ok: true;
  format: MrzFormat;
  lines: string[];
  /** True when every field is valid (all check digits match). */
  valid: boolean;
  fields: MrzField[];
  /** Field values by name, null where the field is not valid (like the mrz package's `fields`). */
  values: Partial<Record<MrzFieldName, string | null>>;
  documentNumber: string | null;
  /** ISO dates (YYYY-MM-DD) with the century resolved against `today`; null when unreadable. */
  birthDate: string | null;
  expiryDate: string | null;
  /** Whole years on `today`; when the day or month is unknown, the youngest possible age. */
  age: number | null;
  /** Null when the expiry date could not be read. */
  expired: boolean | null;
  /** Null when the birth date could not be read. */
  underAge: boolean | null;
  warnings: MrzWarning[];
  /** A check-digit-confirmed fix for common OCR confusions, offered (never applied) when one exists. */
  correction: MrzCorrection | null;
  /** Clean-up steps taken (padding, keyboard layout), for support; no MRZ text. */
  notes: string[];
};

export type MrzFailureCode = 'mrz.empty' | 'mrz.incomplete' | 'mrz.unrecognised';

export type MrzFailure = {
  ok: false;
  code: MrzFailureCode;
  /** Plain English for staff: what happened and what to do. */
  message: string;
  lines: string[];
  notes: string[];
};

export type MrzReading = MrzParsed | MrzFailure;
