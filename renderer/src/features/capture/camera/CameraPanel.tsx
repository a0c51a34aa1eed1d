// Webcam capture for desks without a reader (renderer): choose the camera and resolution, see the
// live preview, take a still that goes to main as a JPEG (`camera.submitStill`), tell main what was
// found when the camera opened (`camera.reportState`) and answer main's requests for a still
// (`camera.captureRequested`). Says plainly when permission is refused or there is no camera. The
// stream stops when the panel goes (privacy).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraCaptureRequest, CameraReport, ImageLight, ImageSide } from '../../../../../preload/contract';
import { getBridge } from '../../../bridge';
import { ProgressBar } from '../../../components/ProgressBar';
import { cameraProblem, captureStill, listCameras, openCamera, resolutions, stopStream, type CameraChoice, type CameraProblem } from '../../../media/camera';
import '../../../media/media.css';

type Props = {
  deviceId: string;
  side: ImageSide;
  light: ImageLight;
  /** Seams for tests: happy-dom has neither a camera nor a JPEG encoder. */
  grabStill?: (video: HTMLVideoElement) => Promise<{ jpegBase64: string }>;
  now?: () => number;
};

type Phase = 'starting' | 'live' | 'capturing' | 'sent' | 'problem';

const reportFor: Record<CameraProblem, CameraReport> = {
  unsupported: 'no-camera',
  'no-camera': 'no-camera',
  'permission-denied': 'permission-denied',
  'in-use': 'in-use',
  resolution: 'failed',
  failed: 'failed',
};

/** The device's status follows what the camera did; a refused report changes nothing on screen. */
function reportState(deviceId: string, state: CameraReport): void {
  getBridge()
    .invoke('camera.reportState', { deviceId, state })
    .catch(() => undefined);
}

export function CameraPanel({ deviceId, side, light, grabStill = captureStill, now = Date.now }: Props) {
  const { t } = useTranslation();
  const cameraField = useId();
  const resolutionField = useId();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [inUse, setInUse] = useState<string | null>(null);
  const [resolutionId, setResolutionId] = useState('1080p');
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<Phase>('starting');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const resolution = resolutions.find((r) => r.id === resolutionId) ?? resolutions[1]!;
    setPhase('starting');
    setProblem(null);
    (async () => {
      try {
        const opened = await openCamera(chosen, resolution);
        if (cancelled) return stopStream(opened);
        stream.current = opened;
        const element = video.current;
        if (element) {
          element.srcObject = opened;
          await element.play?.()?.catch(() => undefined);
        }
        // Labels are only readable once permission is given, so list after opening.
        const list = await listCameras();
        if (cancelled) return;
        setCameras(list);
        setInUse(opened.getVideoTracks()[0]?.getSettings().deviceId ?? null);
        setPhase('live');
        reportState(deviceId, 'ready');
      } catch (error) {
        if (cancelled) return;
        const found = cameraProblem(error);
        setProblem(found);
        setPhase('problem');
        reportState(deviceId, reportFor[found]);
      }
    })();
    return () => {
      cancelled = true;
      stopStream(stream.current);
      stream.current = null;
      if (video.current) video.current.srcObject = null;
    };
  }, [chosen, resolutionId, attempt, deviceId]);

  // Main may ask this panel for stills only while it is on screen: say when it goes.
  useEffect(() => () => reportState(deviceId, 'closed'), [deviceId]);

  async function take(request?: CameraCaptureRequest) {
    const element = video.current;
    if (!element || phase === 'capturing') return;
    setPhase('capturing');
    setSendError(null);
    try {
      const { jpegBase64 } = await grabStill(element);
      await getBridge().invoke('camera.submitStill', {
        deviceId,
        side: request?.side ?? side,
        light: request?.light ?? light,
        jpegBase64,
        ...(request ? { requestId: request.requestId } : {}),
      });
      setPhase('sent');
    } catch (error) {
      setSendError(error instanceof Error && error.name !== 'CameraError' ? error.message : t('capture.camera.problem.failed'));
      setPhase('live');
    }
  }

  const takeRef = useRef(take);
  useEffect(() => {
    takeRef.current = take;
  });
  useEffect(
    () =>
      getBridge().on('camera.captureRequested', (request) => {
        // The event hub replays the last event to late joiners: ignore stale or foreign requests.
        if (request.deviceId === deviceId && request.expiresAt > now()) void takeRef.current(request);
      }),
    [deviceId, now],
  );

  const live = phase === 'live' || phase === 'sent' || phase === 'capturing';

  return (
    <div className="camera-panel" data-testid="camera-panel" data-phase={phase}>
      <div className="camera-controls">
        <div className="field">
          <label className="field-label" htmlFor={cameraField}>
            {t('capture.camera.device')}
          </label>
          <select id={cameraField} className="field-input" value={chosen ?? inUse ?? ''} disabled={cameras.length < 2} onChange={(e) => setChosen(e.target.value || null)}>
            {cameras.length === 0 && <option value="">{t('capture.camera.noneListed')}</option>}
            {cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={resolutionField}>
            {t('capture.camera.resolution')}
          </label>
          <select id={resolutionField} className="field-input" value={resolutionId} onChange={(e) => setResolutionId(e.target.value)}>
            {resolutions.map((r) => (
              <option key={r.id} value={r.id}>
                {t('capture.camera.resolutionOption', { width: r.width, height: r.height })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* Above the preview, so the main button is on screen at 1024×768 without scrolling. */}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!live || phase === 'capturing'} onClick={() => void take()} data-testid="camera-take">
          {phase === 'capturing' ? t('capture.camera.taking') : t('capture.camera.take')}
        </button>
      </div>
      <div className="camera-preview">
        <video ref={video} muted playsInline autoPlay aria-label={t('capture.camera.preview')} data-testid="camera-video" />
      </div>
      {phase === 'starting' && <ProgressBar label={t('capture.camera.starting')} value={null} showLabel />}
      {problem && (
        <div className="capture-problem" role="alert" data-testid="camera-problem" data-problem={problem}>
          <p>{t(`capture.camera.problem.${problem}`)}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('capture.camera.tryAgain')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" className="capture-status">
        {phase === 'sent' ? t('capture.camera.sent') : ''}
      </p>
      {sendError && (
        <p className="error-text" role="alert">
          {sendError}
        </p>
      )}
    </div>
  );
}
