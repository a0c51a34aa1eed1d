// The application form (issue 6 item 3): each TrustID account's application flexible fields
// (RAW-API §6 applicationFlexibleFieldAttributes, §7.8) as the contract's form fields, fetched when
// online and cached per account in memory and in the store, so a kiosk that starts offline still
// shows the form. Definitions are account configuration, not personal data. Runs in main.
import { z } from 'zod';
import { AppError } from '../../app-error';
import type { FormField } from '../../capture/field-values';
import type { Logger } from '../../logging/logger';
import type { ApplicationFieldKind } from '../../store/application-fields';
import type { FieldDefinitionsRepo } from '../../store/field-definitions-repo';
import { FlexibleFieldDataType } from '../../trustid/enums';
import { isTrustIdError } from '../../trustid/errors';
import type { CustomField, FlexibleFieldDefinition } from '../../trustid/models';

export type FieldDefinitionsDeps = {
  /** The account's TrustID client (the interactive one: this is staff waiting for a form). */
  clientFor(accountId: string): { applicationFlexibleFieldAttributes(): Promise<FlexibleFieldDefinition[]> };
  /**
   * Another form than the application's, fetched and cached the same way (document-level fields,
   * issue 10 §5): how to fetch it, and the cache key it is kept under beside the application form.
   */
  form?: { fetch(accountId: string): Promise<FormField[]>; cacheKey(accountId: string): string };
  cache: Pick<FieldDefinitionsRepo, 'get' | 'put'>;
  /** Whether TrustID is reachable as far as the queue knows. */
  online(): boolean;
  now(): number;
  log: Logger;
  /**
   * How long staff wait for TrustID when a cached form exists; after that the cache answers and the
   * fetch finishes in the background for next time. Default 4 s.
   */
  waitMs?: number;
  /** A form fetched this recently is used without asking again (start and the details step both ask). Default 60 s. */
  freshMs?: number;
};

export type FieldDefinitionsService = {
  /**
   * The account's form, in order. Online: fetched (or the cache, when TrustID is slow or fails).
   * Offline: the cache. Throws `capture.fields-unavailable` when there is neither.
   */
  forAccount(accountId: string): Promise<FormField[]>;
};

/**
 * RAW-API §7.8: 1 = string is observed; 2 integer, 3 date and 4 decimal are the emulator's
 * numbering (main/trustid/enums.ts). A type not listed here has no value member we could fill,
 * so its field is left off the form rather than offered and then sent wrongly.
 */
const byDataType: Record<number, { kind: FormField['kind']; valueType: ApplicationFieldKind }> = {
  [FlexibleFieldDataType.String]: { kind: 'text', valueType: 'string' },
  [FlexibleFieldDataType.Integer]: { kind: 'number', valueType: 'int' },
  [FlexibleFieldDataType.Date]: { kind: 'date', valueType: 'date' },
  [FlexibleFieldDataType.Decimal]: { kind: 'number', valueType: 'decimal' },
};

/**
 * TrustID's definitions as the form shows them: only active and enabled fields (a flag that is
 * absent counts as false, as RAW-API §16 row 3 reads missing flags), without TrustID's system
 * fields (§7.8: `__SYS_…` are filled by guest links, `__RTW_…` by Right-to-Work checks, not by a
 * desk), ordered by FieldOrderIndex. The id is the field's (stable across versions, so a value typed
 * survives a new version); the value is sent under the version id (`Id`). `DataRange` is not read as
 * choices: §7.8 does not say it holds any (its one observed value, "450" on a string field, reads as
 * a length), so no field becomes a choice or a yes/no field.
 */
export function formFieldsFrom(raw: readonly FlexibleFieldDefinition[], log?: Logger): FormField[] {
  const kept: Array<{ order: number; field: FormField }> = [];
  for (const d of raw) {
    if (d.IsActive !== true || d.IsEnabled !== true) continue;
    if ((d.Name ?? '').startsWith('__')) continue;
    const versionId = d.Id ?? null;
    const type = typeof d.DataType === 'number' ? byDataType[d.DataType] : undefined;
    if (!versionId || !type) {
      // Names only: definitions are configuration, not personal data.
      log?.warn({ field: d.Name ?? null, dataType: d.DataType ?? null, mandatory: d.Mandatory === true }, 'custom field left off the form: no version id or an unknown data type');
      continue;
    }
    kept.push({
      order: d.FieldOrderIndex ?? Number.MAX_SAFE_INTEGER,
      field: {
        id: d.FlexibleFieldId ?? versionId,
        label: d.DisplayName?.trim() || d.Name?.trim() || 'Unnamed field',
        kind: type.kind,
        required: d.Mandatory === true,
        choices: [],
        versionId,
        valueType: type.valueType,
      },
    });
  }
  // Array.prototype.sort is stable: equal indexes keep TrustID's order.
  return kept.sort((a, b) => a.order - b.order).map((k) => k.field);
}

/** What the store's cache holds, checked on the way back in (an older build may have written it). */
const CachedForm = z.array(
  z.object({
    id: z.string().min(1).max(64),
    label: z.string(),
    kind: z.enum(['text', 'number', 'date', 'choice', 'boolean']),
    required: z.boolean(),
    choices: z.array(z.string()),
    versionId: z.string().min(1).max(64).optional(),
    valueType: z.enum(['string', 'int', 'date', 'decimal']).optional(),
    propertyName: z.string().min(1).max(64).optional(),
    index: z.number().int().min(0).max(9).optional(),
  }),
);

