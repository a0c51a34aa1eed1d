// The one error type main's edges throw; the dispatcher turns it into { ok: false, code, message }.
// Runs in main (plain Node).

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    /** Stable code, `<domain>.<reason>`, e.g. `reader.port-busy`. */
    readonly code: string,
    /** Plain English for staff: what happened and what to do. Never holds a secret. */
    message: string,
    options?: { cause?: unknown; params?: ErrorParams },
  ) {
    super(message, options);
    this.params = options?.params;
  }

  /** Values the renderer needs to word `code` itself (counts, minutes): never personal data or secrets. */
  readonly params: ErrorParams | undefined;
}
