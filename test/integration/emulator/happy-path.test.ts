// RAW-API §17, step by step, against the emulator over real HTTP, plus the wire conventions the
// steps show: envelope order (§1.6), escaped /Date()/ dates (§1.8), lower-case GUIDs (§1.9) and
// every Container and Document key (§7.1, §7.2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { DEVICE, documents, jpeg, login, post, retrieve, start, upload, validPassportMrz } from './emulator-client';

const BASE_ORDER = ['AccessDenied', 'CallbackId', 'Locked', 'Message', 'MfaCodeRequired', 'NewPasswordRequired', 'SessionExpired', 'Success', 'VpeUnreachable'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const REFERENCE = '018f6b2e-4c1a-7d3e-9b5f-2a6c8e0d1f47';

const CONTAINER_KEYS =
  'AccessLock AddressHistory ApplicantPhotoImage ApplicationFlexibleFieldList ApplicationRead BranchId BranchName ClientAppId CreatedAt UpdatedAt DbsCheckInitiation DbsStatus DocumentContainerFieldList DocumentContainerValidationList DocumentSource DocumentStorageType Documents EntityId Fullname Id IsFullCheck JourneyId LivenessTestCount LivenessTestResult LivenessTestResultAuto OrganisationId OrganisationName OverallStatus ProcessExpiryTimeUtc ReferralHistory ReferralType Referred ReferredAt ReferredFrom ReviewApplicationInstigatingUser ReviewApplicationState ScannedByUser Synchronised SystemId TotalAlerts TtaImport UserId VpeDeviceId VpeName VpeType WorkflowType'.split(
    ' ',
  );
const DOCUMENT_KEYS =
  'DocumentId ContainerId DocumentName DocumentType DocumentFields Images Mrz RfidMrz OriginalMrz OperatorStatus Audited AuditorStatus AuditedByUser AuditorMessage OperatorMessage Notes GeneralDocumentProperties DocumentResultsSummary MrzValidationProperties MissingFieldsProperties DocumentValidations Blacklisted BlacklistedAt SeenBeforeDocumentContainerId SeenBeforeDocumentId IssuingCountry Nationality CustomFieldDictionary CreatedAt UpdatedAt ScannedAt ScannerType FeedbackPersonMatches AspectRatio BranchName CompatibilityDocumentSubTypeCode CompatibilityDocumentTypeCode CompatibilityIssuingCountryCode CompatibilityNationalityCode ContactlessChipReadState ContinuedManually CustomFieldKeys DetectedOrientation DocumentCompleted DocumentConfiguration DocumentSubType DocumentVersion DrivingLicenceCategory Editable ExpiryNotification ExternalServices ExternalServicesQueried FeedbackFace FeedbackFeatures FeedbackHasMrz FeedbackRFIDImageMatches FeedbackUV FeedbackUVPattern Font FontAlignment FontHeight Forwarded HasError HighRiskCountry IsBiometric IssuingAuthority KDB Locked MRZCorrected MRZCorrectionProvided MandatoryDocumentFieldsFlag MaxAgeFailed MinAgeFailed MrzCharacterCount MrzImageType MrzLineCount MrzSameLength NoInitialFaceImage OcrDataApplied OcrFieldData OcrType OptionalDocumentFieldsFlag PartiallyRecognised RFIDFailed ReadingAttemptsCount RuleDenied ScanCounter SuccessfullyRead SupportingDocumentName SystemId Unrecognised ValidFrom ValidLength VpeDeviceId VpeName WizardCompleted WorkflowFlags'.split(
    ' ',
  );

function ordinalSorted(keys: string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every object in the value has its keys in ordinal order. */
function assertOrdinalEverywhere(value: unknown): void {
  if (Array.isArray(value)) value.forEach(assertOrdinalEverywhere);
  else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    expect(keys).toEqual(ordinalSorted(keys));
    Object.values(value).forEach(assertOrdinalEverywhere);
  }
}

describe('the minimal happy path of RAW-API §17', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await start();
  });
  afterEach(async () => {
    await emu.close();
  });

  it('logs in, builds, uploads front and back, publishes and retrieves an accepted result', async () => {
    // 1. Log in.
    const user = emu.users.find((item) => item.username === 'demo.frontdesk');
    const loginAnswer = await post(emu, 'session/login', { DeviceId: DEVICE, Username: user?.username, Password: user?.password, DesktopClient: false });
    expect(loginAnswer.status).toBe(200);
    expect(Object.keys(loginAnswer.json).slice(0, 9)).toEqual(BASE_ORDER);
    expect(Object.keys(loginAnswer.json).slice(9)).toEqual([
      'Branch',
      'Configuration',
      'DesktopClientDenied',
      'IncompatibleServiceVersion',
      'LockedUserAccount',
      'Organisation',
      'RemainingCredits',
      'ServerApiVersion',
      'SessionId',
      'User',
      'VpeName',
    ]);
    expect(loginAnswer.json).toMatchObject({ Success: true, Message: 'Operation executed successfully.', VpeName: 'TrustID Emulator', ServerApiVersion: 'emulator-1', Configuration: [] });
    expect(loginAnswer.json.SessionId).toMatch(GUID);
    expect(loginAnswer.json.User).toMatchObject({ Username: 'demo.frontdesk', ArchiveVisibility: 1, BranchName: 'Reception' });
    expect(loginAnswer.text).not.toContain(String(user?.password));
    expect(loginAnswer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const sessionId = String(loginAnswer.json.SessionId);
    const session: Session = { emu, deviceId: DEVICE, sessionId, call: (op, body = {}) => post(emu, op, { DeviceId: DEVICE, SessionId: sessionId, ...body }) };

    // 2. Create the container.
    const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4, ClientApplicationReference: REFERENCE });
    expect(created.json.Success).toBe(true);
    const containerId = String(created.json.ContainerId);
    expect(containerId).toMatch(GUID);
    expect(created.json).not.toHaveProperty('DocumentId');
    expect(emu.containers(REFERENCE)[0]).toMatchObject({ storageType: 1, publishCount: 0 });

    // 3. Create the document.
    const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId });
    const documentId = String(doc.json.DocumentId);
    expect(documentId).toMatch(GUID);

    // 4 and 5. Upload the front and the back.
    const front = await upload(session, containerId, documentId, await jpeg(), 2);
    const back = await upload(session, containerId, documentId, await jpeg(), 3);
    expect(front.json.ImageId).toMatch(GUID);
    expect(back.json.ImageId).toMatch(GUID);
    expect(front.json.ImageId).not.toBe(back.json.ImageId);

    // 6. Publish.
    const published = await session.call('dataAccess/publishDocumentContainer', { ContainerId: containerId, AutoReferral: true, WebClientRequest: true });
    expect(Object.keys(published.json)).toEqual([...BASE_ORDER, 'AutoReferred', 'ContainerId', 'DocumentReplaced', 'MergeContainers', 'Merged']);
    expect(published.json).toMatchObject({ Success: true, AutoReferred: false, ContainerId: containerId });

    // 7. Poll: processing first, then the final result.
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(5);
    await emu.advanceClock(500);
    expect((await retrieve(session, containerId)).DocumentStorageType).toBe(4);
    await emu.advanceClock(2000);
    const answer = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    const container = answer.json.Container as Json;
    expect(container.DocumentStorageType).toBe(3);
    expect(container).toMatchObject({ Id: containerId, DocumentSource: 4, BranchName: 'Reception', Fullname: 'JANE SAMPLE', OverallStatus: 0, Referred: false, ScannedByUser: 'Front Desk, (Reception)' });
    expect(container.DocumentContainerFieldList).toEqual([
      expect.objectContaining({ Name: 'ClientApplicationReference', FieldValueString: REFERENCE, DocumentContainerId: containerId }),
    ]);
    const [result] = documents(container);
    expect(result).toMatchObject({ DocumentId: documentId, DocumentName: 'Identity Card', OperatorStatus: 1, Audited: false });
    expect((result?.Images as Json[]).map((image) => image.Id)).toEqual([front.json.ImageId, back.json.ImageId]);
    expect((result?.DocumentFields as Json[]).map((field) => [field.Name, field.FieldValueString, field.SourceId])).toEqual([
      ['VI Document Number', 'EMU000001', 2],
      ['VI Firstname', 'JANE', 2],
      ['VI Middlename', '', 2],
      ['VI Surname', 'SAMPLE', 2],
      ['VI Birth Date', '1990-01-01', 2],
      ['VI Expiration Date', '2031-01-01', 2],
    ]);

    // Wire conventions of the whole answer.
    expect(Object.keys(answer.json)).toEqual([...BASE_ORDER, 'Container']);
    assertOrdinalEverywhere(container);
    expect(Object.keys(container).sort()).toEqual([...CONTAINER_KEYS].sort());
    expect(Object.keys(result ?? {}).sort()).toEqual([...DOCUMENT_KEYS].sort());
    expect(answer.text).toMatch(/"CreatedAt":"\\\/Date\(\d+\+0000\)\\\/"/);
    expect(answer.text).not.toMatch(/"\/Date\(/);
    expect(answer.text).not.toMatch(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}/);

    // 8. Extras: an image and the PDF.
    const image = await fetch(`${emu.baseUrl}dataAccess/image/?id=${String(front.json.ImageId)}&DeviceId=${DEVICE}&SessionId=${sessionId}`, { headers: { 'tid-api-key': emu.apiKey } });
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await image.arrayBuffer()).equals(await jpeg())).toBe(true);
    const pdf = await fetch(`${emu.baseUrl}dataAccess/exportPDF/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': emu.apiKey },
      body: JSON.stringify({ DeviceId: DEVICE, SessionId: sessionId, ContainerId: containerId }),
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    // 9. Log out: the session is gone.
    expect((await session.call('session/logout')).json.Success).toBe(true);
    const after = await session.call('dataAccess/retrieveDocumentContainer', { ContainerId: containerId });
    expect(after.json).toMatchObject({ Success: false, SessionExpired: true, Message: 'Session has expired.' });
    expect(emu.publishCounts()[REFERENCE]).toEqual({ containersCreated: 1, containersPublished: 1, publishRequests: 1 });
  });

  it('fills the VI fields, names and countries from a TD3 MRZ', async () => {
    const session = await login(emu);
    const created = await session.call('dataAccess/createDocumentContainer', { DocumentSource: 4 });
    const containerId = String(created.json.ContainerId);
    const mrz = validPassportMrz();
    const doc = await session.call('dataAccess/createDocument', { ContainerId: containerId, Mrz: mrz, Document: { FeedbackPersonMatches: 1 } });
    await upload(session, containerId, String(doc.json.DocumentId), await jpeg());
    await session.call('dataAccess/publishDocumentContainer', { ContainerId: containerId });
    await emu.advanceClock(2500);
    const container = await retrieve(session, containerId);
    const [result] = documents(container);
    expect(container.Fullname).toBe('ANNA MARIA ERIKSSON');
    expect(result).toMatchObject({ DocumentName: 'Passport', Mrz: mrz, FeedbackPersonMatches: 1, OperatorStatus: 1, MrzLineCount: 2 });
    expect(result?.IssuingCountry).toMatchObject({ Mrz: 'UTO', Name: 'Utopia' });
    const fields = Object.fromEntries((result?.DocumentFields as Json[]).map((field) => [field.Name, field]));
    expect(fields['VI Middlename']?.FieldValueString).toBe('MARIA');
    expect(fields['VI Birth Date']).toMatchObject({ DataType: 3, FieldValueDate: `/Date(${Date.UTC(1974, 7, 12)}+0000)/` });
    expect(fields['VI Expiration Date']?.FieldValueDate).toBe(`/Date(${Date.UTC(2034, 11, 31)}+0000)/`);
    const facts = [...(result?.GeneralDocumentProperties as Json[]), ...(result?.MrzValidationProperties as Json[])];
    expect(facts.every((fact) => fact.Value === true && fact.ValueUndefined === false)).toBe(true);
  });
});
