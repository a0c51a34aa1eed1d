// The visitor's capture in progress (held in main) and its submission. Runtime-agnostic.
// Personal data lives here only while a visitor is at the desk; Finish clears it everywhere.
import { z } from 'zod';
import { ImageLight, ImageSide } from './devices';

export const DocumentType = z.enum(['passport', 'id-card', 'driving-licence', 'residence-permit', 'other']);
export type DocumentType = z.infer<typeof DocumentType>;

export const MrzFieldView = z.object({
  name: z.string(),
  label: z.string(),
  value: z.string(),
  valid: z.boolean(),
  /** Why it is not valid, in plain words (e.g. "The check digit does not match."). */
  message: z.string().nullable(),
});

export const MrzView = z.object({
  format: z.string(),
  lines: z.array(z.string()),
  valid: z.boolean(),
  partial: z.boolean(),
  fields: z.array(MrzFieldView),
  /** OCR corrections the check digits confirmed; shown to staff, applied only when they accept. */
  corrections: z.array(z.object({ line: z.number().int(), column: z.number().int(), from: z.string(), to: z.string() })),
  expired: z.boolean(),
  underAge: z.boolean(),
});
export type MrzView = z.infer<typeof MrzView>;

export const QualityCheck = z.object({
  id: z.enum(['blur', 'glare', 'dark', 'resolution']),
  passed: z.boolean(),
  /** A blocking failure must be retaken before submitting; others are advice. */
  blocking: z.boolean(),
  message: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;
export type QualityCheck = z.infer<typeof QualityCheck>;

export const Crop = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), width: z.number().gt(0).max(1), height: z.number().gt(0).max(1) });
export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Crop = z.infer<typeof Crop>;
export type Rotation = z.infer<typeof Rotation>;

export const CapturedImage = z.object({
  id: z.string(),
  side: ImageSide,
  light: ImageLight,
  width: z.number().int(),
  height: z.number().int(),
  rotation: Rotation,
  /** Fractions of the (rotated) image, or null for the whole image. */
  crop: Crop.nullable(),
  quality: z.array(QualityCheck),
});
export type CapturedImage = z.infer<typeof CapturedImage>;
/** How staff turned and cropped an image: applied to the bytes sent, and to every view of it. */
export type ImageAdjustment = Pick<CapturedImage, 'rotation' | 'crop'>;

export const CaptureStep = z.object({ side: ImageSide, light: ImageLight, image: CapturedImage.nullable() });

