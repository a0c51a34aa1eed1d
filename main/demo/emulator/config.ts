// The emulator's run-time configuration (RAW-API §15.1): its shape, defaults, validation and how a
// partial change merges in. Runs wherever the emulator runs. Pure.
import { z } from 'zod';

export const OUTCOMES = ['pass', 'fail', 'reject', 'refer'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const WEBHOOK_EVENTS = [
  'ContainerSubmitted',
  'ContainerSentToReview',
  'ResultNotification',
  'ContainerModifiedPostResult',
  'DocumentModifiedPostResult',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** UserArchiveVisibility (RAW-API §7.11). */
export const VISIBILITY = { User: 0, Branch: 1, Global: 2, Organisation: 3 } as const;
export type VisibilityName = keyof typeof VISIBILITY;

/** Privileges bits (RAW-API §7.10, our choice). */
export const PRIVILEGE_ADMIN = 1;
export const PRIVILEGE_ARCHIVE = 2;

const visibilityNames = Object.keys(VISIBILITY) as [VisibilityName, ...VisibilityName[]];

/** Accepts `username` and §15.1's `Username` alike: the config endpoint is fed by hand-written JSON. */
function camelKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.charAt(0).toLowerCase() + key.slice(1), item]));
}

const UserConfigObject = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(1),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  email: z.string().optional(),
  /** Branch name or id from the seeded branches. */
  branch: z.string().optional(),
  archiveVisibility: z.union([z.enum(visibilityNames), z.number().int().min(0).max(3)]).optional(),
  privileges: z.number().int().min(0).optional(),
  mfa: z.boolean().optional(),
  passwordExpired: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** May log in with `DesktopClient:true` (§2.2 DesktopClientDenied). Default true. */
  desktopClient: z.boolean().optional(),
  /** A fixed user id (GUID); generated from the username when absent. */
  id: z.string().optional(),
});
export const UserConfigSchema = z.preprocess(camelKeys, UserConfigObject);
export type UserConfig = z.output<typeof UserConfigObject>;
export type UserConfigInput = z.input<typeof UserConfigObject>;

const Header = z.strictObject({ Header: z.string().min(1), Value: z.string() });
export type CallbackHeader = z.infer<typeof Header>;

const FlexibleFieldDefinition = z.strictObject({
  id: z.string(),
  flexibleFieldId: z.string(),
  name: z.string(),
  displayName: z.string(),
  /** 1 string, 2 integer, 3 date, 4 decimal (§7.8). */
  dataType: z.number().int().min(1).max(4),
  mandatory: z.boolean(),
  helpText: z.string().nullable(),
  orderIndex: z.number().int(),
});
export type FlexibleFieldDefinition = z.infer<typeof FlexibleFieldDefinition>;

const CustomFieldDefinition = z.strictObject({
  index: z.number().int().min(0).max(9),
  propertyName: z.string(),
  displayName: z.string(),
  dataType: z.number().int(),
  help: z.string(),
  required: z.boolean(),
  values: z.array(z.string()),
});
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

