// Which PINs are too easy to guess (issue 11 §3): one digit repeated, or a straight run up or down
// (1234, 9876, and across the 9→0 wrap such as 7890). Refused outside demo mode, where the demo
// accounts' well-known PINs are the point. Pure; runs in main.
import { AppError } from '../app-error';

export function isTrivialPin(pin: string): boolean {
  if (!/^\d{2,}$/.test(pin)) return false;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  // A single step size of 0 (same digit), +1 (ascending) or −1 ≡ 9 (descending) throughout.
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!);
}

export function trivialPinError(): AppError {
  return new AppError('session.pin-too-simple', 'This PIN is too easy to guess (one digit repeated, or a straight run such as 1234). Choose another PIN.');
}

/** Throws `session.pin-too-simple` for a trivial PIN unless the kiosk is in demo mode. */
export function assertPinAllowed(pin: string, demo: boolean): void {
  if (!demo && isTrivialPin(pin)) throw trivialPinError();
}
