// What Submit hands the store (main/store/capture-repo.ts CaptureInput), in two halves: the plan, decided
// by the machine from the draft (which images under which TrustID image type, the MRZ's personal
// fields, the custom field values, the queued container), and the input, the plan with each image's
// final bytes filled in by the shell. Pure; runs in main.
import type { ImageLight, ImageSide } from '../../preload/contract';
import type { SignedIn } from '../session/session-service';
import type { ApplicationFieldValue } from '../store/application-fields';
import type { CaptureDocument, CaptureImage, CaptureInput } from '../store/capture-repo';
import { applicationFieldsOf, documentFieldsOf, formatLabel, imageTypeFor, personalFromMrz, storePlacement, type ImageTypePolicy } from './capture-input';
import type { CaptureState } from './capture-state';

/** Who submits: the signed-in staff member (null staffId in shared-account mode) and the account it syncs under. */
export type Submitter = Pick<SignedIn, 'staffId' | 'accountId'>;

export type PlannedImage = { imageId: string; side: ImageSide; light: ImageLight; imageType: number; placement: Pick<CaptureImage, 'side' | 'light'> };

export type SavePlan = {
  accountId: string;
  capturedBy: string | null;
  documents: Array<Omit<CaptureDocument, 'images'> & { images: PlannedImage[] }>;
  applicationFields?: ApplicationFieldValue[];
  queuedContainer?: CaptureInput['queuedContainer'];
};

/** The plan for the open draft, and how many filled values were left out because their field is no longer on the form. */
export function savePlanOf(state: CaptureState, who: Submitter, policy: ImageTypePolicy): { plan: SavePlan; leftOut: number } {
  const draft = state.draft;
  if (!draft) throw new Error('savePlanOf needs an open draft');
  const documents = draft.documents.map((doc) => {
    const images = doc.steps.flatMap((step): PlannedImage[] => {
      const imageType = imageTypeFor(step.side, step.light, policy);
      if (imageType === null || step.imageId === null || !(step.imageId in state.images)) return [];
      return [{ imageId: step.imageId, side: step.side, light: step.light, imageType, placement: storePlacement(doc.type, step.side, step.light) }];
    });
    const customFields = documentFieldsOf(doc.fields, state.documentDefinitions);
    const reading = doc.mrz?.reading ?? null;
    return { format: formatLabel(reading), personal: personalFromMrz(reading), images, ...(customFields.length > 0 ? { customFields } : {}) };
  });
  const applicationFields = applicationFieldsOf(draft.fields, state.definitions);
  const leftOut = Object.keys(draft.fields).filter((id) => !state.definitions.some((f) => f.id === id)).length;
  const queued = draft.queuedApplication;
  const plan: SavePlan = {
    accountId: who.accountId,
    capturedBy: who.staffId,
    documents,
    ...(applicationFields.length > 0 ? { applicationFields } : {}),
    // SUBMISSION-PROTOCOL §13: submitted into the queued container staff picked, exactly once.
    ...(queued ? { queuedContainer: { containerId: queued.id, label: queued.name } } : {}),
  };
  return { plan, leftOut };
}

/** The plan with each image's bytes as they are to be saved, prepared one after another (each is a full decode). */
export async function saveInputOf(plan: SavePlan, finalBytes: (image: PlannedImage) => Promise<Pick<CaptureImage, 'bytes' | 'mime' | 'sealed'>>): Promise<CaptureInput> {
  const documents: CaptureDocument[] = [];
  for (const doc of plan.documents) {
    const images: CaptureImage[] = [];
    for (const image of doc.images) images.push({ ...(await finalBytes(image)), imageType: image.imageType, ...image.placement });
    documents.push({ ...doc, images });
  }
  return { ...plan, documents };
}
