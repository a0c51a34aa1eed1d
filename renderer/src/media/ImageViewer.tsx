// The review viewer (renderer): zoom to 400 % by buttons, wheel, pinch and keys (+ − 0), pan by
// drag and arrow keys, the image shown rotated, and, while cropping, a crop frame with corner
// handles that move by drag or arrow keys. Geometry lives in viewer-geometry.ts.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fitScale,
  initialView,
  MAX_ZOOM,
  MIN_ZOOM,
  moveCrop,
  panView,
  rotatedSize,
  zoomStep,
  zoomView,
  type CropHandle,
  type Point,
  type Size,
  type ViewState,
} from './viewer-geometry';
import type { Crop, Rotation } from '../../../preload/contract';
import './media.css';

type Props = {
  bitmap: ImageBitmap | null;
  /** Size of the image as captured; the viewer's box does not depend on it, so nothing jumps. */
  size: Size;
  rotation: Rotation;
  crop: Crop | null;
  /** When set, the crop frame is shown and can be changed. */
  cropping: boolean;
  onCropChange(crop: Crop): void;
  label: string;
  testId?: string;
};

/** Used until the box is measured (and in DOM tests, which have no layout). */
const FALLBACK_VIEW: Size = { width: 800, height: 520 };
const KEY_PAN_PX = 60;
const HANDLES: Exclude<CropHandle, 'move'>[] = ['nw', 'ne', 'sw', 'se'];

