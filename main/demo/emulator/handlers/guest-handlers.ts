// Queued applications (RAW-API §11) and guest links (§12): creating them, withdrawing a link, and
// the simulated capture by an app user or a guest that completes them. Runs wherever the emulator
// runs.
import type { ApiCall, Reply } from '../api-call';
import { accountOf, envelopeReply } from '../api-call';
import type { CallbackHeader, Outcome } from '../config';
import type { Engine } from '../engine';
import { ApiFailure, MESSAGES, okEnvelope } from '../envelope';
import { SPECIMEN_PNG, sniffImage } from '../image-sniff';
import { buildTd3 } from '../mrz';
import type { JsonBody } from '../request-body';
import { isGuid, objectsOf } from '../request-body';
import { BRANCHES } from '../seed-data';
import type { ContainerRecord, GuestLinkRecord } from '../state';
import { STORAGE } from '../state';
import { publishContainer } from './build-handlers';
import { parseFlexibleValues, requireMandatory, withSystemValue } from './flexible-values';

function branchFrom(body: JsonBody): string | undefined {
  const id = body.guid('BranchId');
  if (id === null) return undefined;
  if (!BRANCHES.some((branch) => branch.id === id)) throw new ApiFailure(MESSAGES.invalid('BranchId'));
  return id;
}

function callbackFrom(body: JsonBody): { url: string | null; headers: CallbackHeader[] } {
  const url = body.string('ContainerEventCallbackUrl');
  if (url !== null && !URL.canParse(url)) throw new ApiFailure(MESSAGES.invalid('ContainerEventCallbackUrl'));
  const headers = objectsOf(body.array('ContainerEventCallbackHeaders'), 'ContainerEventCallbackHeaders').map((item) => ({
    Header: item.string('Header', true),
    Value: item.string('Value') ?? '',
  }));
  return { url, headers };
}

function newPendingContainer(call: ApiCall, kind: 'queued' | 'guest'): ContainerRecord {
  const { engine, body } = call;
  const values = parseFlexibleValues(body, engine.config);
  requireMandatory(values, engine.config);
  const branchId = branchFrom(body);
  const callback = callbackFrom(body);
  const container = engine.createContainer({
    account: accountOf(call),
    ...(branchId ? { branchId } : {}),
    deviceId: call.deviceId,
    kind,
    documentSource: 4,
    scannerType: null,
    clientApplicationReference: body.string('ClientApplicationReference'),
  });
  container.flexibleValues = values;
  container.callbackUrl = callback.url;
  container.callbackHeaders = callback.headers;
  return container;
}

export function createQueuedDocumentContainer(call: ApiCall): Reply {
  const container = newPendingContainer(call, 'queued');
  return envelopeReply(okEnvelope({ ContainerId: container.id }));
}

function withGuestValues(engine: Engine, values: ContainerRecord['flexibleValues'], name: string, email: string): ContainerRecord['flexibleValues'] {
  return withSystemValue(withSystemValue(values, engine.config, '__SYS_GuestName', name), engine.config, '__SYS_GuestEmail', email);
}

export function guestLinkUrl(engine: Engine, guestId: string): string {
  return `${engine.origin}/guest/${guestId}`;
}

export function createGuestLink(call: ApiCall): Reply {
  const { engine, body } = call;
  const email = body.string('Email', true);
  const name = body.string('Name', true);
  const container = newPendingContainer(call, 'guest');
  // §12.3: the guest's name and email are on the container from the start (§16 #22: or only once the guest submits).
  if (!engine.config.alternatives.guestValuesOnSubmit) container.flexibleValues = withGuestValues(engine, container.flexibleValues, name, email);
  const scheme = body.int('DigitalIdentificationScheme');
  if (scheme !== null) engine.addContainerField(container, 'GuestDigitalIdentificationScheme', 'Guest Digital Identification Scheme', String(scheme));
  const now = engine.now();
  const link: GuestLinkRecord = {
    id: engine.newId(),
    containerId: container.id,
    email,
    name,
    createdAt: now,
    expiresAt: now + engine.config.guest.linkLifetimeS * 1000,
    used: false,
    deleted: false,
  };
  engine.state.guestLinks[link.id] = link;
  container.guestId = link.id;
  // §12.3: a link that is never used expires, and its container goes with it (§16 #24: or stays).
  container.purgeAt = engine.config.alternatives.keepExpiredGuestContainers ? null : link.expiresAt;
  const url = guestLinkUrl(engine, link.id);
  const subject = body.string('EmailSubjectOverride') ?? 'Please confirm your identity';
  const opening = body.string('EmailContentOverride') ?? `Hello ${name}, please confirm your identity for ${engine.config.vpeName}.`;
  return envelopeReply(
    okEnvelope({
      ContainerId: container.id,
      EmailContent: `${opening}\n\nOpen this link to start: ${url}`,
      EmailSubject: subject,
      GuestId: link.id,
      LinkUrl: url,
    }),
  );
}

