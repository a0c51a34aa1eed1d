// The TrustID session of each account as the worker sees it (SUBMISSION-PROTOCOL §6): whether a
// login is needed before the next call (none held, a SESSION outcome asked for renewal, or the
// session sat idle before an upload), and one login at a time per account. The session id itself
// stays inside the TrustID client, in memory only. Runs in main.
import type { CallOutcome } from './submission-types';
import type { SubmissionApi } from './sync-ports';

type AccountSession = {
  api: SubmissionApi;
  renew: boolean;
  lastAnswerAt: number | null;
  login: Promise<CallOutcome> | null;
};

export class AccountSessions {
  private readonly accounts = new Map<string, AccountSession>();

  constructor(private readonly apiFor: (accountId: string) => SubmissionApi) {}

  private get(accountId: string): AccountSession {
    let s = this.accounts.get(accountId);
    if (s === undefined) {
      s = { api: this.apiFor(accountId), renew: false, lastAnswerAt: null, login: null };
      this.accounts.set(accountId, s);
    }
    return s;
  }

  api(accountId: string): SubmissionApi {
    return this.get(accountId).api;
  }

  /**
   * Whether the next call for the account must be preceded by a login. Before an upload, a session
   * idle for longer than `idleLimitMs` is renewed first (API §2.4), so megabytes are not sent into a
   * likely expiry.
   */
  needsLogin(accountId: string, now: number, beforeUpload = false, idleLimitMs = Infinity): boolean {
    const s = this.get(accountId);
    if (s.renew || !s.api.hasSession()) return true;
    return beforeUpload && s.lastAnswerAt !== null && now - s.lastAnswerAt > idleLimitMs;
  }

  /** §6 step 1: drop the session; the next call logs in first. */
  markForRenewal(accountId: string): void {
    this.get(accountId).renew = true;
  }

  /** Any answer that was not a session or transport failure shows the session alive. */
  noteOutcome(accountId: string, outcome: CallOutcome, now: number): void {
    if (outcome.class !== 'SESSION' && outcome.transportFailure !== true) this.get(accountId).lastAnswerAt = now;
  }

  /**
   * One login request, shared by everyone who asks while it runs (single-flight, API §2.4).
   * `started` is true only for the caller whose request it was, so its outcome is counted once.
   */
  async login(accountId: string, now: () => number): Promise<{ outcome: CallOutcome; started: boolean }> {
    const s = this.get(accountId);
    if (s.login !== null) return { outcome: await s.login, started: false };
    s.login = (async () => {
      try {
        const outcome = await s.api.login();
        if (outcome.class === 'OK') {
          s.renew = false;
          s.lastAnswerAt = now();
        }
        return outcome;
      } finally {
        s.login = null;
      }
    })();
    return { outcome: await s.login, started: true };
  }
}
