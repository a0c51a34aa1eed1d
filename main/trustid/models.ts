// TrustID's data models (RAW-API §7) as zod schemas. Every object keeps unknown fields (TrustID adds
// fields; the client must not break, RAW-API §16 #4), every field the spec names is typed, and a
// wrong type is an error whose path names the field. Property names stay PascalCase, as on the wire.
// Runs in main (plain Node).
import { z } from 'zod';
import { MsDate } from './date-codec';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** RAW-API §1.9 / §16 #14: GUIDs compare case-insensitively, so they are stored lower-case. */
export function normaliseId(id: string): string {
  return GUID.test(id) ? id.toLowerCase() : id;
}

/** A required identifier: a non-empty string, lower-cased when it is a GUID. */
export const Id = z.string().min(1, 'must not be empty').transform(normaliseId);

/** An optional identifier: null, absent, "" and the empty GUID all mean "not set" (RAW-API §1.9). */
export const OptionalId = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' || v === EMPTY_GUID ? undefined : normaliseId(v)));

/** RAW-API §1.6: an absent flag is false. */
export const Flag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);

const Text = z.string().nullish();
const Num = z.number().nullish();
const Bool = z.boolean().nullish();
const When = MsDate.optional();
/** Arrays TrustID may send as null; the client reads them as empty. */
const List = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

// ---- §7.7 small records -------------------------------------------------------------------------

export const AccessLock = z.looseObject({
  AnonymousSessionId: z.unknown().optional(),
  Locked: Bool,
  Timestamp: When,
  UserDisplay: Text,
  UserId: OptionalId,
});

export const Country = z.looseObject({
  Alias1: Text,
  Alias2: Text,
  Alias3: Text,
  AltMrz: Text,
  EU: Bool,
  Mrz: Text,
  Name: Text,
  Nationality: Text,
  UK: Bool,
});
export type Country = z.output<typeof Country>;

export const DocumentContainerField = z.looseObject({
  DescriptionText: Text,
  DisplayName: Text,
  DocumentContainerId: OptionalId,
  FieldValueDate: When,
  FieldValueString: Text,
  Id: Num,
  Name: Text,
  Source: Num,
});
export type DocumentContainerField = z.output<typeof DocumentContainerField>;

export const DocumentContainerValidation = z.looseObject({
  ActionsText: Text,
  DescriptionText: Text,
  DetailedResult: Text,
  DisplayName: Text,
  DocumentContainerId: OptionalId,
  Id: Num,
  InformationText: Text,
  Name: Text,
  OutcomeCommentText: Text,
  RefFieldNames: z.unknown().optional(),
  ValidationOutcome: Num,
});

export const DocumentValidation = z.looseObject({
  ActionsText: Text,
  DescriptionText: Text,
  DisplayName: Text,
  DocumentId: OptionalId,
  Id: Num,
  ImageType: Num,
  InformationText: Text,
  Name: Text,
  OutcomeCommentText: Text,
  RefFieldNames: z.unknown().optional(),
  RegionCoordinates: z.unknown().optional(),
  Result: Num,
});

const UserRef = z.looseObject({ DisplayName: Text, UserId: OptionalId });

export const ReferralHistoryEntry = z.looseObject({
  CompletedAt: When,
  ReferralType: Num,
  ReferredAt: When,
  ReferredBy: UserRef.nullish(),
  ReferredTo: UserRef.nullish(),
});

export const ExternalService = z.looseObject({
  CallerId: z.unknown().optional(),
  ErrorMessage: Text,
  ID: Text,
  Match: z.unknown().optional(),
  MatchedProperties: List(z.looseObject({ Key: Text, Value: z.unknown().optional() })),
  Name: Text,
  ServiceCallPending: Bool,
  ServiceCalled: Bool,
  Success: Bool,
  Timestamp: When,
});

// ---- §7.5 FeedbackProperty ----------------------------------------------------------------------

export const FeedbackProperty = z.looseObject({
  Name: Text,
  Value: Bool,
  ValueUndefined: Bool,
  ErrorMessage: Text,
});
export type FeedbackProperty = z.output<typeof FeedbackProperty>;

// ---- §7.3 DocumentField -------------------------------------------------------------------------