type Held = { definitions: FormField[]; fetchedAt: number };

function unavailable(): AppError {
  return new AppError(
    'capture.fields-unavailable',
    'The application form could not be fetched from TrustID, and this kiosk has not saved it before. Check the connection, then press Retry.',
  );
}

function why(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (isTrustIdError(error)) return error.kind;
  return error instanceof Error ? error.name : 'unknown';
}

export function createFieldDefinitions(deps: FieldDefinitionsDeps): FieldDefinitionsService {
  const waitMs = deps.waitMs ?? 4_000;
  const freshMs = deps.freshMs ?? 60_000;
  const memory = new Map<string, Held>();
  const inFlight = new Map<string, Promise<FormField[]>>();
  const cacheKey = (accountId: string) => deps.form?.cacheKey(accountId) ?? accountId;

  function held(accountId: string): Held | null {
    const mem = memory.get(accountId);
    if (mem) return mem;
    const row = deps.cache.get(cacheKey(accountId));
    if (!row) return null;
    const parsed = CachedForm.safeParse(row.definitions);
    if (!parsed.success) {
      deps.log.warn({ accountId }, 'cached application form unreadable; it is fetched again when online');
      return null;
    }
    const loaded: Held = { definitions: parsed.data, fetchedAt: row.fetchedAt };
    memory.set(accountId, loaded);
    return loaded;
  }

  function fetchForm(accountId: string): Promise<FormField[]> {
    const running = inFlight.get(accountId);
    if (running) return running;
    const run = (async () => {
      const definitions = deps.form ? await deps.form.fetch(accountId) : formFieldsFrom(await deps.clientFor(accountId).applicationFlexibleFieldAttributes(), deps.log);
      const fetchedAt = deps.now();
      memory.set(accountId, { definitions, fetchedAt });
      try {
        deps.cache.put(cacheKey(accountId), definitions, fetchedAt);
      } catch (error) {
        // The form in memory still serves this run; only an offline restart misses it.
        deps.log.warn({ accountId, err: why(error) }, 'application form not cached in the store');
      }
      deps.log.info({ accountId, fields: definitions.length, required: definitions.filter((d) => d.required).length }, 'application form fetched');
      return definitions;
    })();
    inFlight.set(accountId, run);
    const done = () => inFlight.delete(accountId);
    run.then(done, done);
    return run;
  }

  return {
    async forAccount(accountId) {
      const cached = held(accountId);
      if (cached && deps.now() - cached.fetchedAt < freshMs) return cached.definitions;
      // Offline with a cache: no request, so the form shows at once (the queue knows TrustID is away).
      if (cached && !deps.online()) return cached.definitions;
      const fetching = fetchForm(accountId);
      if (!cached) {
        try {
          return await fetching;
        } catch (error) {
          deps.log.warn({ accountId, err: why(error) }, 'application form not available');
          throw unavailable();
        }
      }
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((resolve) => {
        timer = setTimeout(() => resolve('slow'), waitMs);
        timer.unref();
      });
      try {
        const answer = await Promise.race([fetching, slow]);
        if (answer !== 'slow') return answer;
        deps.log.info({ accountId }, 'TrustID is slow to send the application form; the saved one is shown');
      } catch (error) {
        deps.log.warn({ accountId, err: why(error) }, 'application form not fetched; the saved one is shown');
      } finally {
        clearTimeout(timer);
      }
      // A late answer still refreshes the cache for next time (fetchForm stores it).
      return cached.definitions;
    },
  };
}


const CAPTURE_MARKER_NAME = 'KioskCaptureRef';

/** Document-level forms share the application forms' cache under their own key (RAW-API §7.9). */
export const documentFormKey = (accountId: string) => `doc:${accountId}`;

/**
 * RAW-API §7.9 definitions as the review step asks them of each document: in slot order, without the
 * capture marker's slot (the kiosk writes it, staff never do). Values listed in `Values` become
 * choices; otherwise the text, whole-number, date or decimal kinds of §7.8's numbering.
 */
export function documentFormFrom(raw: readonly CustomField[], markerSlot: { index: number; propertyName: string } | null): FormField[] {
  const out: FormField[] = [];
  for (const d of [...raw].sort((a, b) => (a.Index ?? 99) - (b.Index ?? 99))) {
    const propertyName = d.PropertyName?.trim();
    if (!propertyName || d.Index === undefined || d.Index === null || d.Index < 0 || d.Index > 9) continue;
    if (markerSlot && (d.Index === markerSlot.index || propertyName === markerSlot.propertyName)) continue;
    // The marker's documented name (§7.9) is never a question for staff, whatever slot holds it.
    if (propertyName === CAPTURE_MARKER_NAME) continue;
    const choices = (d.Values ?? []).filter((v) => v !== '');
    const type = typeof d.DataType === 'number' ? byDataType[d.DataType] : undefined;
    out.push({
      id: propertyName,
      label: d.DisplayName?.trim() || propertyName,
      kind: choices.length > 0 ? 'choice' : (type?.kind ?? 'text'),
      required: d.Required === true,
      choices,
      propertyName,
      index: d.Index,
      // RAW-API §7.9: every value travels as a string.
      valueType: 'string',
    });
  }
  return out;
}
