// One place that forgets the visitor in the renderer. Renderer process. Every store that may hold
// personal data registers its reset here; Finish, sign-out and the lock screen's "Sign out and
// start again" call resetVisitor(), so no store outlives the visitor (issue 6, DESIGN: data).
type Reset = () => void;

const resets = new Set<Reset>();

/** Registers a store's reset; returns the function that unregisters it. */
export function onVisitorReset(reset: Reset): () => void {
  resets.add(reset);
  return () => void resets.delete(reset);
}

/** Runs every registered reset. One failing reset does not stop the others. */
export function resetVisitor(): void {
  const failures: unknown[] = [];
  for (const reset of resets) {
    try {
      reset();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, 'A store could not be cleared.');
}
