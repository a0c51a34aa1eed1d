// Scanning one document (renderer): guidance for the next side, the reader's state, a Scan button
// for readers with a trigger (else reads start when the document is placed), or the camera; the
// steps with their thumbnails as they arrive; the MRZ read live.
import { useTranslation } from 'react-i18next';
import type { CaptureDocument, DeviceView } from '../../../../preload/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { setStage, triggerScan, useCaptureStore } from '../../stores/capture-store';
import { activeDevice, anyMrzReader, useDevicesStore } from '../../stores/devices-store';
import { CameraPanel } from './camera/CameraPanel';
import { CaptureImage, THUMB_BOX } from './CaptureImage';
import { currentStep, guidanceKey, lightsFor, stepsDone } from './capture-steps';
import { IdentityMessages } from './IdentityCheck';
import { MrzPanel } from './MrzPanel';
import { useActiveDocument } from './use-active-document';
import { useStageHeading } from './use-stage-heading';

export function ScanPanel() {
  const { t } = useTranslation();
  const heading = useStageHeading();
  const { index, doc, count, identity } = useActiveDocument();
  const scanning = useCaptureStore((s) => s.busy === 'scan');
  const scanError = useCaptureStore((s) => (s.error?.task === 'scan' || s.error?.task === 'retake' ? s.error.message : null));
  const device = useDevicesStore((s) => activeDevice(s.devices));
  const devicesLoaded = useDevicesStore((s) => s.loaded);
  const expectMrz = useDevicesStore((s) => s.devices.length === 0 || anyMrzReader(s.devices));
  if (!doc) return null;
  const step = currentStep(doc);
  const done = stepsDone(doc);
  const documentName = t(`capture.types.${doc.type}`);

  return (
    <section className="capture-stage" aria-labelledby="scan-title" data-testid="scan-stage">
      <h1 id="scan-title" ref={heading} tabIndex={-1}>
        {t('capture.scan.title', { document: documentName })}
      </h1>
      {count > 1 && <p className="capture-subtitle">{t('capture.documentOf', { n: index + 1, count })}</p>}
      <DeviceLine device={device} loaded={devicesLoaded} />
      {identity && <IdentityMessages identity={identity} only={index} />}
      {step ? (
        <div className="scan-step" data-testid="scan-step" data-side={step.side} data-light={step.light}>
          <p className="scan-guidance" data-testid="scan-guidance">
            {t(device?.kind === 'camera' ? `capture.cameraGuidance.${step.side}` : `capture.guidance.${guidanceKey(doc.type, step.side)}`)}
          </p>
          <p className="capture-subtitle">{t('capture.scan.lights', { lights: lightsFor(doc, step.side).map((l) => t(`capture.lights.${l}`)).join(', ') })}</p>
          {device?.kind === 'camera' ? (
            <CameraPanel deviceId={device.id} side={step.side} light={step.light} />
          ) : device?.capabilities.trigger ? (
            <button type="button" className="button button-primary button-large" disabled={scanning || device.status.state !== 'ready'} onClick={() => void triggerScan(device.id)} data-testid="scan-button">
              {scanning ? t('capture.scan.scanning') : t('capture.scan.scan')}
            </button>
          ) : device ? (
            <p data-testid="scan-auto">{t('capture.scan.auto')}</p>
          ) : null}
        </div>
      ) : (
        <p className="scan-guidance" data-testid="scan-complete">
          {t('capture.scan.allDone')}
        </p>
      )}
      {device?.status.state === 'reading' && <ProgressBar label={t('capture.scan.reading')} value={null} showLabel testId="scan-reading" />}
      {scanError && (
        <p className="error-text" role="alert">
          {scanError}
        </p>
      )}
      <ProgressBar label={t('capture.scan.progress')} value={done} max={doc.steps.length} valueText={t('capture.scan.progressText', { done, total: doc.steps.length })} showLabel testId="scan-progress" />
      <StepList doc={doc} />
      <MrzPanel documentIndex={index} expectMrz={expectMrz} />
      <div className="button-row capture-actions">
        <button type="button" className="button button-primary" disabled={done === 0} onClick={() => setStage('review')} data-testid="to-review">
          {t('capture.scan.toReview')}
        </button>
      </div>
    </section>
  );
}

function DeviceLine({ device, loaded }: { device: DeviceView | null; loaded: boolean }) {
  const { t } = useTranslation();
  if (!loaded) return null;
  if (!device) {
    return (
      <p className="capture-problem" role="alert" data-testid="no-device">
        {t('capture.scan.noDevice')}
      </p>
    );
  }
  const tone = device.status.state === 'ready' ? 'ok' : device.status.state === 'reading' || device.status.state === 'connecting' ? 'busy' : 'bad';
  return (
    <p className="device-line" data-testid="device-line" data-state={device.status.state} role="status" aria-live="polite">
      <StatusBadge tone={tone}>{t(`capture.deviceState.${device.status.state}`)}</StatusBadge> <strong>{device.label}</strong>
      {device.status.message && <span className="status-detail">{device.status.message}</span>}
    </p>
  );
}

function StepList({ doc }: { doc: CaptureDocument }) {
  const { t } = useTranslation();
  return (
    <ol className="step-list" aria-label={t('capture.scan.stepsLabel')} data-testid="step-list">
      {doc.steps.map((step) => {
        const label = t('capture.imageLabel', { side: t(`capture.sides.${step.side}`), light: t(`capture.lights.${step.light}`) });
        return (
          <li key={`${step.side}-${step.light}`} className="step-item" data-testid={`step-${step.side}-${step.light}`} data-done={step.image !== null}>
            <div className="step-thumb">{step.image ? <CaptureImage image={step.image} label={label} maxEdge={240} box={THUMB_BOX} /> : <div className="image-box step-empty" aria-hidden="true" />}</div>
            <span className="step-label">{label}</span>
            {step.image ? <StatusBadge tone="ok">{t('capture.scan.captured')}</StatusBadge> : <StatusBadge tone="neutral">{t('capture.scan.waiting')}</StatusBadge>}
          </li>
        );
      })}
    </ol>
  );
}
