// Renders the specimen documents' images from the SVG templates in resources/specimens/ with sharp:
// front and back, in white, infrared and ultraviolet light, as JPEG. Runs in main (plain Node).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageLight, ImageSide } from '../../devices/driver';
import type { Specimen } from './specimen-documents';

export type SpecimenImage = { side: ImageSide; light: ImageLight; mime: 'image/jpeg'; bytes: Uint8Array; dpi: number };

export type RenderOptions = {
  /** The folder holding passport-front.svg, passport-back.svg, id-card-front.svg, id-card-back.svg. */
  specimensDir: string;
  /** Resolution (default 300 dpi, what full-page readers deliver). */
  dpi?: number;
  /** JPEG quality (default 85). */
  quality?: number;
};

// What each light shows, as CSS the templates include: IR drops the coloured background inks (only
// carbon-based print such as the MRZ and the photo stays dark); UV darkens the page and lights up
// the fluorescent features.
const lightStyle: Record<ImageLight, string> = {
  white: '',
  ir: '.ir-hidden { display: none; }',
  uv: '.ir-hidden { display: none; } .page, .card { fill: #0d1133; } text { fill: #2c3668; } .mrz { fill: #1b2147; } .photo { opacity: 0.25; } .uv-only { display: inline; }',
};

const templates = new Map<string, string>();

function template(file: string): string {
  let text = templates.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    templates.set(file, text);
  }
  return text;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The template for a side of a specimen, filled in for a light (exported for tests and the Y4M).
 * The templates give their size in mm; librsvg would turn mm into pixels at sharp's density and sharp
 * would then scale by density/72 again, so sizes become 72-dpi pixels and sharp's density alone
 * decides the resolution.
 */
export function specimenSvg(specimen: Specimen, side: ImageSide, light: ImageLight, specimensDir: string): string {
  const values: Record<string, string> = {
    ...specimen.printed,
    mrz1: specimen.mrz[0] ?? '',
    mrz2: specimen.mrz[1] ?? '',
    mrz3: specimen.mrz[2] ?? '',
  };
  return template(path.join(specimensDir, `${specimen.kind}-${side}.svg`))
    .replace(/\{\{(\w+)\}\}/g, (_m, key: string) => (key === 'variantStyle' ? lightStyle[light] : escapeXml(values[key] ?? '')))
    .replace(/(width|height)="([\d.]+)mm"/g, (_m, attribute: string, mm: string) => `${attribute}="${((Number(mm) / 25.4) * 72).toFixed(3)}"`);
}

export async function renderSpecimenImage(specimen: Specimen, side: ImageSide, light: ImageLight, options: RenderOptions): Promise<SpecimenImage> {
  const dpi = options.dpi ?? 300;
  let image = sharp(Buffer.from(specimenSvg(specimen, side, light, options.specimensDir)), { density: dpi });
  if (light === 'ir') image = image.grayscale();
  const bytes = await image
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: options.quality ?? 85 })
    .withMetadata({ density: dpi })
    .toBuffer();
  return { side, light, mime: 'image/jpeg', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), dpi };
}