export const DocumentField = z.looseObject({
  Id: Num,
  DocumentId: OptionalId,
  Name: Text,
  DisplayName: Text,
  DescriptionText: Text,
  DataType: Num,
  FieldValueString: Text,
  FieldValueDate: When,
  SourceId: Num,
  ImageType: Num,
  RegionCoordinates: z.unknown().optional(),
  Reliability: Num,
});
export type DocumentField = z.output<typeof DocumentField>;

// ---- §7.4 Image ---------------------------------------------------------------------------------

const Point = z.looseObject({ x: Num, y: Num });

export const Image = z.looseObject({
  Id: Id,
  DocumentId: OptionalId,
  ContainerId: OptionalId,
  ImageType: Num,
  ImageSourceId: OptionalId,
  CropArea: z
    .looseObject({ TopLeft: Point.nullish(), TopRight: Point.nullish(), BottomLeft: Point.nullish(), BottomRight: Point.nullish() })
    .nullish(),
  Rotation: Num,
  Filename: Text,
  CreatedAt: When,
  FileType: Num,
  OriginalWidth: Num,
  OriginalHeight: Num,
  OriginalSize: Num,
  CurrentWidth: Num,
  CurrentHeight: Num,
  CurrentSize: Num,
  TimeTakenToProcess: Num,
  TimeTakenToUpload: Num,
});
export type Image = z.output<typeof Image>;

// ---- §7.9 document-level custom fields ----------------------------------------------------------

export const CustomField = z.looseObject({
  DataType: Num,
  DisplayName: Text,
  Help: Text,
  Index: Num,
  PropertyName: Text,
  Required: Bool,
  Value: Text,
  Values: List(z.string()),
});
export type CustomField = z.output<typeof CustomField>;

// ---- §7.8 application flexible fields -----------------------------------------------------------

export const FlexibleFieldDefinition = z.looseObject({
  BranchId: OptionalId,
  CreationDate: When,
  DataRange: Text,
  DataType: Num,
  DefaultValue: Text,
  DisplayName: Text,
  EntityId: OptionalId,
  FieldOrderIndex: Num,
  Flags: Num,
  FlexibleFieldId: OptionalId,
  HelpText: Text,
  Id: OptionalId,
  IsActive: Bool,
  IsEnabled: Bool,
  IsGlobal: Bool,
  IsValidationField: Bool,
  /** Sic: TrustID spells it this way (RAW-API §7.8). */
  LastModifield: When,
  Mandatory: Bool,
  Name: Text,
  ValidationFailValue: z.unknown().optional(),
  ValidationPassValue: z.unknown().optional(),
  ValidationWarningValue: z.unknown().optional(),
});
export type FlexibleFieldDefinition = z.output<typeof FlexibleFieldDefinition>;

export const FlexibleFieldValue = z.looseObject({
  BehaviourFlagsDup: Num,
  DocumentContainerId: OptionalId,
  FieldValueDate: When,
  FieldValueDecimal: Num,
  FieldValueInt: Num,
  FieldValueString: Text,
  FlexibleFieldDataTypeIdDup: Num,
  FlexibleFieldDisplayNameDup: Text,
  FlexibleFieldId: OptionalId,
  FlexibleFieldNameDup: Text,
  FlexibleFieldVersionId: OptionalId,
  MandatoryDup: Bool,
  Template: FlexibleFieldDefinition.nullish(),
  ValidationStatus: z.unknown().optional(),
});

/** A serialized .NET Tuple<definition, value> (RAW-API §7.8). */
export const ApplicationFlexibleField = z.looseObject({
  m_Item1: FlexibleFieldDefinition.nullish(),
  m_Item2: FlexibleFieldValue.nullish(),
});
export type ApplicationFlexibleField = z.output<typeof ApplicationFlexibleField>;

// ---- §7.10 User, Branch, Organisation -----------------------------------------------------------

export const Branch = z.looseObject({ Id: OptionalId, Name: Text });
export type Branch = z.output<typeof Branch>;
export const Organisation = z.looseObject({ Id: OptionalId, Name: Text });
export type Organisation = z.output<typeof Organisation>;

export const User = z.looseObject({
  Id: OptionalId,
  Username: Text,
  Email: Text,
  Firstname: Text,
  Lastname: Text,
  Description: Text,
  BranchId: OptionalId,
  BranchName: Text,
  Privileges: Num,
  EmailAlertFlags: Num,
  SetInitialPassword: Bool,
  ArchiveVisibility: Num,
  FailedPasswordAttemptCount: Num,
  IsLockedOut: Bool,
  Active: Bool,
});
export type User = z.output<typeof User>;

