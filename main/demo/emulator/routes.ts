// The endpoint catalogue (RAW-API §3): which operations exist, their method and body kind, what
// authentication they need and which properties they know (unknown ones are logged, §1.5).
// Paths are matched case-insensitively, with or without the trailing slash, under /VPE/ or the
// /vpe.svc/ alias (§1.1). Runs wherever the emulator runs. Pure.
import type { Handler } from './api-call';
import * as archive from './handlers/archive-handlers';
import * as build from './handlers/build-handlers';
import * as guest from './handlers/guest-handlers';
import * as reference from './handlers/reference-handlers';
import * as retrieve from './handlers/retrieve-handlers';
import * as session from './handlers/session-handlers';

export type RouteDef = {
  /** Canonical "group/operation", as the documentation spells it. */
  op: string;
  methods: ('GET' | 'POST')[];
  /** json: a JSON object body; raw: binary bytes (uploads); none: nothing read (GET). */
  body: 'json' | 'raw' | 'none';
  /** open: no checks at all (§2.1); device: API key + DeviceId; session: also a live session. */
  auth: 'open' | 'device' | 'session';
  /** Properties the operation reads besides DeviceId / SessionId. */
  fields: string[];
  /** Errors answer an empty 200 body instead of an envelope (§5.3). */
  emptyOnError?: boolean;
  /** Changes state (for the request log and persistence). */
  mutating: boolean;
  handle: Handler;
};

const FLEX = 'ApplicationFlexibleFieldValues';
const PAGING = ['Page', 'PageSize', 'SortingDirection', 'DocumentSortingColumn'];
const DBS_EVIDENCE = ['CandidateOriginalDocumentsChecked', 'CandidateAddressChecked', 'CandidateDateOfBirthChecked', 'EvidenceCheckedBy', 'EvidenceCheckedDate', 'SelfDeclarationCheck'];

const json = (op: string, fields: string[], handle: Handler, mutating: boolean): RouteDef => ({ op, methods: ['POST'], body: 'json', auth: 'session', fields, mutating, handle });

