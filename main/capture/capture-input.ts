// The mappings from the draft's terms to the store's (main/store/capture-repo.ts CaptureInput), used by
// save-input.ts: personal fields from each document's MRZ, which images go under which TrustID
// image type, and the custom field values with where TrustID takes them. Pure; runs in main.
import type { DocumentFieldValue } from '../store/document-fields';
import type { DocumentType, ImageLight, ImageSide } from '../../preload/contract';
import type { MrzFormat, MrzReading } from '../devices/mrz/mrz-reading';
import type { ApplicationFieldKind, ApplicationFieldValue } from '../store/application-fields';
import type { CaptureImage, PersonalFields } from '../store/capture-repo';
import type { FormField } from './field-values';

/**
 * `__TT_ImageType` per capture (RAW-API §9.2): a page or card front in white light is 2; a card
 * back is configurable (`trustid.imageType.back`, default 3, to be confirmed in the sandbox). IR
 * and UV have no confirmed numbers, so by default they are not saved at all: the store's sync
 * uploads every image it holds, and §9.2 says not to send them. They stay in memory for staff's
 * review and go at Finish. Give them a number here once TrustID confirms one.
 */
export type ImageTypePolicy = { front: number; back: number; ir: number | null; uv: number | null };

export const defaultImageTypes: ImageTypePolicy = { front: 2, back: 3, ir: null, uv: null };

export function imageTypeFor(side: ImageSide, light: ImageLight, policy: ImageTypePolicy): number | null {
  if (light === 'ir') return policy.ir;
  if (light === 'uv') return policy.uv;
  return side === 'back' ? policy.back : policy.front;
}

const storeLights = { white: 'white', ir: 'infrared', uv: 'ultraviolet' } as const;

/** The store's side and light names; a passport's photo page is a 'page', not a card front. */
export function storePlacement(type: DocumentType, side: ImageSide, light: ImageLight): Pick<CaptureImage, 'side' | 'light'> {
  return { side: type === 'passport' && side === 'front' ? 'page' : side, light: storeLights[light] };
}

// The store takes a short, non-personal label (/^[A-Za-z0-9-]{1,16}$/).
const formatLabels: Record<MrzFormat, string> = {
  TD1: 'TD1',
  TD2: 'TD2',
  TD3: 'TD3',
  'MRV-A': 'MRV-A',
  'MRV-B': 'MRV-B',
  FRENCH_NATIONAL_ID: 'FR-ID',
  FRENCH_DRIVING_LICENSE: 'FR-DL',
  SWISS_DRIVING_LICENSE: 'CH-DL',
};

export function formatLabel(reading: MrzReading | null): string {
  return reading?.ok ? formatLabels[reading.format] : 'unknown';
}

/** Fields with a check digit of their own (9303 part 3 §4.9): a failed digit makes the field unknown. */
const ownCheckDigit = { documentNumber: 'documentNumberCheckDigit', birthDate: 'birthDateCheckDigit', expirationDate: 'expirationDateCheckDigit' } as const;

/**
 * Personal fields from a parsed MRZ: only fields that passed their checks, their own check digit
 * included (a failed one is unknown, not a value), dates as ISO days, and the MRZ itself, which
 * is what sync sends.
 */
export function personalFromMrz(reading: MrzReading | null): PersonalFields {
  if (!reading?.ok) return {};
  const v = reading.values;
  const checked = (name: keyof typeof ownCheckDigit) => !reading.fields.some((f) => f.name === ownCheckDigit[name] && !f.valid);
  const out: PersonalFields = { mrz: reading.lines.join('\n') };
  const set = (key: keyof PersonalFields, value: string | null | undefined) => {
    if (value) out[key] = value;
  };
  set('surname', v.lastName);
  set('givenNames', v.firstName);
  if (checked('documentNumber')) set('documentNumber', reading.documentNumber ?? v.documentNumber);
  if (checked('birthDate')) set('dateOfBirth', reading.birthDate);
  if (checked('expirationDate')) set('expiryDate', reading.expiryDate);
  set('nationality', v.nationality);
  set('issuingState', v.issuingState);
  set('sex', v.sex);
  set('documentCode', v.documentCode);
  return out;
}

/** The value member TrustID takes for a field (RAW-API §7.8); a number without a stated type is a decimal. */
export function valueKindOf(field: FormField): ApplicationFieldKind {
  if (field.valueType) return field.valueType;
  if (field.kind === 'number') return 'decimal';
  if (field.kind === 'date') return 'date';
  return 'string';
}

/**
 * The draft's custom field values as the store keeps them, in the form's order: each filled field
 * of the current definitions with its TrustID version id and value member. Values are trimmed (the
 * blockers already treat blank as empty); a value whose field is no longer on the form is left out,
 * since TrustID would refuse an unknown version id.
 */
/** What a document's filled-in values become in the store (RAW-API §7.9): by PropertyName and slot. */
export function documentFieldsOf(values: Readonly<Record<string, string>> | undefined, definitions: readonly FormField[]): DocumentFieldValue[] {
  const out: DocumentFieldValue[] = [];
  for (const field of definitions) {
    const value = (values?.[field.id] ?? '').trim();
    if (value === '' || !field.propertyName) continue;
    out.push({ propertyName: field.propertyName, ...(field.index === undefined ? {} : { index: field.index }), value });
  }
  return out;
}

export function applicationFieldsOf(values: Readonly<Record<string, string>>, definitions: readonly FormField[]): ApplicationFieldValue[] {
  const out: ApplicationFieldValue[] = [];
  for (const field of definitions) {
    const value = (values[field.id] ?? '').trim();
    if (value === '') continue;
    out.push({ fieldId: field.id, ...(field.versionId === undefined ? {} : { versionId: field.versionId }), kind: valueKindOf(field), value });
  }
  return out;
}
