// Errors from main in the staff member's language: main sends a stable code (and its English
// message for the log); the words come from `mainErrors.<code>` when this app knows the code, and
// the English message only for a code it does not (issue 11 §5). Renderer process.
import i18next, { type TFunction } from 'i18next';
import { BridgeError } from '../bridge/bridge';

export function errorText(t: TFunction, failure: unknown): string {
  if (failure instanceof BridgeError) {
    const key = `mainErrors.${failure.code}`;
    if (i18next.exists(key, failure.params)) return t(key, failure.params);
    return failure.message;
  }
  return failure instanceof Error ? failure.message : String(failure);
}
