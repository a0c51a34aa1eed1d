// Whether TrustID accepts the kiosk's own sign-in, checked once whenever the services start for a
// real environment, so the status pill tells the truth (issue 11 §2: it said "Online" while every
// sign-in was refused). Runs in main (plain Node).
import type { ConnectionOutcome, HealthComponent } from '../../preload/contract';
import { connectionOutcomeOf } from './connection-outcome';

export type SignInState = 'unchecked' | 'checking' | ConnectionOutcome;

export type KioskSignInCheck = {
  state(): SignInState;
  /** Signs in with `login`; a later call supersedes an earlier one still running. */
  check(login: () => Promise<unknown>): Promise<SignInState>;
  /** Demo mode, or services stopped: nothing to report. */
  clear(): void;
};

export function createKioskSignInCheck(onChange: () => void): KioskSignInCheck {
  let state: SignInState = 'unchecked';
  let run = 0;
  const set = (next: SignInState) => {
    state = next;
    onChange();
  };
  return {
    state: () => state,
    async check(login) {
      const mine = ++run;
      set('checking');
      let outcome: SignInState;
      try {
        await login();
        outcome = 'ok';
      } catch (error) {
        outcome = connectionOutcomeOf(error);
      }
      if (mine === run) set(outcome);
      return outcome;
    },
    clear() {
      run++;
      set('unchecked');
    },
  };
}

/** Credential and configuration problems only: "unreachable" is the queue's "Offline" already. */
const problems: Partial<Record<SignInState, string>> = {
  refused: 'TrustID refused the kiosk’s sign-in — check Settings. The user name or password is not accepted.',
  'locked-account': 'TrustID has locked the kiosk’s account — check Settings, or ask TrustID to unlock it.',
  'password-change-required': 'TrustID wants the kiosk account’s password changed — check Settings.',
  'not-allowed': 'TrustID refused this kiosk’s API key or access — check Settings.',
  'not-trustid': 'The TrustID address in Settings does not answer as TrustID — check Settings.',
  'invalid-address': 'The TrustID address in Settings is not valid — check Settings.',
};

/** The TrustID component as staff should see it: replaced by the sign-in problem when there is one. */
export function withSignInProblem(components: HealthComponent[], state: SignInState): HealthComponent[] {
  const message = problems[state];
  if (!message) return components;
  const problem: HealthComponent = { id: 'trustid', state: 'down', code: `trustid.sign-in-${state}`, message };
  return [problem, ...components.filter((c) => c.id !== 'trustid')];
}