export function ImageViewer({ bitmap, size, rotation, crop, cropping, onCropChange, label, testId = 'image-viewer' }: Props) {
  const { t } = useTranslation();
  const help = useId();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<Size>(FALLBACK_VIEW);
  const [camera, setCamera] = useState<ViewState>(initialView);
  const { zoom, pan } = camera;
  const pointers = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; zoom: number } | null>(null);
  const cropDrag = useRef<{ handle: CropHandle; start: Point; crop: Crop; pointerId: number } | null>(null);

  const shown = rotatedSize(size, rotation);
  const activeCrop = crop ?? { x: 0, y: 0, width: 1, height: 1 };
  // Not cropping, a saved or pending crop is shown applied: the cropped part fills the view, as it
  // will be uploaded. Zoom and pan then work within that part.
  const preview = !cropping && crop !== null;
  const region = preview ? { width: shown.width * activeCrop.width, height: shown.height * activeCrop.height } : shown;
  const scale = fitScale(region, view) * zoom;
  const displayed = { width: shown.width * scale, height: shown.height * scale };
  const offset = preview
    ? { x: -(activeCrop.x + activeCrop.width / 2 - 0.5) * displayed.width, y: -(activeCrop.y + activeCrop.height / 2 - 0.5) * displayed.height }
    : { x: 0, y: 0 };

  useLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) setView({ width: rect.width, height: rect.height });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !bitmap) return;
    c.width = bitmap.width;
    c.height = bitmap.height;
    c.getContext('2d')?.drawImage(bitmap, 0, 0);
  }, [bitmap]);

  // Rotating keeps the zoom (issue 11 §4): the same spot stays in view, turned with the image.
  const lastRotation = useRef(rotation);
  useEffect(() => {
    const turns = ((rotation - lastRotation.current + 360) % 360) / 90;
    lastRotation.current = rotation;
    if (turns === 0) return;
    setCamera((c) => {
      let pan = c.pan;
      for (let i = 0; i < turns; i++) pan = { x: -pan.y, y: pan.x };
      return zoomView({ zoom: c.zoom, pan }, c.zoom, { x: 0, y: 0 }, region, view);
    });
    // Only a change of rotation turns the view (region and view are read as they are then).
  }, [rotation]);
  // Starting or ending a crop changes what fills the view: start again from the whole of it.
  useEffect(() => setCamera(initialView), [preview]);

  const zoomTo = (next: (current: number) => number, focus: Point = { x: 0, y: 0 }) =>
    setCamera((c) => zoomView(c, next(c.zoom), focus, region, view));
  const panBy = (dx: number, dy: number) => setCamera((c) => panView(c, dx, dy, region, view));

  // React's wheel listener is passive, so it cannot stop the page scrolling: attach our own.
  const wheelZoom = useRef(zoomTo);
  useEffect(() => {
    wheelZoom.current = zoomTo;
  });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const focus = { x: event.clientX - rect.left - rect.width / 2, y: event.clientY - rect.top - rect.height / 2 };
      wheelZoom.current((z) => z * Math.exp(-event.deltaY * 0.002), focus);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return; // crop handles have their own keys
    const keys: Record<string, () => void> = {
      '+': () => zoomTo((z) => zoomStep(z, 1)),
      '=': () => zoomTo((z) => zoomStep(z, 1)),
      '-': () => zoomTo((z) => zoomStep(z, -1)),
      '0': () => zoomTo(() => 1),
      ArrowLeft: () => panBy(KEY_PAN_PX, 0),
      ArrowRight: () => panBy(-KEY_PAN_PX, 0),
      ArrowUp: () => panBy(0, KEY_PAN_PX),
      ArrowDown: () => panBy(0, -KEY_PAN_PX),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    if (cropDrag.current) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y), zoom };
    }
  }

  function onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    const drag = cropDrag.current;
    if (drag && drag.pointerId === event.pointerId) {
      const dx = (event.clientX - drag.start.x) / displayed.width;
      const dy = (event.clientY - drag.start.y) / displayed.height;
      onCropChange(moveCrop(drag.crop, drag.handle, dx, dy));
      return;
    }
    const last = pointers.current.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, now);
    if (pointers.current.size === 2 && pinch.current) {
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      const rect = event.currentTarget.getBoundingClientRect();
      const focus = { x: (a.x + b.x) / 2 - rect.left - rect.width / 2, y: (a.y + b.y) / 2 - rect.top - rect.height / 2 };
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const start = pinch.current;
      if (start.distance > 0) zoomTo(() => (start.zoom * distance) / start.distance, focus);
    } else if (pointers.current.size === 1) {
      panBy(now.x - last.x, now.y - last.y);
    }
  }

  function onPointerUp(event: ReactPointerEvent<HTMLDivElement>) {
    pointers.current.delete(event.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    if (cropDrag.current?.pointerId === event.pointerId) cropDrag.current = null;
  }

  function startCropDrag(handle: CropHandle, event: ReactPointerEvent<HTMLElement>) {
    event.stopPropagation();
    box.current?.setPointerCapture?.(event.pointerId);
    cropDrag.current = { handle, start: { x: event.clientX, y: event.clientY }, crop: activeCrop, pointerId: event.pointerId };
  }

  function onHandleKey(handle: CropHandle, event: KeyboardEvent<HTMLElement>) {
    const step = event.shiftKey ? 0.05 : 0.01;
    const deltas: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const delta = deltas[event.key];
    if (!delta) return;
    event.preventDefault();
    onCropChange(moveCrop(activeCrop, handle, delta[0], delta[1]));
  }

  const percent = Math.round(zoom * 100);
  const frame = {
    left: view.width / 2 + pan.x - displayed.width / 2,
    top: view.height / 2 + pan.y - displayed.height / 2,
    width: displayed.width,
    height: displayed.height,
  };

  return (
    <div className="viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('capture.viewer.zoomTools')}>
        <button type="button" className="button" onClick={() => zoomTo((z) => zoomStep(z, -1))} disabled={zoom <= MIN_ZOOM} aria-label={t('capture.viewer.zoomOut')}>
          −
        </button>
        <output className="viewer-zoom" data-testid="viewer-zoom" aria-live="polite" aria-label={t('capture.viewer.zoomLevel', { percent })}>
          {percent} %
        </output>
        <button type="button" className="button" onClick={() => zoomTo((z) => zoomStep(z, 1))} disabled={zoom >= MAX_ZOOM} aria-label={t('capture.viewer.zoomIn')}>
          +
        </button>
        <button type="button" className="button" onClick={() => zoomTo(() => 1)} disabled={zoom === 1}>
          {t('capture.viewer.fit')}
        </button>
      </div>
      <div
        ref={box}
        className={`viewer-box${cropping ? ' viewer-cropping' : ''}`}
        tabIndex={0}
        role="group"
        aria-label={label}
        aria-describedby={help}
        data-testid={testId}
        data-zoom={zoom.toFixed(3)}
        data-rotation={rotation}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {bitmap ? (
          <canvas
            ref={canvas}
            className="viewer-canvas"
            aria-hidden="true"
            style={{
              width: size.width,
              height: size.height,
              transform: `translate(-50%, -50%) translate(${pan.x + offset.x}px, ${pan.y + offset.y}px) rotate(${rotation}deg) scale(${scale})`,
            }}
          />
        ) : (
          <div className="viewer-loading" aria-busy="true">
            {t('capture.viewer.loading')}
          </div>
        )}
        {preview && bitmap && (
          <div
            className="crop-preview"
            aria-hidden="true"
            data-testid="crop-preview"
            style={{
              left: view.width / 2 + pan.x + offset.x - displayed.width / 2 + activeCrop.x * displayed.width,
              top: view.height / 2 + pan.y + offset.y - displayed.height / 2 + activeCrop.y * displayed.height,
              width: activeCrop.width * displayed.width,
              height: activeCrop.height * displayed.height,
            }}
          />
        )}
        {cropping && (
          <div className="crop-frame" style={frame} data-testid="crop-frame">
            <div
              className="crop-area"
              data-testid="crop-area"
              data-crop={`${activeCrop.x.toFixed(3)},${activeCrop.y.toFixed(3)},${activeCrop.width.toFixed(3)},${activeCrop.height.toFixed(3)}`}
              style={{
                left: `${activeCrop.x * 100}%`,
                top: `${activeCrop.y * 100}%`,
                width: `${activeCrop.width * 100}%`,
                height: `${activeCrop.height * 100}%`,
              }}
              onPointerDown={(e) => startCropDrag('move', e)}
            >
              {HANDLES.map((handle) => (
                <button
                  key={handle}
                  type="button"
                  className={`crop-handle crop-handle-${handle}`}
                  aria-label={t(`capture.viewer.handle.${handle}`)}
                  onPointerDown={(e) => startCropDrag(handle, e)}
                  onKeyDown={(e) => onHandleKey(handle, e)}
                />
              ))}
            </div>
          </div>
        )}
      </div>
      <p id={help} className="viewer-help">
        {cropping ? t('capture.viewer.cropHelp') : t('capture.viewer.help')}
      </p>
    </div>
  );
}