// ---- §7.2 Document ------------------------------------------------------------------------------

export const Document = z.looseObject({
  DocumentId: Id,
  ContainerId: OptionalId,
  DocumentName: Text,
  DocumentType: Num,
  DocumentFields: List(DocumentField),
  Images: List(Image),
  Mrz: Text,
  RfidMrz: Text,
  OriginalMrz: Text,
  OperatorStatus: Num,
  Audited: Bool,
  AuditorStatus: Num,
  AuditedByUser: Text,
  AuditorMessage: Text,
  OperatorMessage: Text,
  Notes: Text,
  GeneralDocumentProperties: List(FeedbackProperty),
  DocumentResultsSummary: List(FeedbackProperty),
  MrzValidationProperties: List(FeedbackProperty),
  MissingFieldsProperties: List(FeedbackProperty),
  DocumentValidations: List(DocumentValidation),
  Blacklisted: Bool,
  BlacklistedAt: When,
  SeenBeforeDocumentContainerId: OptionalId,
  SeenBeforeDocumentId: OptionalId,
  IssuingCountry: Country.nullish(),
  Nationality: Country.nullish(),
  CustomFieldDictionary: List(z.looseObject({ Key: Text, Value: CustomField.nullish() })),
  CreatedAt: When,
  UpdatedAt: When,
  ScannedAt: When,
  ScannerType: Text,
  FeedbackPersonMatches: Num,
  ExternalServices: List(ExternalService),
});
export type Document = z.output<typeof Document>;

// ---- §7.1 Container -----------------------------------------------------------------------------

export const Container = z.looseObject({
  Id: Id,
  AccessLock: AccessLock.nullish(),
  AddressHistory: z.array(z.unknown()).nullish(),
  ApplicantPhotoImage: Image.nullish(),
  ApplicationFlexibleFieldList: List(ApplicationFlexibleField),
  ApplicationRead: Bool,
  BranchId: OptionalId,
  BranchName: Text,
  ClientAppId: Num,
  CreatedAt: When,
  UpdatedAt: When,
  DbsCheckInitiation: z.looseObject({ State: Num }).nullish(),
  DbsStatus: z.unknown().optional(),
  DocumentContainerFieldList: List(DocumentContainerField),
  DocumentContainerValidationList: List(DocumentContainerValidation),
  DocumentSource: Num,
  /** The life-cycle state (RAW-API §8). Required: without it a result cannot be read. */
  DocumentStorageType: z.number(),
  Documents: List(Document),
  EntityId: OptionalId,
  Fullname: Text,
  IsFullCheck: Bool,
  JourneyId: z.unknown().optional(),
  LivenessTestCount: Num,
  LivenessTestResult: Num,
  LivenessTestResultAuto: Num,
  OrganisationId: OptionalId,
  OrganisationName: Text,
  OverallStatus: Num,
  ProcessExpiryTimeUtc: When,
  ReferralHistory: List(ReferralHistoryEntry),
  ReferralType: Num,
  Referred: Bool,
  ReferredAt: When,
  ReferredFrom: Text,
  ReviewApplicationInstigatingUser: z.unknown().optional(),
  ReviewApplicationState: Num,
  ScannedByUser: Text,
  Synchronised: Bool,
  SystemId: Num,
  TotalAlerts: Num,
  TtaImport: z.unknown().optional(),
  UserId: OptionalId,
  VpeDeviceId: Text,
  VpeName: Text,
  VpeType: Num,
  WorkflowType: Num,
});
export type Container = z.output<typeof Container>;

// ---- request shapes (RAW-API §7.8, §11, §12) ------------------------------------------------------

/** One value for an application-level flexible field. Set exactly one value member. */
export type ApplicationFlexibleFieldValue = {
  flexibleFieldVersionId: string;
} & ({ string: string } | { int: number } | { date: Date } | { decimal: number });

export type CallbackHeader = { header: string; value: string };

// ---- formatting zod issues ----------------------------------------------------------------------

/**
 * "Container.Documents[0].DocumentId: must not be empty" — names the field, never the value
 * (values can be personal data).
 */
export function describeIssues(error: z.ZodError, root: string, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    let path = root;
    for (const key of issue.path) path += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return parts.join('; ') + more;
}
