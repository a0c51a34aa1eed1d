// The /__emulator/ control endpoints (RAW-API §15.2): plain JSON in and out, each one a thin
// wrapper over the in-process helper of the same name. Never part of TrustID; served only with
// `controls: true`. Runs wherever the emulator runs.
import { ZodError } from 'zod';
import type { EmulatorConfig } from './config';
import type { RunningEmulator } from './running-emulator';
import { ApiFailure, excerpt } from './envelope';
import type { ControlHandler, ControlReply } from './http-server';

function ok(body: Record<string, unknown> = {}): ControlReply {
  return { status: 200, body: { ok: true, ...body } };
}

function problem(status: number, error: string): ControlReply {
  return { status, body: { ok: false, error } };
}

function record(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiFailure(`${name} must be a string.`);
  return value;
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ApiFailure(`${name} must be a number.`);
  return value;
}

function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ApiFailure(`${name} must be true or false.`);
  return value;
}

/** The configuration without passwords: the control view is for steering, not for reading secrets back. */
function publicConfig(config: EmulatorConfig): unknown {
  return { ...config, users: config.users.map(({ password: _password, ...user }) => user) };
}

function stringRecord(value: unknown, name: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((item) => typeof item !== 'string')) {
    throw new ApiFailure(`${name} must be an object of strings.`);
  }
  return value as Record<string, string>;
}

function only<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, item]) => item !== undefined)) as never;
}

/** Who made it and how, for the "made elsewhere" controls. */
function elsewhereApplication(body: Record<string, unknown>) {
  const createdAgoMs = optionalNumber(body.createdAgoMs, 'createdAgoMs');
  if (createdAgoMs !== undefined && createdAgoMs < 0) throw new ApiFailure('createdAgoMs must not be negative.');
  return only({
    username: optionalString(body.username, 'username'),
    branch: optionalString(body.branch, 'branch'),
    clientApplicationReference: optionalString(body.clientApplicationReference, 'clientApplicationReference'),
    surname: optionalString(body.surname, 'surname'),
    mrz: optionalString(body.mrz, 'mrz'),
    outcome: optionalString(body.outcome, 'outcome') as 'auto' | undefined,
    reviewVerdict: optionalNumber(body.reviewVerdict, 'reviewVerdict'),
    publish: optionalBoolean(body.publish, 'publish'),
    createdAgoMs,
  });
}

function capture(body: Record<string, unknown>) {
  const outcome = optionalString(body.outcome, 'outcome');
  const mrz = optionalString(body.mrz, 'mrz');
  const reviewVerdict = optionalNumber(body.reviewVerdict, 'reviewVerdict');
  return {
    ...(outcome !== undefined ? { outcome: outcome as 'auto' } : {}),
    ...(mrz !== undefined ? { mrz } : {}),
    ...(reviewVerdict !== undefined ? { reviewVerdict } : {}),
  };
}

