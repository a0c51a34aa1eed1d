// Turns the emulator's records into TrustID's wire models (RAW-API §7): every key the spec lists,
// with neutral values for what the emulator does not model. Key order is the serializer's job.
// Runs wherever the emulator runs. Pure.
import { countryByMrz } from './countries';
import type { CustomFieldDefinition, EmulatorConfig, FlexibleFieldDefinition } from './config';
import { EXPERT } from './seed-data';
import type { ContainerRecord, DocumentRecord, FeedbackFact, FlexibleValue, ImageRecord } from './state';
import type { Account } from './users';
import { scannedByText } from './users';
import type { WireObject, WireValue } from './wire-json';
import { WireDate, unsetDate, wireDate } from './wire-json';

export type ModelContext = {
  config: EmulatorConfig;
  image(id: string): ImageRecord | undefined;
  account(userId: string): Account | undefined;
  branchName(branchId: string): string;
  organisation: { id: string; name: string };
};

export function wireUser(account: Account, state: { failures: number; locked: boolean; passwordExpired: boolean }): WireObject {
  return {
    Active: true,
    ArchiveVisibility: account.visibility,
    BranchId: account.branch.id,
    BranchName: account.branch.name,
    Description: null,
    Email: account.email,
    EmailAlertFlags: 0,
    FailedPasswordAttemptCount: state.failures,
    Firstname: account.firstname,
    Id: account.id,
    IsLockedOut: state.locked,
    Lastname: account.lastname,
    Privileges: account.privileges,
    SetInitialPassword: state.passwordExpired,
    Username: account.username,
  };
}

export function wireImage(image: ImageRecord): WireObject {
  const point = (x: number, y: number): WireObject => ({ x, y });
  return {
    ContainerId: image.containerId,
    CreatedAt: new WireDate(image.createdAt),
    CropArea: {
      BottomLeft: point(0, image.height),
      BottomRight: point(image.width, image.height),
      TopLeft: point(0, 0),
      TopRight: point(image.width, 0),
    },
    CurrentHeight: image.height,
    CurrentSize: image.size,
    CurrentWidth: image.width,
    DocumentId: image.documentId,
    FileType: image.fileType,
    Filename: image.filename,
    Id: image.id,
    ImageSourceId: image.sourceId,
    ImageType: image.imageType,
    OriginalHeight: image.height,
    OriginalSize: image.size,
    OriginalWidth: image.width,
    Rotation: 0,
    TimeTakenToProcess: 0,
    TimeTakenToUpload: 0,
  };
}

function wireFacts(facts: FeedbackFact[] | undefined): WireValue[] {
  return (facts ?? []).map((item) => ({ ErrorMessage: item.errorMessage, Name: item.name, Value: item.value, ValueUndefined: item.valueUndefined }));
}

function wireCustomField(definition: CustomFieldDefinition, value = ''): WireObject {
  return {
    DataType: definition.dataType,
    DisplayName: definition.displayName,
    Help: definition.help,
    Index: definition.index,
    PropertyName: definition.propertyName,
    Required: definition.required,
    Value: value,
    Values: definition.values,
  };
}

export function wireCustomFieldDefinitions(config: EmulatorConfig): WireObject[] {
  return config.customFields.map((definition) => wireCustomField(definition));
}