export const ROUTES: RouteDef[] = [
  { op: 'session/testConnection', methods: ['GET', 'POST'], body: 'none', auth: 'open', fields: [], mutating: false, handle: session.testConnection },
  {
    op: 'session/login',
    methods: ['POST'],
    body: 'json',
    auth: 'device',
    fields: ['Username', 'Password', 'RequireAdmin', 'ChangePassword', 'NewPassword', 'DesktopClient', 'ApiVersionNumber'],
    mutating: true,
    handle: session.login,
  },
  { op: 'session/logout', methods: ['POST'], body: 'json', auth: 'device', fields: [], mutating: true, handle: session.logout },
  json('dataAccess/createDocumentContainer', ['DocumentSource', 'CreateDocument', 'ScannerType', FLEX, 'ClientApplicationReference'], build.createDocumentContainer, true),
  json('dataAccess/createDocument', ['ContainerId', 'DocumentType', 'Mrz', 'RfidMrz', 'ScannerType', 'Document'], build.createDocument, true),
  { op: 'dataAccess/uploadImage', methods: ['POST'], body: 'raw', auth: 'session', fields: [], mutating: true, handle: build.uploadImage },
  { op: 'dataAccess/uploadApplicantPhoto', methods: ['POST'], body: 'raw', auth: 'session', fields: [], mutating: true, handle: build.uploadApplicantPhoto },
  json('dataAccess/updateDocumentContainer', ['ContainerId', FLEX], build.updateDocumentContainer, true),
  json(
    'dataAccess/publishDocumentContainer',
    [
      'ContainerId',
      'CallbackUrl',
      'AutoReferral',
      'RFIDFailed',
      'ReplaceContainerId',
      'ReplaceDocumentId',
      'EstablishedDocumentData',
      'MergeContainers',
      'MergeTargetContainerId',
      'WebClientRequest',
      'WebClientIgnoreOCR',
      'LockAccess',
    ],
    build.publishDocumentContainer,
    true,
  ),
  json('dataAccess/retrieveDocumentContainer', ['ContainerId'], retrieve.retrieveDocumentContainer, false),
  json('dataAccess/retrieveDocument', ['ContainerId', 'DocumentId'], retrieve.retrieveDocument, false),
  { op: 'dataAccess/image', methods: ['GET'], body: 'none', auth: 'session', fields: [], emptyOnError: true, mutating: false, handle: retrieve.imageGet },
  { ...json('dataAccess/retrieveImage', ['ImageId'], retrieve.retrieveImage, false), emptyOnError: true },
  json('dataAccess/exportPDF', ['ContainerId'], retrieve.exportPdf, false),
  { op: 'dataAccess/downloadPDF', methods: ['GET'], body: 'none', auth: 'session', fields: [], mutating: false, handle: retrieve.downloadPdf },
  json('dataAccess/downloadOnlineCheck', ['ContainerId'], reference.notSupported, false),
  json('dataAccess/advancedQuery', ['Arguments', 'RangeFrom', 'RangeUntil', ...PAGING], archive.advancedQuery, false),
  json(
    'dataAccess/archiveContainerQuery',
    [
      'DocumentHolderName',
      'ContainerScannedByUserId',
      'ContainerBranchId',
      'ContainerOrganisationId',
      'ContainerCreatedAtRangeFrom',
      'ContainerCreatedAtRangeUntil',
      'FlexibleFieldSearchSpecifications',
      ...PAGING,
    ],
    archive.archiveContainerQuery,
    false,
  ),
  json('dataAccess/archiveDocumentContainer', ['ContainerId'], archive.archiveDocumentContainer, true),
  json('dataAccess/deleteDocumentContainerSet', ['ContainerIds', 'DocumentContainerIds'], archive.deleteDocumentContainerSet, true),
  json(
    'dataAccess/createQueuedDocumentContainer',
    ['BranchId', FLEX, 'ContainerEventCallbackUrl', 'ContainerEventCallbackHeaders', 'ClientApplicationReference'],
    guest.createQueuedDocumentContainer,
    true,
  ),
  json(
    'guestLink/createGuestLink',
    [
      'Email',
      'Name',
      'BranchId',
      FLEX,
      'EmailSubjectOverride',
      'EmailContentOverride',
      'SendEmail',
      'OperationMode',
      'ContainerEventCallbackUrl',
      'ContainerEventCallbackHeaders',
      'ClientApplicationReference',
      'DigitalIdentificationScheme',
    ],
    guest.createGuestLink,
    true,
  ),
  json('guestLink/deleteGuestLink', ['GuestId'], guest.deleteGuestLink, true),
  json('dataAccess/customFields', [], reference.customFields, false),
  json('dataAccess/applicationFlexibleFieldAttributes', [], reference.applicationFlexibleFieldAttributes, false),
  json('dataAccess/queryBranchesX', [], reference.queryBranches, false),
  json('dataAccess/getDocumentTypeChargeStatuses', [], reference.notSupported, false),
  json('kdb/getCountries', [], reference.getCountries, false),
  json('dataAccess/retrieveDBSForm', ['ContainerId'], reference.retrieveDbsForm, false),
  json(
    'dataAccess/initiateBasicDbsCheck',
    ['ContainerId', 'EmployerName', 'ApplicationConsent', 'PurposeOfCheck', 'EmploymentSector', 'Other', ...DBS_EVIDENCE],
    reference.initiateDbsCheck,
    true,
  ),
  json(
    'dataAccess/initiateStandardOrEnhancedDbsCheck',
    [
      'ContainerId',
      'ApplicationConsent',
      'EmployerName',
      'ApplicationType',
      'PositionAppliedFor',
      'Workforce',
      'WorkingWithAdults',
      'WorkingWithChildren',
      'VulnerableGroupsAtPrivateHomeAddress',
      'Volunteer',
      'AdultFirst',
      'AdditionalInformation',
      ...DBS_EVIDENCE,
    ],
    reference.initiateDbsCheck,
    true,
  ),
];

const BY_KEY = new Map(ROUTES.map((route) => [route.op.toLowerCase(), route]));

export type ApiPath = { op: string; route: RouteDef | undefined };

/**
 * "/VPE/Session/Login/" → { op: "session/login", route }. null when the path is not under the API
 * prefix at all.
 */
export function matchApiPath(pathname: string): ApiPath | null {
  const match = /^\/(?:vpe|vpe\.svc)\/(.*?)\/?$/i.exec(pathname);
  if (!match) return null;
  const key = (match[1] ?? '').toLowerCase();
  const route = BY_KEY.get(key);
  return { op: route?.op ?? key, route };
}
