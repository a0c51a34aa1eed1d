// Drafts, devices and a recording image decoder for the capture screen's DOM tests.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import type { CaptureDraft, CapturedImage, DeviceView, MrzView, QualityCheck, SubmissionView } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../../renderer/src/app/visitor-reset';
import { setBridge } from '../../../../../renderer/src/bridge';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import type { ImageDecoder } from '../../../../../renderer/src/media/image-decoder';
import { setImageDecoder } from '../../../../../renderer/src/stores/media-store';
import { useResultNotices } from '../../../../../renderer/src/stores/result-notices';
import { useSessionStore } from '../../../../../renderer/src/stores/session-store';
import { fakeBridge, type FakeBridge } from '../../../../fakes/fake-bridge';

/** English texts, and after each test no DOM, no visitor, no notices, no session, home, no bridge. */
export function freshCaptureDom(): void {
  beforeAll(() => setUpI18n('en'));
  afterEach(() => {
    cleanup();
    resetVisitor();
    useResultNotices.setState({ arrivals: [] });
    useSessionStore.setState({ session: null });
    useNavigation.getState().reset('home');
    setBridge(null);
  });
}

export type FakeBitmap = ImageBitmap & { closed: boolean; source: string };

/** Decodes "images" into fake bitmaps that remember whether they were closed. */
export function recordingDecoder(): { decoder: ImageDecoder; bitmaps: FakeBitmap[] } {
  const bitmaps: FakeBitmap[] = [];
  const decoder: ImageDecoder = {
    async decode(image) {
      const bitmap = { width: image.width, height: image.height, closed: false, source: image.base64, close: vi.fn(() => void (bitmap.closed = true)) };
      bitmaps.push(bitmap as unknown as FakeBitmap);
      return bitmap as unknown as FakeBitmap;
    },
  };
  return { decoder, bitmaps };
}

export function quality(id: QualityCheck['id'], passed: boolean, blocking = false, message = ''): QualityCheck {
  return { id, passed, blocking, message };
}

export function image(id: string, side: 'front' | 'back', light: 'white' | 'ir' | 'uv', checks: QualityCheck[] = []): CapturedImage {
  return { id, side, light, width: 1200, height: 800, rotation: 0, crop: null, quality: checks };
}

export const passportMrz: MrzView = {
  format: 'TD3',
  lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  valid: true,
  partial: false,
  fields: [
    { name: 'documentNumber', label: 'Document number', value: 'L898902C3', valid: true, message: null },
    { name: 'birthDate', label: 'Date of birth', value: '1974-08-12', valid: true, message: null },
  ],
  corrections: [],
  expired: false,
  underAge: false,
};

type Images = Partial<Record<'front-white' | 'front-ir' | 'front-uv' | 'back-white', CapturedImage>>;

/** A passport draft with front white/IR/UV steps; pass images to fill steps. */
export function passportDraft(images: Images = {}, overrides: Partial<CaptureDraft> = {}): CaptureDraft {
  return {
    id: 'draft-1',
    startedAt: 1_700_000_000_000,
    queuedApplication: null,
    documents: [
      {
        index: 0,
        type: 'passport',
        mrz: null,
        steps: [
          { side: 'front', light: 'white', image: images['front-white'] ?? null },
          { side: 'front', light: 'ir', image: images['front-ir'] ?? null },
          { side: 'front', light: 'uv', image: images['front-uv'] ?? null },
        ],
      },
    ],
    fields: {},
    personConfirmed: false,
    blockers: [],
    identity: { issues: [], notes: [], blocking: false, canOverride: false, override: null },
    ...overrides,
  };
}

export const fullPassport = () =>
  passportDraft({
    'front-white': image('img-w', 'front', 'white', [quality('blur', true), quality('glare', false, false, 'A reflection hides part of the photo. Tilt the document slightly.')]),
    'front-ir': image('img-ir', 'front', 'ir'),
    'front-uv': image('img-uv', 'front', 'uv'),
  });

export function reader(overrides: Partial<DeviceView> = {}, capabilities: Partial<DeviceView['capabilities']> = {}): DeviceView {
  return {
    id: 'reader-1',
    kind: 'serial',
    label: 'Desk reader',
    status: { state: 'ready', code: null, message: 'Ready for a document.' },
    capabilities: { mrz: true, sides: ['front'], lights: ['white', 'ir', 'uv'], trigger: false, ...capabilities },
    ...overrides,
  };
}

/** A bridge with the answers a capture needs; images echo their id so tests can tell them apart. */
export function captureBridge(answers: Record<string, unknown> = {}): FakeBridge {
  const bridge = fakeBridge({
    'capture.get': null,
    'devices.list': [reader()],
    'capture.image': ({ imageId, variant }: { imageId: string; variant: string }) => ({ mime: 'image/jpeg', base64: `${imageId}:${variant}`, width: variant === 'full' ? 1200 : 300, height: variant === 'full' ? 800 : 200 }),
    'capture.fieldDefinitions': [],
    'capture.submission': ({ applicationId }: { applicationId: string }) => submissionView({ applicationId }),
    ...answers,
  });
  setBridge(bridge);
  return bridge;
}

/** What main says of a submitted application (capture.submission / capture.submissionChanged). */
export function submissionView(overrides: Partial<SubmissionView> = {}): SubmissionView {
  return {
    applicationId: 'app-1',
    localReference: 'K7-2041',
    stage: 'saved',
    offline: false,
    images: { total: 3, sent: 0, current: null },
    savedAt: 1_700_000_000_000,
    sentAt: null,
    referred: false,
    verdict: null,
    attention: null,
    ...overrides,
  };
}

export function installDecoder() {
  const recorded = recordingDecoder();
  setImageDecoder(recorded.decoder);
  return recorded;
}
