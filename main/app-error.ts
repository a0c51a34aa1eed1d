// The one error type main's edges throw; the dispatcher turns it into { ok: false, code, message }.
// Runs in main (plain Node).

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    /** Stable code, `<domain>.<reason>`, e.g. `reader.port-busy`. */
    readonly code: string,
    /** Plain English for staff: what happened and what to do. Never holds a secret. */
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