const sections = {
  statusMode: z.strictObject({ sessionExpired: z.union([z.literal(200), z.literal(401)]), apiKey: z.union([z.literal(200), z.literal(401), z.literal(403)]) }),
  session: z.strictObject({ idleTimeoutS: z.number().positive(), absoluteTimeoutS: z.number().positive(), singlePerDevice: z.boolean() }),
  login: z.strictObject({ lockAfterFailures: z.number().int().positive(), minApiVersion: z.number().nullable() }),
  temp: z.strictObject({ purgeAfterS: z.number().positive() }),
  guest: z.strictObject({ linkLifetimeS: z.number().positive() }),
  upload: z.strictObject({ maxBytes: z.number().int().positive() }),
  images: z.strictObject({ realistic: z.boolean() }),
  processing: z.strictObject({ workflowDelayMs: z.number().min(0), decisionDelayMs: z.number().min(0), reviewDelayMs: z.number().min(0) }),
  scenario: z.strictObject({
    default: z.enum(['auto', ...OUTCOMES]),
    referSurnames: z.array(z.string()),
    /** DocumentStatus an expert gives a referred document unless the control call says otherwise. */
    reviewVerdict: z.number().int().min(0).max(5),
  }),
  dates: z.strictObject({ offset: z.string().regex(/^[+-]\d{4}$/), emitSentinels: z.boolean() }),
  webhooks: z.strictObject({
    defaultUrl: z.string().url().nullable(),
    events: z.partialRecord(z.enum(WEBHOOK_EVENTS), z.boolean()),
    /** Headers added to every delivery (for the account-level URL). */
    headers: z.array(Header),
    /** No answer within this counts as a failed attempt (§10.3: 10 s). */
    timeoutMs: z.number().positive(),
    maxAttempts: z.number().int().positive(),
    /** Delay after the n-th failed attempt; the last entry repeats (§10.3: 1 min, 5 min, 15 min, then hourly). */
    retryDelaysS: z.array(z.number().min(0)).min(1),
    /** Divides every retry delay, so tests on the real clock need not wait minutes (§10.3 switch). */
    clockCompression: z.number().positive(),
  }),
  dbs: z.strictObject({ updateDelayMs: z.number().min(0) }),
  /**
   * The plausible real-service behaviours of RAW-API §16 where the spec made a choice, so the
   * kiosk's handling of each can be tested over HTTP. All off by default (the spec's choice).
   */
  alternatives: z.strictObject({
    /** §16 #21: archiveContainerQuery lists published containers only, never Queued (7). */
    queryPublishedOnly: z.boolean(),
    /** §16 #20: CustomFieldDictionary values sent on createDocument are ignored (returned as ""). */
    dropCustomFields: z.boolean(),
    /** §16 #19: a Queued (7) container cannot be retrieved until it is submitted ("not published"). */
    queuedNotRetrievable: z.boolean(),
    /** §16 #19: a Queued (7) container is retrieved without the documents and images added so far. */
    queuedHidesDocuments: z.boolean(),
    /** §16 #16: publishing an already published container answers success and changes nothing. */
    republishSucceeds: z.boolean(),
    /** §16 #22: a guest-link container carries __SYS_GuestName / __SYS_GuestEmail only once the guest submits. */
    guestValuesOnSubmit: z.boolean(),
    /** §16 #24: an expired guest link's container is kept, still Queued (7). Applies to links created while on. */
    keepExpiredGuestContainers: z.boolean(),
    /** §16 #23: archiveDocumentContainer is accepted on a Temp or Queued container. */
    archiveUnpublished: z.boolean(),
  }),
};

export const ConfigSchema = z.strictObject({
  apiKey: z.string().min(1).nullable(),
  vpeName: z.string().min(1),
  users: z.array(UserConfigSchema),
  flexibleFields: z.array(FlexibleFieldDefinition),
  customFields: z.array(CustomFieldDefinition),
  ...sections,
});
export type EmulatorConfig = z.output<typeof ConfigSchema>;

/**
 * A change to the configuration: any key of §15.1, sections merged key by key. Strict at every
 * level: a misspelt key is refused with its name rather than silently doing nothing.
 */
export const ConfigPatchSchema = z
  .strictObject({
    apiKey: z.string().min(1).nullable(),
    vpeName: z.string().min(1),
    users: z.array(UserConfigSchema),
    flexibleFields: z.array(FlexibleFieldDefinition),
    customFields: z.array(CustomFieldDefinition),
    statusMode: sections.statusMode.partial(),
    session: sections.session.partial(),
    login: sections.login.partial(),
    temp: sections.temp.partial(),
    guest: sections.guest.partial(),
    upload: sections.upload.partial(),
    images: sections.images.partial(),
    processing: sections.processing.partial(),
    scenario: sections.scenario.partial(),
    dates: sections.dates.partial(),
    webhooks: sections.webhooks.partial(),
    dbs: sections.dbs.partial(),
    alternatives: sections.alternatives.partial(),
  })
  .partial();
/** A configuration change as callers write it (start options, POST /__emulator/config). */
export type ConfigPatch = Omit<z.input<typeof ConfigPatchSchema>, 'users'> & { users?: UserConfigInput[] };