export function wireDocument(doc: DocumentRecord, container: ContainerRecord, ctx: ModelContext): WireObject {
  const result = doc.result;
  const images = doc.imageIds
    .map((id) => ctx.image(id))
    .filter((image): image is ImageRecord => image !== undefined)
    .map(wireImage);
  const mrzText = doc.mrz ?? '';
  return {
    // Fields the kiosk reads (§7.2).
    Audited: doc.audited,
    AuditedByUser: doc.auditedByUser,
    AuditorMessage: doc.auditorMessage,
    AuditorStatus: doc.auditorStatus,
    Blacklisted: false,
    BlacklistedAt: unsetDate,
    ContainerId: container.id,
    CreatedAt: new WireDate(doc.createdAt),
    // §7.9: one entry per configured definition, in Index order, with the stored value or "".
    CustomFieldDictionary: [...ctx.config.customFields]
      .sort((a, b) => a.index - b.index)
      .map((definition) => ({ Key: definition.propertyName, Value: wireCustomField(definition, doc.customValues?.[String(definition.index)] ?? '') })),
    DocumentFields: (result?.fields ?? []).map((field) => ({
      DataType: field.dataType,
      DescriptionText: null,
      DisplayName: field.displayName,
      DocumentId: doc.id,
      FieldValueDate: field.dataType === 3 ? wireDate(field.valueDate) : unsetDate,
      FieldValueString: field.valueString,
      Id: field.id,
      ImageType: 2,
      Name: field.name,
      RegionCoordinates: null,
      Reliability: 0,
      SourceId: 2,
    })),
    DocumentId: doc.id,
    DocumentName: result?.documentName ?? null,
    DocumentResultsSummary: wireFacts(result?.summary),
    DocumentType: doc.documentType,
    DocumentValidations: [],
    FeedbackPersonMatches: doc.feedbackPersonMatches,
    GeneralDocumentProperties: wireFacts(result?.general),
    Images: images,
    IssuingCountry: result?.issuingCountry ? countryByMrz(result.issuingCountry) : null,
    MissingFieldsProperties: wireFacts(result?.missing),
    Mrz: doc.mrz,
    MrzValidationProperties: wireFacts(result?.mrzChecks),
    Nationality: result?.nationality ? countryByMrz(result.nationality) : null,
    Notes: doc.notes,
    OperatorMessage: doc.operatorMessage,
    OperatorStatus: doc.operatorStatus,
    OriginalMrz: doc.mrz,
    RfidMrz: doc.rfidMrz,
    ScannedAt: new WireDate(doc.createdAt),
    ScannerType: doc.scannerType ?? 'CLOUD',
    SeenBeforeDocumentContainerId: null,
    SeenBeforeDocumentId: null,
    UpdatedAt: new WireDate(doc.updatedAt),
    // Further keys real documents carry, with neutral values (§7.2).
    AspectRatio: 0,
    BranchName: ctx.branchName(container.branchId),
    CompatibilityDocumentSubTypeCode: null,
    CompatibilityDocumentTypeCode: null,
    CompatibilityIssuingCountryCode: null,
    CompatibilityNationalityCode: null,
    ContactlessChipReadState: 0,
    ContinuedManually: false,
    CustomFieldKeys: null,
    DetectedOrientation: 0,
    DocumentCompleted: result !== null,
    DocumentConfiguration: null,
    DocumentSubType: null,
    DocumentVersion: null,
    DrivingLicenceCategory: null,
    Editable: false,
    ExpiryNotification: false,
    ExternalServices: [],
    ExternalServicesQueried: false,
    FeedbackFace: 0,
    FeedbackFeatures: 0,
    FeedbackHasMrz: mrzText ? 1 : 0,
    FeedbackRFIDImageMatches: 0,
    FeedbackUV: 0,
    FeedbackUVPattern: 0,
    Font: null,
    FontAlignment: 0,
    FontHeight: 0,
    Forwarded: false,
    HasError: false,
    HighRiskCountry: false,
    IsBiometric: false,
    IssuingAuthority: null,
    KDB: null,
    Locked: false,
    MRZCorrected: false,
    MRZCorrectionProvided: false,
    MandatoryDocumentFieldsFlag: 0,
    MaxAgeFailed: false,
    MinAgeFailed: false,
    MrzCharacterCount: result?.mrzCharacterCount ?? 0,
    MrzImageType: 0,
    MrzLineCount: result?.mrzLineCount ?? 0,
    MrzSameLength: (result?.mrzLineCount ?? 0) > 0,
    NoInitialFaceImage: false,
    OcrDataApplied: false,
    OcrFieldData: null,
    OcrType: 0,
    OptionalDocumentFieldsFlag: 0,
    PartiallyRecognised: false,
    RFIDFailed: container.rfidFailed,
    ReadingAttemptsCount: 0,
    RuleDenied: false,
    ScanCounter: 0,
    SuccessfullyRead: result !== null,
    SupportingDocumentName: null,
    SystemId: 1,
    Unrecognised: false,
    ValidFrom: unsetDate,
    ValidLength: 0,
    VpeDeviceId: container.deviceId,
    VpeName: ctx.config.vpeName,
    WizardCompleted: false,
    WorkflowFlags: 0,
  };
}

function wireFlexibleDefinition(definition: FlexibleFieldDefinition): WireObject {
  const created = new WireDate(Date.UTC(2024, 0, 1));
  return {
    BranchId: null,
    CreationDate: created,
    DataRange: null,
    DataType: definition.dataType,
    DefaultValue: null,
    DisplayName: definition.displayName,
    EntityId: null,
    FieldOrderIndex: definition.orderIndex,
    Flags: 3,
    FlexibleFieldId: definition.flexibleFieldId,
    HelpText: definition.helpText,
    Id: definition.id,
    IsActive: true,
    IsEnabled: true,
    IsGlobal: true,
    IsValidationField: false,
    // Spelled as TrustID spells it (§7.8).
    LastModifield: created,
    Mandatory: definition.mandatory,
    Name: definition.name,
    ValidationFailValue: null,
    ValidationPassValue: null,
    ValidationWarningValue: null,
  };
}

