// Pure geometry of the review viewer (renderer): zoom limits, fit, pan bounds, and crops that
// follow rotation. A crop is in fractions of the *rotated* image, as the contract's Crop says.
import type { Crop, Rotation } from '../../../preload/contract';
export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
export type CropHandle = 'nw' | 'ne' | 'sw' | 'se' | 'move';

/** The issue asks for zoom to 400 %; 100 % is the whole image fitted into the viewer. */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
/** Smallest crop side, as a fraction: smaller than this and nothing readable is left. */
export const MIN_CROP = 0.05;
const ZOOM_FACTOR = 1.25;

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function clampZoom(zoom: number): number {
  return clamp(zoom, MIN_ZOOM, MAX_ZOOM);
}

/** One step of the +/− buttons and keys; snaps to the limits so 400 % is reachable exactly. */
export function zoomStep(zoom: number, direction: 1 | -1): number {
  const next = direction > 0 ? zoom * ZOOM_FACTOR : zoom / ZOOM_FACTOR;
  return clampZoom(Math.abs(next - 1) < 0.01 ? 1 : next);
}

export function rotateBy90(rotation: Rotation): Rotation {
  return ((rotation + 90) % 360) as Rotation;
}

export function rotatedSize(size: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: size.height, height: size.width } : size;
}

/** Scale at which the whole (rotated) image fits the view. */
export function fitScale(image: Size, view: Size): number {
  if (image.width <= 0 || image.height <= 0 || view.width <= 0 || view.height <= 0) return 1;
  return Math.min(view.width / image.width, view.height / image.height);
}

/** Keeps the image covering the view where it can, centred where it cannot. */
export function clampPan(pan: Point, displayed: Size, view: Size): Point {
  const maxX = Math.max(0, (displayed.width - view.width) / 2);
  const maxY = Math.max(0, (displayed.height - view.height) / 2);
  // `|| 0` turns the -0 that clamping can yield into 0, so a centred image pans to exactly 0.
  return { x: clamp(pan.x, -maxX, maxX) || 0, y: clamp(pan.y, -maxY, maxY) || 0 };
}

/**
 * The pan that keeps `focus` (a point relative to the view's centre) over the same image point
 * when the zoom changes, as a wheel or pinch should.
 */
export function panForZoom(pan: Point, focus: Point, oldZoom: number, newZoom: number): Point {
  const k = newZoom / oldZoom;
  return { x: focus.x - (focus.x - pan.x) * k, y: focus.y - (focus.y - pan.y) * k };
}

/** A crop in the frame rotated by r, expressed in the frame rotated by r + 90° clockwise. */
export function rotateCropClockwise(crop: Crop): Crop {
  return { x: 1 - crop.y - crop.height, y: crop.x, width: crop.height, height: crop.width };
}

function rotateCropCounterClockwise(crop: Crop): Crop {
  return { x: crop.y, y: 1 - crop.x - crop.width, width: crop.height, height: crop.width };
}

/** The source rectangle, in pixels of the image as captured, that a rotated crop shows. */
export function cropToSource(crop: Crop | null, rotation: Rotation, size: Size): { sx: number; sy: number; sw: number; sh: number } {
  let c = crop ?? { x: 0, y: 0, width: 1, height: 1 };
  for (let r = 0; r < rotation; r += 90) c = rotateCropCounterClockwise(c);
  return { sx: c.x * size.width, sy: c.y * size.height, sw: c.width * size.width, sh: c.height * size.height };
}

/** Moves one corner (or the whole crop) by a delta in fractions, keeping it inside and not too small. */
export function moveCrop(crop: Crop, handle: CropHandle, dx: number, dy: number): Crop {
  let left = crop.x;
  let top = crop.y;
  let right = crop.x + crop.width;
  let bottom = crop.y + crop.height;
  if (handle === 'move') {
    const mx = clamp(dx, -left, 1 - right);
    const my = clamp(dy, -top, 1 - bottom);
    return tidy({ x: left + mx, y: top + my, width: crop.width, height: crop.height });
  }
  if (handle === 'nw' || handle === 'sw') left = clamp(left + dx, 0, right - MIN_CROP);
  if (handle === 'ne' || handle === 'se') right = clamp(right + dx, left + MIN_CROP, 1);
  if (handle === 'nw' || handle === 'ne') top = clamp(top + dy, 0, bottom - MIN_CROP);
  if (handle === 'sw' || handle === 'se') bottom = clamp(bottom + dy, top + MIN_CROP, 1);
  return tidy({ x: left, y: top, width: right - left, height: bottom - top });
}

/** The whole image as a crop means no crop at all. */
export function isWholeImage(crop: Crop): boolean {
  return crop.x <= 0.001 && crop.y <= 0.001 && crop.width >= 0.999 && crop.height >= 0.999;
}

// Rounds away floating-point dust so saved crops stay inside the contract's [0, 1] bounds.
function tidy(crop: Crop): Crop {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  const x = clamp(r(crop.x), 0, 1);
  const y = clamp(r(crop.y), 0, 1);
  return { x, y, width: clamp(r(crop.width), MIN_CROP, 1 - x), height: clamp(r(crop.height), MIN_CROP, 1 - y) };
}

/** What the viewer shows: zoom (1 = fitted) and pan in screen pixels from the centre. */
export type ViewState = { zoom: number; pan: Point };
export const initialView: ViewState = { zoom: 1, pan: { x: 0, y: 0 } };

function displayedSize(shown: Size, view: Size, zoom: number): Size {
  const s = fitScale(shown, view) * zoom;
  return { width: shown.width * s, height: shown.height * s };
}

/** Zooms to `zoom` (clamped) keeping `focus` still; `shown` is the rotated image size. */
export function zoomView(state: ViewState, zoom: number, focus: Point, shown: Size, view: Size): ViewState {
  const z = clampZoom(zoom);
  return { zoom: z, pan: clampPan(panForZoom(state.pan, focus, state.zoom, z), displayedSize(shown, view, z), view) };
}

export function panView(state: ViewState, dx: number, dy: number, shown: Size, view: Size): ViewState {
  return { zoom: state.zoom, pan: clampPan({ x: state.pan.x + dx, y: state.pan.y + dy }, displayedSize(shown, view, state.zoom), view) };
}
