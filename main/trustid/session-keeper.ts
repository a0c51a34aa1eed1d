// Holds the one TrustID session a client has (in memory only), logs in lazily, and makes sure
// concurrent callers share one login: the first login, and the re-login when several calls find
// the session expired at once (RAW-API §2.4, SUBMISSION-PROTOCOL §6). Runs in main (plain Node).
import { classifyOutcome } from './outcome';

export type Session<Info> = {
  readonly id: string;
  /** Increments with every login, so a stale session can be told from the current one. */
  readonly epoch: number;
  readonly obtainedAt: number;
  readonly info: Info;
  /** Time of the last answer on this session that was not a session/API-key refusal. */
  lastAnsweredAt: number | undefined;
};

export type LoginAttempt<Info> = () => Promise<{ sessionId: string; info: Info }>;

export class SessionKeeper<Info> {
  private current: Session<Info> | null = null;
  private inflight: Promise<Session<Info>> | null = null;
  private epoch = 0;
  /**
   * SUBMISSION-PROTOCOL §6 / I6: after a login that failed for AUTH or CONFIG reasons, no login
   * request leaves the kiosk until someone acts. Lazy logins rethrow this error without a request;
   * only an explicit login() clears it.
   */
  private blocked: Error | null = null;

  constructor(
    private readonly attempt: LoginAttempt<Info>,
    private readonly now: () => number,
  ) {}

  /** The current session, logging in first if there is none (joining a login already running). */
  async get(): Promise<Session<Info>> {
    if (this.current) return this.current;
    if (this.inflight) return this.inflight;
    if (this.blocked) throw this.blocked;
    return this.start();
  }

  /**
   * Called by a request that found `stale` expired. Drops it if it is still the current session
   * and logs in once; callers holding the same stale session join that login, and a caller whose
   * session was already replaced simply gets the new one.
   */
  async renew(stale: Session<Info>): Promise<Session<Info>> {
    if (this.current && this.current.epoch !== stale.epoch) return this.current;
    if (this.current?.epoch === stale.epoch) this.current = null;
    return this.get();
  }

  /** Forgets `stale` if it is still the current session, so the next call logs in again. */
  invalidate(stale: Session<Info>): void {
    if (this.current?.epoch === stale.epoch) this.current = null;
  }

  /** A deliberate login (staff pressed "Try again", or signed in): clears the block and logs in anew. */
  async loginNow(attempt?: LoginAttempt<Info>): Promise<Session<Info>> {
    this.blocked = null;
    if (this.inflight && !attempt) return this.inflight;
    if (this.inflight) await this.inflight.catch(() => undefined);
    this.current = null;
    return this.start(attempt);
  }

  /** Forgets the session (for logout) and returns it, so its id can still be sent once. */
  drop(): Session<Info> | null {
    const session = this.current;
    this.current = null;
    return session;
  }

  /** The session in use, if any, without logging in. */
  peek(): Session<Info> | null {
    return this.current;
  }

  /** The login error that stops lazy logins, if any. */
  get blockedBy(): Error | null {
    return this.blocked;
  }

  private start(attempt: LoginAttempt<Info> = this.attempt): Promise<Session<Info>> {
    const run = (async () => {
      try {
        const { sessionId, info } = await attempt();
        const session: Session<Info> = { id: sessionId, epoch: ++this.epoch, obtainedAt: this.now(), info, lastAnsweredAt: undefined };
        this.current = session;
        return session;
      } catch (error) {
        const outcome = classifyOutcome(error);
        if (outcome === 'AUTH' || outcome === 'CONFIG') this.blocked = error as Error;
        throw error;
      } finally {
        this.inflight = null;
      }
    })();
    this.inflight = run;
    return run;
  }
}
