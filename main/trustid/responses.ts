// The response envelope (RAW-API §1.6) and each operation's answer, as zod schemas that keep
// unknown fields. Runs in main (plain Node).
import { z } from 'zod';
import { Branch, Container, Country, CustomField, Document, Flag, FlexibleFieldDefinition, OptionalId, Organisation, User } from './models';

/** The base fields every JSON answer starts with. Only `Success` is required; absent flags are false. */
export const ResponseEnvelope = z.looseObject({
  AccessDenied: Flag,
  CallbackId: z.string().nullish(),
  Locked: Flag,
  Message: z.string().nullish(),
  MfaCodeRequired: Flag,
  NewPasswordRequired: Flag,
  SessionExpired: Flag,
  Success: z.boolean(),
  VpeUnreachable: Flag,
});
export type ResponseEnvelope = z.output<typeof ResponseEnvelope>;

/** RAW-API §2.2: login-only flags and the session. */
export const LoginResponse = ResponseEnvelope.extend({
  Branch: Branch.nullish(),
  Configuration: z.unknown().optional(),
  DesktopClientDenied: Flag,
  IncompatibleServiceVersion: Flag,
  LockedUserAccount: Flag,
  Organisation: Organisation.nullish(),
  RemainingCredits: z.unknown().optional(),
  ServerApiVersion: z.union([z.string(), z.number()]).nullish(),
  SessionId: z.string().nullish(),
  User: User.nullish(),
  VpeName: z.string().nullish(),
});
export type LoginResponse = z.output<typeof LoginResponse>;

/** Fields of the login answer that only matter for classifying a failed login. */
export const LoginFlags = z.looseObject({
  DesktopClientDenied: Flag,
  IncompatibleServiceVersion: Flag,
  LockedUserAccount: Flag,
  SessionId: z.unknown().optional(),
});

export const CreateContainerResponse = ResponseEnvelope.extend({ ContainerId: OptionalId, DocumentId: OptionalId });
export const CreateDocumentResponse = ResponseEnvelope.extend({ DocumentId: OptionalId });
export const UploadImageResponse = ResponseEnvelope.extend({ ImageId: OptionalId });

/** RAW-API §4.6: that publish returns the webhook Response fields is the project's choice, so all optional. */
export const PublishResponse = ResponseEnvelope.extend({
  AutoReferred: Flag,
  ContainerId: OptionalId,
  DocumentReplaced: Flag,
  MergeContainers: Flag,
  Merged: Flag,
});

/** RAW-API §5.1 / §16 #6: `Container`, or failing that the first of `Containers`. */
export const RetrieveContainerResponse = ResponseEnvelope.extend({
  Container: Container.nullish(),
  Containers: z.array(Container).nullish(),
});
export const RetrieveDocumentResponse = ResponseEnvelope.extend({ Document: Document.nullish() });

const Paging = {
  Page: z.number().nullish(),
  PageSize: z.number().nullish(),
  PaginationSupported: z.boolean().nullish(),
  TotalPages: z.number().nullish(),
  TotalRecords: z.number().nullish(),
  TotalRecordsMatched: z.number().nullish(),
};
export const AdvancedQueryResponse = ResponseEnvelope.extend({ Documents: z.array(Document).nullish(), ...Paging });
export const ArchiveContainerQueryResponse = ResponseEnvelope.extend({ Containers: z.array(Container).nullish(), ...Paging });

export const GuestLinkResponse = ResponseEnvelope.extend({
  LinkUrl: z.string().nullish(),
  ContainerId: OptionalId,
  GuestId: OptionalId,
  EmailSubject: z.string().nullish(),
  EmailContent: z.string().nullish(),
});

/** RAW-API §6: the list names are the emulator's; the client must not depend on them (see client). */
export const referenceLists = {
  queryBranchesX: { field: 'Branches', item: Branch },
  applicationFlexibleFieldAttributes: { field: 'ApplicationFlexibleFields', item: FlexibleFieldDefinition },
  customFields: { field: 'CustomFields', item: CustomField },
  getCountries: { field: 'Countries', item: Country },
} as const;
