// The review viewer driven by pointer, wheel and keyboard. happy-dom has no layout, so the viewer
// uses its fallback box of 800 × 520: a 1200 × 800 image fits at 780 × 520.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { ImageViewer } from '../../../../renderer/src/media/ImageViewer';
import type { Crop } from '../../../../preload/contract';

beforeAll(() => setUpI18n('en'));
afterEach(cleanup);

const bitmap = { width: 1200, height: 800, close: vi.fn() } as unknown as ImageBitmap;

function Harness({ onCrop, cropping = false }: { onCrop?: (c: Crop) => void; cropping?: boolean }) {
  const [crop, setCrop] = useState<Crop | null>(null);
  return (
    <ImageViewer
      bitmap={bitmap}
      size={{ width: 1200, height: 800 }}
      rotation={0}
      crop={crop}
      cropping={cropping}
      onCropChange={(c) => {
        setCrop(c);
        onCrop?.(c);
      }}
      label="Front, white light in the viewer"
    />
  );
}

const zoomText = () => screen.getByTestId('viewer-zoom').textContent;
const transform = () => (document.querySelector('.viewer-canvas') as HTMLElement).style.transform;

describe('image viewer', () => {
  it('zooms with the buttons between 100 % and 400 %', () => {
    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoomText()).toBe('125 %');
    fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(zoomText()).toBe('100 %');
  });

  it('zooms with the mouse wheel', () => {
    render(<Harness />);
    const wheel = new WheelEvent('wheel', { deltaY: -500, bubbles: true, cancelable: true });
    act(() => void screen.getByTestId('image-viewer').dispatchEvent(wheel));
    expect(zoomText()).toBe('272 %');
    // The page itself must not scroll while the wheel zooms.
    expect(wheel.defaultPrevented).toBe(true);
  });

  it('zooms with a two-finger pinch and pans with one finger', () => {
    render(<Harness />);
    const box = screen.getByTestId('image-viewer');
    fireEvent.pointerDown(box, { pointerId: 1, clientX: 100, clientY: 100 });
    fireEvent.pointerDown(box, { pointerId: 2, clientX: 200, clientY: 100 });
    fireEvent.pointerMove(box, { pointerId: 2, clientX: 300, clientY: 100 });
    expect(zoomText()).toBe('200 %');
    fireEvent.pointerUp(box, { pointerId: 2 });
    const before = transform();
    fireEvent.pointerMove(box, { pointerId: 1, clientX: 150, clientY: 120 });
    expect(transform()).not.toBe(before);
    expect(transform()).toMatch(/translate\(-?\d+(\.\d+)?px, -?\d+(\.\d+)?px\)/);
  });

  it('pans with the arrow keys only as far as the zoomed image reaches', () => {
    render(<Harness />);
    const box = screen.getByTestId('image-viewer');
    fireEvent.keyDown(box, { key: 'ArrowLeft' });
    expect(transform()).toContain('translate(0px, 0px)');
    fireEvent.keyDown(box, { key: '+' });
    fireEvent.keyDown(box, { key: '+' });
    for (let i = 0; i < 20; i++) fireEvent.keyDown(box, { key: 'ArrowLeft' });
    // At 156.25 % the image is 1218.75 px wide in an 800 px view: 209.375 px of slack each side.
    expect(transform()).toContain('translate(209.375px, 0px)');
  });

  it('moves a crop corner by dragging, in fractions of the shown image', () => {
    const onCrop = vi.fn();
    render(<Harness cropping onCrop={onCrop} />);
    const corner = screen.getByRole('button', { name: 'Bottom-right corner of the crop' });
    fireEvent.pointerDown(corner, { pointerId: 7, clientX: 500, clientY: 400 });
    fireEvent.pointerMove(screen.getByTestId('image-viewer'), { pointerId: 7, clientX: 422, clientY: 348 });
    fireEvent.pointerUp(screen.getByTestId('image-viewer'), { pointerId: 7 });
    expect(onCrop).toHaveBeenLastCalledWith({ x: 0, y: 0, width: 0.9, height: 0.9 });
    expect(screen.getByTestId('crop-area').dataset.crop).toBe('0.000,0.000,0.900,0.900');
  });
  it('keeps the zoom when the image is rotated, turning the panned spot with it', () => {
    const view = (rotation: 0 | 90) => (
      <ImageViewer bitmap={bitmap} size={{ width: 1200, height: 800 }} rotation={rotation} crop={null} cropping={false} onCropChange={() => undefined} label="Front" />
    );
    const { rerender } = render(view(0));
    const box = screen.getByTestId('image-viewer');
    fireEvent.keyDown(box, { key: '+' });
    fireEvent.keyDown(box, { key: '+' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(zoomText()).toBe('156 %');
    rerender(view(90));
    expect(zoomText()).toBe('156 %');
    expect(box.dataset.rotation).toBe('90');
  });

  it('shows a crop applied while not cropping (the cropped part fills the view), and the whole image while cropping', () => {
    const crop = { x: 0.5, y: 0, width: 0.5, height: 1 };
    const view = (cropping: boolean) => (
      <ImageViewer bitmap={bitmap} size={{ width: 1200, height: 800 }} rotation={0} crop={crop} cropping={cropping} onCropChange={() => undefined} label="Front" />
    );
    const { rerender } = render(view(false));
    const mask = screen.getByTestId('crop-preview');
    // The right half (600 × 800) fitted into 800 × 520: scale 0.65, so 390 × 520, centred.
    expect([mask.style.left, mask.style.top, mask.style.width, mask.style.height]).toEqual(['205px', '0px', '390px', '520px']);
    expect(transform()).toContain('scale(0.65)');
    rerender(view(true));
    expect(screen.queryByTestId('crop-preview')).toBeNull();
    expect(screen.getByTestId('crop-frame')).toBeTruthy();
  });
});
