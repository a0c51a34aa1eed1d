// TrustID's enumerations as named constants (RAW-API §7.11). They travel as integers, so the models
// keep the raw number: a value TrustID adds later must not break parsing. Runs in main (plain Node).

/** Container life-cycle state (RAW-API §7.11, §8). 7 is the emulator's name for queued/guest containers. */
export const DocumentStorageType = {
  Temp: 1,
  Archive: 3,
  Workflow: 4,
  Pending: 5,
  Holding: 6,
  Queued: 7,
} as const;
export type DocumentStorageType = (typeof DocumentStorageType)[keyof typeof DocumentStorageType];

/** Per-document verdict, used by OperatorStatus and AuditorStatus (RAW-API §7.11). */
export const DocumentStatus = {
  Undefined: 0,
  Accepted: 1,
  Referred: 2,
  Failed: 3,
  Rejected: 4,
  NoValidation: 5,
} as const;
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus];

export const OverallStatus = {
  NoAlert: 0,
  Alert: 1,
  Resolved: 2,
} as const;
export type OverallStatus = (typeof OverallStatus)[keyof typeof OverallStatus];

/** Only `Image` has a published number; the kiosk only ever sends it (RAW-API §4.1, §7.11). */
export const DocumentSource = {
  Image: 4,
} as const;
export type DocumentSource = (typeof DocumentSource)[keyof typeof DocumentSource];

/** Behaves like a set of flags (RAW-API §7.11). */
export const ReviewApplicationState = {
  Unset: 0,
  Locked: 1,
  AwaitingUpdateFromReviewSystem: 2,
  ReadyForDispatchToCustomerSystem: 4,
  ReadyForDeletion: 8,
} as const;
export type ReviewApplicationState = (typeof ReviewApplicationState)[keyof typeof ReviewApplicationState];

export const UserArchiveVisibility = {
  User: 0,
  Branch: 1,
  Global: 2,
  Organisation: 3,
} as const;
export type UserArchiveVisibility = (typeof UserArchiveVisibility)[keyof typeof UserArchiveVisibility];

/**
 * Image types known by number (RAW-API §7.11, §9.2). `CardBackDefault` is the project's unconfirmed
 * default for the back of a card: it must be confirmed in the TrustID sandbox before production use.
 */
export const ImageType = {
  ApplicantPhoto: 1,
  Document: 2,
  CardBackDefault: 3,
  UploadedOriginal: 60,
  ValidationOnly: 999,
} as const;
export type ImageType = (typeof ImageType)[keyof typeof ImageType];

/** Flexible-field data types: 1 is observed; 2–4 are the emulator's numbering (RAW-API §7.8). */
export const FlexibleFieldDataType = {
  String: 1,
  Integer: 2,
  Date: 3,
  Decimal: 4,
} as const;
export type FlexibleFieldDataType = (typeof FlexibleFieldDataType)[keyof typeof FlexibleFieldDataType];

/** Archive queries send these two enums by name, not number (RAW-API §1.5, §13). */
export const SortingDirection = {
  Ascending: 'Ascending',
  Descending: 'Descending',
} as const;
export type SortingDirection = (typeof SortingDirection)[keyof typeof SortingDirection];

export const DocumentSortingColumn = {
  ScanDate: 'ScanDate',
} as const;
export type DocumentSortingColumn = (typeof DocumentSortingColumn)[keyof typeof DocumentSortingColumn];

/** Name of a value, for logs and screens; `undefined` for a number TrustID has not published. */
export function enumName<T extends Record<string, number | string>>(table: T, value: unknown): keyof T | undefined {
  for (const [name, v] of Object.entries(table)) if (v === value) return name as keyof T;
  return undefined;
}