export function wireFlexibleDefinitions(config: EmulatorConfig): WireObject[] {
  return config.flexibleFields.map(wireFlexibleDefinition);
}

/** §7.8 response shape: a serialized .NET tuple of definition and value. */
function wireFlexibleTuple(definition: FlexibleFieldDefinition, value: FlexibleValue, containerId: string): WireObject {
  const template = wireFlexibleDefinition(definition);
  return {
    m_Item1: template,
    m_Item2: {
      BehaviourFlagsDup: 256,
      DataRangeDup: null,
      DefaultValueDup: null,
      DocumentContainerId: containerId,
      FieldOrderIndexDup: definition.orderIndex,
      FieldValueDate: wireDate(value.valueDate),
      FieldValueDecimal: value.valueDecimal,
      FieldValueInt: value.valueInt,
      FieldValueString: value.valueString,
      FlexibleFieldDataTypeIdDup: definition.dataType,
      FlexibleFieldDisplayNameDup: definition.displayName,
      FlexibleFieldId: definition.flexibleFieldId,
      FlexibleFieldNameDup: definition.name,
      FlexibleFieldVersionId: definition.id,
      HelpTextDup: definition.helpText,
      MandatoryDup: definition.mandatory,
      MandatoryIfValueListORDup: null,
      Template: template,
      ValidationStatus: null,
    },
  };
}

export function wireContainer(container: ContainerRecord, ctx: ModelContext): WireObject {
  const owner = ctx.account(container.userId);
  const photo = container.applicantPhotoId ? ctx.image(container.applicantPhotoId) : undefined;
  const flexible: WireValue[] = [];
  for (const value of container.flexibleValues) {
    const definition = ctx.config.flexibleFields.find((item) => item.id === value.flexibleFieldVersionId);
    if (definition) flexible.push(wireFlexibleTuple(definition, value, container.id));
  }
  const alerts = container.documents.filter((doc) => doc.operatorStatus === 3).length;
  return {
    AccessLock: { AnonymousSessionId: null, Locked: false, Timestamp: unsetDate, UserDisplay: null, UserId: null },
    AddressHistory: [],
    ApplicantPhotoImage: photo ? wireImage(photo) : null,
    ApplicationFlexibleFieldList: flexible,
    ApplicationRead: false,
    BranchId: container.branchId,
    BranchName: ctx.branchName(container.branchId),
    ClientAppId: container.clientAppId,
    CreatedAt: new WireDate(container.createdAt),
    DbsCheckInitiation: { State: container.dbsState },
    DbsStatus: null,
    DocumentContainerFieldList: container.fields.map((field) => ({
      DescriptionText: null,
      DisplayName: field.displayName,
      DocumentContainerId: container.id,
      FieldValueDate: unsetDate,
      FieldValueString: field.valueString,
      Id: field.id,
      Name: field.name,
      Source: 0,
    })),
    DocumentContainerValidationList: [],
    DocumentSource: container.documentSource,
    DocumentStorageType: container.storageType,
    Documents: container.documents.map((doc) => wireDocument(doc, container, ctx)),
    EntityId: container.branchId,
    Fullname: container.fullname,
    Id: container.id,
    IsFullCheck: false,
    JourneyId: null,
    LivenessTestCount: 0,
    LivenessTestResult: 0,
    LivenessTestResultAuto: 0,
    OrganisationId: ctx.organisation.id,
    OrganisationName: ctx.organisation.name,
    OverallStatus: container.overallStatus,
    ProcessExpiryTimeUtc: unsetDate,
    ReferralHistory: container.referrals.map((entry) => ({
      CompletedAt: wireDate(entry.completedAt),
      ReferralType: entry.referralType,
      ReferredAt: new WireDate(entry.referredAt),
      ReferredBy: { DisplayName: entry.referredByName, UserId: entry.referredByUserId },
      ReferredTo: { DisplayName: EXPERT.displayName, UserId: EXPERT.id },
    })),
    ReferralType: container.referralType,
    Referred: container.referred,
    ReferredAt: wireDate(container.referredAt),
    ReferredFrom: null,
    ReviewApplicationInstigatingUser: null,
    ReviewApplicationState: null,
    ScannedByUser: owner ? scannedByText(owner) : '',
    Synchronised: false,
    SystemId: 1,
    TotalAlerts: container.storageType === 3 ? alerts : null,
    TtaImport: null,
    UpdatedAt: new WireDate(container.updatedAt),
    UserId: container.userId,
    VpeDeviceId: container.deviceId,
    VpeName: ctx.config.vpeName,
    VpeType: 18,
    WorkflowType: 1,
  };
}