/** Fixed ids for the seeded flexible fields, so they stay stable across restarts and runs. */
export const DEFAULT_FLEXIBLE_FIELDS: FlexibleFieldDefinition[] = [
  {
    id: '6a1f0c2e-3b4d-4e5f-8a6b-7c8d9e0f1a2b',
    flexibleFieldId: '0d6e2a4c-1b3f-4a5d-9e7c-2f4a6b8c0d1e',
    name: '__SYS_GuestName',
    displayName: 'Guest Name',
    dataType: 1,
    mandatory: false,
    helpText: null,
    orderIndex: 100,
  },
  {
    id: '7b2a1d3f-4c5e-4f6a-9b7c-8d9e0f1a2b3c',
    flexibleFieldId: '1e7f3b5d-2c4a-4b6e-8f8d-3a5b7c9d1e2f',
    name: '__SYS_GuestEmail',
    displayName: 'Guest Email Address',
    dataType: 1,
    mandatory: false,
    helpText: null,
    orderIndex: 101,
  },
  {
    id: '8c3b2e4a-5d6f-4a7b-8c8d-9e0f1a2b3c4d',
    flexibleFieldId: '2f8a4c6e-3d5b-4c7f-9a9e-4b6c8d0e2f3a',
    name: 'VisitorReference',
    displayName: 'Visitor Reference',
    dataType: 1,
    mandatory: false,
    helpText: 'The reference on the visitor pass, if any.',
    orderIndex: 1,
  },
];

export const DEFAULT_CUSTOM_FIELDS: CustomFieldDefinition[] = [
  { index: 0, propertyName: 'BadgeNumber', displayName: 'Badge Number', dataType: 1, help: 'Visitor badge issued at the desk.', required: false, values: [] },
  // §7.9 / §15.1: the capture-marker slot demo mode uses ("<app id>:<document index>").
  { index: 9, propertyName: 'KioskCaptureRef', displayName: 'Kiosk Capture Reference', dataType: 1, help: 'Set by the kiosk: which local capture this document came from.', required: false, values: [] },
];

export function defaultConfig(users: UserConfig[]): EmulatorConfig {
  return {
    apiKey: 'emulator-key',
    vpeName: 'TrustID Emulator',
    users,
    flexibleFields: DEFAULT_FLEXIBLE_FIELDS,
    customFields: DEFAULT_CUSTOM_FIELDS,
    statusMode: { sessionExpired: 200, apiKey: 200 },
    session: { idleTimeoutS: 1200, absoluteTimeoutS: 43200, singlePerDevice: false },
    login: { lockAfterFailures: 5, minApiVersion: null },
    temp: { purgeAfterS: 86400 },
    guest: { linkLifetimeS: 7 * 86400 },
    upload: { maxBytes: 20 * 1024 * 1024 },
    images: { realistic: false },
    processing: { workflowDelayMs: 500, decisionDelayMs: 2000, reviewDelayMs: 30000 },
    scenario: { default: 'auto', referSurnames: ['REFER'], reviewVerdict: 1 },
    dates: { offset: '+0000', emitSentinels: false },
    webhooks: {
      defaultUrl: null,
      events: {},
      headers: [],
      timeoutMs: 10000,
      maxAttempts: 10,
      retryDelaysS: [60, 300, 900, 3600],
      clockCompression: 1,
    },
    dbs: { updateDelayMs: 5000 },
    alternatives: {
      queryPublishedOnly: false,
      dropCustomFields: false,
      queuedNotRetrievable: false,
      queuedHidesDocuments: false,
      republishSucceeds: false,
      guestValuesOnSubmit: false,
      keepExpiredGuestContainers: false,
      archiveUnpublished: false,
    },
  };
}

/** Applies a validated patch: top-level lists replace, sections merge key by key. */
export function mergeConfig(base: EmulatorConfig, patch: z.output<typeof ConfigPatchSchema>): EmulatorConfig {
  const next: EmulatorConfig = { ...base };
  if (patch.apiKey !== undefined) next.apiKey = patch.apiKey;
  if (patch.vpeName !== undefined) next.vpeName = patch.vpeName;
  if (patch.users !== undefined) next.users = patch.users;
  if (patch.flexibleFields !== undefined) next.flexibleFields = patch.flexibleFields;
  if (patch.customFields !== undefined) next.customFields = patch.customFields;
  for (const key of Object.keys(sections) as (keyof typeof sections)[]) {
    const part = patch[key];
    if (part !== undefined) (next as Record<string, unknown>)[key] = { ...base[key], ...stripUndefined(part) };
  }
  return next;
}

function stripUndefined(object: object): object {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** The numeric UserArchiveVisibility of a configured user (default Global, as TrustID's default). */
export function visibilityOf(user: UserConfig): number {
  const value = user.archiveVisibility;
  if (value === undefined) return VISIBILITY.Global;
  return typeof value === 'number' ? value : VISIBILITY[value];
}

export function visibilityName(value: number): VisibilityName {
  return (Object.entries(VISIBILITY).find(([, number]) => number === value)?.[0] as VisibilityName | undefined) ?? 'Global';
}
