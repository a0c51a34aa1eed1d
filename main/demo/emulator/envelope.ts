// The response envelope every JSON answer shares (RAW-API §1.6), the emulator's fixed messages
// (§1.7), and the failure type handlers throw to answer `Success:false`. Runs wherever the
// emulator runs. Pure.
import type { WireObject } from './wire-json';

export const MESSAGES = {
  ok: 'Operation executed successfully.',
  badCredentials: 'Invalid username or password.',
  accountLocked: 'User account is locked.',
  passwordChange: 'Password change required.',
  passwordChangeNotAllowed: 'Password change is not allowed for this account.',
  mfaRequired: 'A multi-factor authentication code is required.',
  desktopClientDenied: 'This account may not use a desktop client.',
  incompatibleVersion: 'This client version is no longer supported.',
  sessionExpired: 'Session has expired.',
  apiKey: 'Invalid API key.',
  accessDenied: 'Access denied.',
  containerNotFound: 'Document container not found.',
  notPublished: 'Document container has not been published.',
  alreadyPublished: 'Document container has already been published.',
  noImages: 'Document container has no images.',
  documentNotFound: 'Document not found.',
  imageNotFound: 'Image not found.',
  imageEmpty: 'Image data is empty.',
  imageFormat: 'Image format is not supported.',
  imageTooLarge: 'Image exceeds the maximum size.',
  locked: 'Resource is locked.',
  invalidBody: 'Invalid request body.',
  endpointNotFound: 'Endpoint not found.',
  methodNotAllowed: 'Method not allowed.',
  notSupported: 'Operation not supported.',
  vpeUnreachable: 'The processing service could not be reached.',
  guestLinkNotFound: 'Guest link not found.',
  guestLinkUsed: 'Guest link has already been used.',
  required: (field: string) => `${field} is required.`,
  invalid: (field: string) => `${field} is not valid.`,
} as const;

export type EnvelopeFlag = 'AccessDenied' | 'Locked' | 'MfaCodeRequired' | 'NewPasswordRequired' | 'SessionExpired' | 'VpeUnreachable';

/** The base fields of §1.6 followed by the operation's own fields. */
export function envelope(success: boolean, message: string, flags: Partial<Record<EnvelopeFlag, boolean>> = {}, fields: WireObject = {}): WireObject {
  return {
    AccessDenied: flags.AccessDenied ?? false,
    CallbackId: null,
    Locked: flags.Locked ?? false,
    Message: message,
    MfaCodeRequired: flags.MfaCodeRequired ?? false,
    NewPasswordRequired: flags.NewPasswordRequired ?? false,
    SessionExpired: flags.SessionExpired ?? false,
    Success: success,
    VpeUnreachable: flags.VpeUnreachable ?? false,
    ...fields,
  };
}

export function okEnvelope(fields: WireObject = {}): WireObject {
  return envelope(true, MESSAGES.ok, {}, fields);
}

/** Thrown by handlers to answer `Success:false`; the router turns it into the envelope. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly flags: Partial<Record<EnvelopeFlag, boolean>> = {},
    readonly status = 200,
    /** Operation fields the failure answer still carries (login's flags, for example). */
    readonly fields: WireObject = {},
  ) {
    super(message);
  }
}

/**
 * A short, escaped excerpt of something a caller sent, for control-endpoint errors: enough to see
 * which value was meant, never the whole payload (a hostile 1 MB name stays out of the answer).
 */
export function excerpt(value: string, max = 40): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}