export const CaptureDocument = z.object({
  index: z.number().int(),
  type: DocumentType,
  mrz: MrzView.nullable(),
  steps: z.array(CaptureStep),
  /** Document-level custom field values staff filled in (issue 10 §5), by field id; absent when none. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type CaptureDocument = z.infer<typeof CaptureDocument>;

export const FieldDefinition = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'date', 'choice', 'boolean']),
  required: z.boolean(),
  choices: z.array(z.string()),
});

export const HolderField = z.enum(['surname', 'givenNames', 'birthDate', 'documentNumber', 'nationality', 'issuingState', 'documentCode']);
export type HolderField = z.infer<typeof HolderField>;

/** Coded on purpose: free text could carry a visitor's name into the audit log. */
export const SamePersonReason = z.enum(['name-changed', 'spelling-differs', 'names-reordered', 'checked-other-evidence']);
export type SamePersonReason = z.infer<typeof SamePersonReason>;

/** One person per check (issue 11 §1): where the reads disagree, and what staff may do about it. */
export const IdentityView = z.object({
  issues: z.array(
    z.object({
      /** `different-document`: a later read of one document shows another; `different-person`: two documents disagree. */
      kind: z.enum(['different-document', 'different-person']),
      documents: z.array(z.number().int()),
      fields: z.array(HolderField),
      overridable: z.boolean(),
    }),
  ),
  notes: z.array(
    z.object({
      /** `type-from-mrz`: the type staff chose was replaced by the MRZ's; `allowed-difference`: e.g. a maiden name. */
      kind: z.enum(['type-from-mrz', 'allowed-difference']),
      documents: z.array(z.number().int()),
      fields: z.array(HolderField),
      chosen: DocumentType.nullable(),
      read: DocumentType.nullable(),
    }),
  ),
  /** Submit is blocked by an issue the override does not cover. */
  blocking: z.boolean(),
  /** Staff may vouch that the documents belong to the same person. */
  canOverride: z.boolean(),
  /** The reason staff gave, while it still covers the issues. */
  override: SamePersonReason.nullable(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const CaptureDraft = z.object({
  id: z.string(),
  startedAt: z.number().int(),
  queuedApplication: z.object({ id: z.string(), name: z.string() }).nullable(),
  documents: z.array(CaptureDocument),
  fields: z.record(z.string(), z.string()),
  personConfirmed: z.boolean(),
  /** What still stands between this capture and Submit, in plain words; empty when it can go. */
  blockers: z.array(z.string()),
  identity: IdentityView,
});
export type CaptureDraft = z.infer<typeof CaptureDraft>;

export const ImageData = z.object({ mime: z.enum(['image/jpeg', 'image/png']), base64: z.string(), width: z.number().int(), height: z.number().int() });
export type ImageData = z.infer<typeof ImageData>;

export const Receipt = z.object({
  applicationId: z.string(),
  /** Short reference staff can read to the visitor. */
  localReference: z.string(),
  /** True when saved on the kiosk for later sync (offline); false when sending right away. */
  queued: z.boolean(),
  message: z.string(),
});

const Id = z.string().min(1).max(64);

export const captureInvoke = {
  'capture.start': { req: z.object({ documentType: DocumentType, queuedApplicationId: Id.optional() }), res: CaptureDraft },
  'capture.get': { req: z.void(), res: CaptureDraft.nullable() },
  'capture.addDocument': { req: z.object({ documentType: DocumentType }), res: CaptureDraft },
  'capture.removeDocument': { req: z.object({ documentIndex: z.number().int().min(0).max(20) }), res: CaptureDraft },
  'capture.retake': { req: z.object({ imageId: Id }), res: CaptureDraft },
  'capture.adjustImage': { req: z.object({ imageId: Id, rotation: Rotation, crop: Crop.nullable() }), res: CaptureDraft },
  'capture.image': { req: z.object({ imageId: Id, variant: z.enum(['thumbnail', 'full']) }), res: ImageData },
  'capture.acceptCorrections': { req: z.object({ documentIndex: z.number().int().min(0).max(20) }), res: CaptureDraft },
  'capture.fieldDefinitions': { req: z.void(), res: z.array(FieldDefinition) },
  'capture.setFields': { req: z.object({ values: z.record(z.string().max(64), z.string().max(1000)) }), res: CaptureDraft },
  /** The account's document-level custom fields (RAW-API §7.9), asked of each document at review. */
  'capture.documentFieldDefinitions': { req: z.void(), res: z.array(FieldDefinition) },
  'capture.setDocumentFields': {
    req: z.strictObject({ documentIndex: z.number().int().min(0).max(20), values: z.record(z.string().max(64), z.string().max(1000)) }),
    res: CaptureDraft,
  },
  'capture.confirmPerson': { req: z.object({ matches: z.boolean() }), res: CaptureDraft },
  /** Staff vouch that the documents belong to the same person (audited); null withdraws it. */
  'capture.confirmSamePerson': { req: z.strictObject({ reason: SamePersonReason.nullable() }), res: CaptureDraft },
  /** Staff starting a check found an unfinished one and chose to throw it away (audited). */
  'capture.discard': { req: z.void(), res: z.void() },
  'capture.submit': { req: z.void(), res: Receipt },
  /** Clears the visitor from main: the draft, its images and every cached view. */
  'capture.finish': { req: z.void(), res: z.void() },
} as const;

export const captureEvents = {
  'capture.changed': CaptureDraft.nullable(),
} as const;
