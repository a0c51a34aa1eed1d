// The viewer's pure geometry: zoom limits, pan bounds, focus-preserving zoom, crops under rotation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampPan,
  cropToSource,
  fitScale,
  initialView,
  isWholeImage,
  MAX_ZOOM,
  MIN_CROP,
  moveCrop,
  panForZoom,
  panView,
  rotateBy90,
  rotateCropClockwise,
  rotatedSize,
  zoomStep,
  zoomView,
} from '../../../../renderer/src/media/viewer-geometry';
import type { Crop, Rotation } from '../../../../preload/contract';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const crop = fc
  .tuple(fraction, fraction, fraction, fraction)
  .map(([a, b, c, d]): Crop => {
    const [x0, x1] = [Math.min(a, b), Math.max(a, b)];
    const [y0, y1] = [Math.min(c, d), Math.max(c, d)];
    return { x: x0, y: y0, width: Math.max(x1 - x0, 0.01), height: Math.max(y1 - y0, 0.01) };
  })
  .filter((c) => c.x + c.width <= 1 && c.y + c.height <= 1);
const rotation = fc.constantFrom<Rotation>(0, 90, 180, 270);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('zoom', () => {
  it('steps reach exactly 400 % and exactly 100 %, never beyond', () => {
    let z = 1;
    for (let i = 0; i < 20; i++) z = zoomStep(z, 1);
    expect(z).toBe(MAX_ZOOM);
    for (let i = 0; i < 20; i++) z = zoomStep(z, -1);
    expect(z).toBe(1);
  });

  it('keeps the point under the cursor still while zooming', () => {
    fc.assert(
      fc.property(fc.double({ min: -400, max: 400, noNaN: true }), fc.double({ min: -400, max: 400, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true }), (fx, px, z0, z1) => {
        const focus = { x: fx, y: fx / 2 };
        const pan = { x: px, y: -px };
        const next = panForZoom(pan, focus, z0, z1);
        // The image point under `focus` is (focus - pan) / zoom before and after.
        expect(close((focus.x - pan.x) / z0, (focus.x - next.x) / z1)).toBe(true);
        expect(close((focus.y - pan.y) / z0, (focus.y - next.y) / z1)).toBe(true);
      }),
    );
  });

  it('fits the rotated image inside the view', () => {
    const shown = rotatedSize({ width: 1200, height: 800 }, 90);
    expect(shown).toEqual({ width: 800, height: 1200 });
    const s = fitScale(shown, { width: 800, height: 600 });
    expect(shown.height * s).toBe(600);
    expect(shown.width * s).toBeLessThanOrEqual(800);
  });
});

describe('pan', () => {
  it('is centred when the image is smaller than the view and bounded when larger', () => {
    expect(clampPan({ x: 300, y: -300 }, { width: 400, height: 300 }, { width: 800, height: 600 })).toEqual({ x: 0, y: 0 });
    expect(clampPan({ x: 900, y: -900 }, { width: 1600, height: 1200 }, { width: 800, height: 600 })).toEqual({ x: 400, y: -300 });
  });

  it('never lets the zoomed image leave a gap at the view’s edge', () => {
    const view = { width: 800, height: 600 };
    const shown = { width: 1200, height: 800 };
    fc.assert(
      fc.property(fc.double({ min: 1, max: 4, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), (zoom, dx, dy) => {
        const state = panView(zoomView(initialView, zoom, { x: 0, y: 0 }, shown, view), dx, dy, shown, view);
        const s = fitScale(shown, view) * state.zoom;
        const halfOver = Math.max(0, (shown.width * s - view.width) / 2);
        expect(Math.abs(state.pan.x)).toBeLessThanOrEqual(halfOver + 1e-9);
      }),
    );
  });
});

describe('crop', () => {
  it('comes back to itself after four quarter turns', () => {
    fc.assert(
      fc.property(crop, (c) => {
        const back = rotateCropClockwise(rotateCropClockwise(rotateCropClockwise(rotateCropClockwise(c))));
        expect(close(back.x, c.x) && close(back.y, c.y) && close(back.width, c.width) && close(back.height, c.height)).toBe(true);
      }),
    );
  });

  it('shows the same source pixels after rotating the image and its crop together', () => {
    const size = { width: 1200, height: 800 };
    fc.assert(
      fc.property(crop, rotation, (c, r) => {
        const before = cropToSource(c, r, size);
        const after = cropToSource(rotateCropClockwise(c), rotateBy90(r), size);
        for (const k of ['sx', 'sy', 'sw', 'sh'] as const) expect(Math.abs(before[k] - after[k])).toBeLessThan(1e-6);
      }),
    );
  });

  it('maps a crop of the top strip of a quarter-turned image to the left strip of the original', () => {
    // Turned 90° clockwise, the original's left edge is at the top.
    expect(cropToSource({ x: 0, y: 0, width: 1, height: 0.25 }, 90, { width: 1200, height: 800 })).toEqual({ sx: 0, sy: 0, sw: 300, sh: 800 });
  });

  it('keeps a moved corner inside the image and never smaller than the minimum', () => {
    fc.assert(
      fc.property(crop, fc.constantFrom('nw', 'ne', 'sw', 'se', 'move' as const), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (c, handle, dx, dy) => {
        const next = moveCrop(c, handle, dx, dy);
        expect(next.x).toBeGreaterThanOrEqual(0);
        expect(next.y).toBeGreaterThanOrEqual(0);
        expect(next.x + next.width).toBeLessThanOrEqual(1 + 1e-6);
        expect(next.y + next.height).toBeLessThanOrEqual(1 + 1e-6);
        if (handle !== 'move') expect(Math.min(next.width, next.height)).toBeGreaterThanOrEqual(Math.min(MIN_CROP, c.width, c.height) - 1e-6);
      }),
    );
  });

  it('moves the whole crop without resizing it', () => {
    const moved = moveCrop({ x: 0.2, y: 0.2, width: 0.5, height: 0.5 }, 'move', 0.6, -0.1);
    expect(moved).toEqual({ x: 0.5, y: 0.1, width: 0.5, height: 0.5 });
  });

  it('treats a crop of the whole image as no crop', () => {
    expect(isWholeImage({ x: 0, y: 0, width: 1, height: 1 })).toBe(true);
    expect(isWholeImage({ x: 0.01, y: 0, width: 0.99, height: 1 })).toBe(false);
  });
});