export function createControlHandler(emulator: () => RunningEmulator | null): ControlHandler {
  return async (method, path, query, rawBody) => {
    const emu = emulator();
    if (!emu) return problem(503, 'The emulator is starting.');
    const body = record(rawBody);
    const route = `${method} ${path.replace(/\/+$/, '') || '/'}`;
    try {
      switch (route) {
        case 'POST /reset':
          emu.reset();
          return ok();
        case 'GET /config':
          return ok({ config: publicConfig(emu.config()) });
        case 'POST /config':
          return ok({ config: publicConfig(emu.configure(body)) });
        case 'GET /clock':
          return ok({ now: emu.now() });
        case 'POST /clock/advance': {
          const ms = optionalNumber(body.ms, 'ms');
          if (ms === undefined) return problem(400, 'Say how far to advance: {"ms": <milliseconds>}.');
          return ok({ now: await emu.advanceClock(ms) });
        }
        case 'POST /scenario': {
          const outcome = optionalString(body.outcome, 'outcome');
          if (outcome === undefined) return problem(400, 'outcome is required.');
          const reference = optionalString(body.clientApplicationReference, 'clientApplicationReference');
          const containerId = optionalString(body.containerId, 'containerId');
          const reviewVerdict = optionalNumber(body.reviewVerdict, 'reviewVerdict');
          emu.setScenario({
            outcome: outcome as 'auto',
            ...(reference !== undefined ? { clientApplicationReference: reference } : {}),
            ...(containerId !== undefined ? { containerId } : {}),
            ...(reviewVerdict !== undefined ? { reviewVerdict } : {}),
          });
          return ok();
        }
        case 'POST /sessions/expire':
          return ok({ expired: emu.expireSessions(optionalString(body.sessionId, 'sessionId')) });
        case 'GET /faults':
          return ok({ faults: emu.faults() });
        case 'POST /faults': {
          const rules = Array.isArray(rawBody) ? rawBody : Array.isArray(body.rules) ? (body.rules as unknown[]) : [rawBody];
          return ok({ ids: rules.map((rule) => emu.addFault(rule as never)) });
        }
        case 'DELETE /faults':
          emu.clearFaults();
          return ok();
        case 'GET /containers':
          return ok({ containers: emu.containers(query.get('clientApplicationReference') ?? undefined) });
        case 'GET /publish-counts':
          return ok({ counts: emu.publishCounts() });
        case 'GET /requests':
          return ok({ requests: emu.requests() });
        case 'DELETE /requests':
          emu.clearRequests();
          return ok();
        case 'GET /webhooks':
          return ok({ webhooks: emu.webhooks() });
        case 'GET /hooks':
          return ok({ hooks: emu.hooks() });
        case 'POST /hooks':
          return ok({ id: emu.addHook(body as never) });
        case 'DELETE /hooks':
          for (const hook of emu.hooks()) emu.removeHook(hook.id);
          return ok();
        case 'POST /containers/delete': {
          const ids = body.containerIds;
          if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return problem(400, 'containerIds must be a list of container ids.');
          return ok({ deleted: emu.deleteContainers(ids as string[]) });
        }
        case 'POST /elsewhere/applications':
          return ok({ containerId: emu.createApplicationElsewhere(elsewhereApplication(body)) });
        case 'POST /elsewhere/queued':
          return ok({
            containerId: emu.createQueuedElsewhere(
              only({
                username: optionalString(body.username, 'username'),
                branch: optionalString(body.branch, 'branch'),
                clientApplicationReference: optionalString(body.clientApplicationReference, 'clientApplicationReference'),
                values: stringRecord(body.values, 'values'),
              }),
            ),
          });
        default:
          break;
      }
      const review = /^POST \/review\/([^/]+)\/complete$/.exec(route);
      if (review) {
        emu.completeReview(review[1] ?? '', optionalNumber(body.verdict, 'verdict'));
        return ok();
      }
      const guest = /^POST \/guest\/([^/]+)\/submit$/.exec(route);
      if (guest) return ok({ containerId: emu.submitGuest(guest[1] ?? '', capture(body)) });
      const queued = /^POST \/queued\/([^/]+)\/submit$/.exec(route);
      if (queued) {
        emu.submitQueued(queued[1] ?? '', capture(body));
        return ok();
      }
      const addDocument = /^POST \/containers\/([^/]+)\/documents$/.exec(route);
      if (addDocument) {
        const documentId = emu.addDocumentElsewhere(
          decodeURIComponent(addDocument[1] ?? ''),
          only({ mrz: optionalString(body.mrz, 'mrz'), surname: optionalString(body.surname, 'surname'), customFields: stringRecord(body.customFields, 'customFields') }),
        );
        return ok({ documentId });
      }
      const publish = /^POST \/containers\/([^/]+)\/publish$/.exec(route);
      if (publish) {
        emu.publishElsewhere(
          decodeURIComponent(publish[1] ?? ''),
          only({ outcome: optionalString(body.outcome, 'outcome') as 'auto' | undefined, reviewVerdict: optionalNumber(body.reviewVerdict, 'reviewVerdict') }),
        );
        return ok();
      }
      const user = /^POST \/users\/([^/]+)$/.exec(route);
      if (user) {
        const locked = optionalBoolean(body.locked, 'locked');
        const passwordExpired = optionalBoolean(body.passwordExpired, 'passwordExpired');
        const mfa = optionalBoolean(body.mfa, 'mfa');
        emu.setUser(decodeURIComponent(user[1] ?? ''), {
          ...(locked !== undefined ? { locked } : {}),
          ...(passwordExpired !== undefined ? { passwordExpired } : {}),
          ...(mfa !== undefined ? { mfa } : {}),
        });
        return ok();
      }
      const modified = /^POST \/documents\/([^/]+)\/modified$/.exec(route);
      if (modified) {
        emu.raiseDocumentModified(modified[1] ?? '');
        return ok();
      }
      const hook = /^DELETE \/hooks\/([^/]+)$/.exec(route);
      if (hook) return emu.removeHook(decodeURIComponent(hook[1] ?? '')) ? ok() : problem(404, 'No such hook.');
      const fault = /^DELETE \/faults\/([^/]+)$/.exec(route);
      if (fault) return emu.removeFault(decodeURIComponent(fault[1] ?? '')) ? ok() : problem(404, 'No such fault rule.');
      return problem(404, `No control endpoint ${excerpt(route)}.`);
    } catch (error) {
      if (error instanceof ZodError) {
        const issues = error.issues.slice(0, 5).map((issue) => `${excerpt(issue.path.join('.') || 'body', 60)}: ${excerpt(issue.message, 120)}`);
        return problem(400, issues.join('; '));
      }
      if (error instanceof ApiFailure) return problem(409, error.message);
      if (error instanceof Error) return problem(400, error.message);
      throw error;
    }
  };
}