/** §12.2: GuestId, or the link's ContainerId, both work. */
export function findGuestLink(engine: Engine, id: string): GuestLinkRecord | undefined {
  const key = id.toLowerCase();
  return engine.state.guestLinks[key] ?? Object.values(engine.state.guestLinks).find((link) => link.containerId === key);
}

export function deleteGuestLink(call: ApiCall): Reply {
  const { engine } = call;
  const id = call.body.string('GuestId', true);
  const link = isGuid(id) ? findGuestLink(engine, id) : undefined;
  if (!link || link.deleted) throw new ApiFailure(MESSAGES.guestLinkNotFound);
  // §12.2, §7.11: someone who may not see the link's container learns nothing about its state.
  const container = engine.container(link.containerId);
  if (container && !engine.canSee(accountOf(call), container)) throw new ApiFailure(MESSAGES.accessDenied, { AccessDenied: true });
  if (link.used) throw new ApiFailure(MESSAGES.guestLinkUsed);
  link.deleted = true;
  if (container) engine.removeContainer(container, 'deleted');
  engine.markDirty();
  return envelopeReply(okEnvelope());
}

/** A valid, in-date specimen passport for simulated captures that bring no MRZ of their own. */
export function specimenMrz(nowMs: number, surname = 'SAMPLE'): string {
  const year = (new Date(nowMs).getUTCFullYear() + 5) % 100;
  return buildTd3({
    issuingState: 'UTO',
    surname: surname.toUpperCase().replace(/[^A-Z ]/g, '') || 'SAMPLE',
    givenNames: ['JANE'],
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    birthDate: '900101',
    sex: 'F',
    expiryDate: `${String(year).padStart(2, '0')}0101`,
  });
}

export type SimulatedCapture = { outcome?: Outcome | 'auto'; mrz?: string; image?: Buffer; reviewVerdict?: number; surname?: string };

export type CapturedDocument = { mrz?: string; image?: Buffer; customValues?: Record<string, string>; surname?: string };

/** Adds one captured document with one image, as an app user, a guest or another kiosk would. */
export function addCapturedDocument(engine: Engine, container: ContainerRecord, capture: CapturedDocument): string {
  engine.requireUnpublished(container);
  const image = capture.image ?? SPECIMEN_PNG;
  const info = sniffImage(image);
  if (!info) throw new ApiFailure(MESSAGES.imageFormat);
  const doc = engine.addDocument(container, {
    mrz: capture.mrz ?? specimenMrz(engine.now(), capture.surname),
    scannerType: 'CLOUD',
    ...(capture.customValues ? { customValues: capture.customValues } : {}),
  });
  const id = engine.newId();
  engine.addImage(
    {
      id,
      containerId: container.id,
      documentId: doc.id,
      imageType: 2,
      sourceId: null,
      mime: info.mime,
      fileType: info.fileType,
      size: image.length,
      width: info.width,
      height: info.height,
      createdAt: engine.now(),
      filename: `${id}.${info.extension}`,
    },
    image,
  );
  doc.imageIds.push(id);
  return doc.id;
}

/** Adds one captured document with an image and publishes, as the app user or guest would. */
export function completeWithCapture(engine: Engine, container: ContainerRecord, capture: SimulatedCapture): void {
  if (container.storageType !== STORAGE.Queued) throw new ApiFailure(MESSAGES.alreadyPublished);
  addCapturedDocument(engine, container, capture);
  if (capture.outcome) container.scenario = { outcome: capture.outcome, ...(capture.reviewVerdict !== undefined ? { reviewVerdict: capture.reviewVerdict } : {}) };
  publishContainer(engine, container);
}

/** The guest submits through their link (§12.3): only once, and only before it expires. */
export function submitAsGuest(engine: Engine, guestId: string, capture: SimulatedCapture): ContainerRecord {
  const link = isGuid(guestId) ? findGuestLink(engine, guestId) : undefined;
  if (!link || link.deleted) throw new ApiFailure(MESSAGES.guestLinkNotFound);
  if (link.used) throw new ApiFailure(MESSAGES.guestLinkUsed);
  const container = engine.container(link.containerId);
  if (!container || engine.now() >= link.expiresAt) throw new ApiFailure(MESSAGES.guestLinkNotFound);
  if (!container.flexibleValues.some((value) => engine.config.flexibleFields.find((field) => field.id === value.flexibleFieldVersionId)?.name === '__SYS_GuestName')) {
    container.flexibleValues = withGuestValues(engine, container.flexibleValues, link.name, link.email);
  }
  completeWithCapture(engine, container, capture);
  link.used = true;
  engine.markDirty();
  return container;
}

/** An app user completes a queued application (§11). */
export function submitQueued(engine: Engine, containerId: string, capture: SimulatedCapture): ContainerRecord {
  const container = isGuid(containerId) ? engine.container(containerId) : undefined;
  if (!container || container.kind !== 'queued') throw new ApiFailure(MESSAGES.containerNotFound);
  completeWithCapture(engine, container, capture);
  return container;
}
