// Readers: what is connected and its status (devices.list, live via devices.changed), looking for
// new ones (devices.detect) and setting them up, removing one, and a test read (devices.test).
// Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, Res } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { errorText } from '../../i18n/error-text';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import { useSettingsStore } from '../../stores/settings-store';
import { addScanner, addSerialReader, isLikelyReader, removeReader } from './reader-settings';
import { changeSettings } from './settings-actions';

const DEVICE_TONE: Record<DeviceView['status']['state'], StatusTone> = { offline: 'neutral', connecting: 'busy', ready: 'ok', reading: 'busy', error: 'bad' };

type TestResult = { ok: boolean; message: string };

export function ReadersSection() {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [detected, setDetected] = useState<Res<'devices.detect'> | null>(null);
  const [detecting, setDetecting] = useState(false);
  const [testing, setTesting] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, TestResult>>({});
  const [trying, setTrying] = useState<{ path: string; state: 'waiting' | 'ok' | 'failed' } | null>(null);

  useEffect(() => {
    const bridge = getBridge();
    bridge.invoke('devices.list').then(setDevices, (failure: Error) => setError(failure.message));
    return bridge.on('devices.changed', setDevices);
  }, []);

  const detect = async () => {
    setDetecting(true);
    setError(null);
    try {
      setDetected(await getBridge().invoke('devices.detect'));
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setDetecting(false);
    }
  };

  const configuredDevices = useSettingsStore((s) => s.view?.settings.devices);
  const configured = new Set(configuredDevices?.map((d) => d.id) ?? []);
  const change = async (edit: Parameters<typeof changeSettings>[0]) => {
    setError(null);
    try {
      await changeSettings(edit);
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  /** An unknown port is added only if a test read on it works; otherwise it is taken out again. */
  const tryPort = async (port: Res<'devices.detect'>['serialPorts'][number]) => {
    setTrying({ path: port.path, state: 'waiting' });
    try {
      await changeSettings((settings) => addSerialReader(settings, port));
      const added = useSettingsStore.getState().view?.settings.devices.find((d) => d.kind === 'serial' && d.options.path === port.path);
      const result = added ? await getBridge().invoke('devices.test', { id: added.id }) : { ok: false, message: '' };
      if (!result.ok && added) await changeSettings((settings) => removeReader(settings, added.id));
      setTrying({ path: port.path, state: result.ok ? 'ok' : 'failed' });
    } catch (failure) {
      setTrying({ path: port.path, state: 'failed' });
      setError(errorText(t, failure));
    }
  };

  const test = async (id: string) => {
    setTesting(id);
    try {
      const result = await getBridge().invoke('devices.test', { id });
      setResults((r) => ({ ...r, [id]: result }));
    } catch (failure) {
      setResults((r) => ({ ...r, [id]: { ok: false, message: errorText(t, failure) } }));
    } finally {
      setTesting(null);
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-readers" data-testid="settings-readers">
      <h2 id="settings-readers">{t('settings.readers.title')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {devices === null && !error && <p role="status">{t('settings.readers.loading')}</p>}
      {devices?.length === 0 && <p>{t('settings.readers.none')}</p>}
      {devices && devices.length > 0 && (
        <ul className="device-list">
          {devices.map((device) => {
            const result = results[device.id];
            return (
              <li key={device.id} className="device" data-testid="device" aria-labelledby={`device-${device.id}`}>
                <div className="device-head">
                  <strong id={`device-${device.id}`}>{device.label}</strong>
                  <span className="device-kind">{t(`settings.readers.kind.${device.kind}`)}</span>
                  <StatusBadge tone={DEVICE_TONE[device.status.state]}>{t(`settings.readers.state.${device.status.state}`)}</StatusBadge>
                </div>
                {device.status.message && <p className="device-message">{device.status.message}</p>}
                <button type="button" className="button" onClick={() => void test(device.id)} disabled={testing !== null} data-testid="device-test">
                  {t('settings.readers.test')}
                </button>
                {configured.has(device.id) && (
                  <button type="button" className="button button-quiet" onClick={() => void change((settings) => removeReader(settings, device.id))} data-testid="device-remove">
                    {t('settings.readers.remove')}
                  </button>
                )}
                {testing === device.id && <ProgressBar label={t('settings.readers.testing')} value={null} showLabel />}
                <p role="status" className="device-test-result">
                  {result && (
                    <StatusBadge tone={result.ok ? 'ok' : 'bad'}>
                      {result.ok ? t('settings.readers.testOk') : t('settings.readers.testFailed')}: {result.message}
                    </StatusBadge>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button" onClick={() => void detect()} disabled={detecting} aria-busy={detecting || undefined} data-testid="devices-detect">
        {detecting && <span className="spinner" aria-hidden="true" />} {detecting ? t('settings.readers.detecting') : t('settings.readers.detect')}
      </button>
      {detecting && <ProgressBar label={t('settings.readers.detectingWhat')} value={null} showLabel testId="devices-detecting" />}
      {detected && (
        <div className="detected" role="status" data-testid="devices-detected">
          <h3>{t('settings.readers.detectedTitle')}</h3>
          {detected.serialPorts.length === 0 && detected.scanners.length === 0 && <p>{t('settings.readers.detectedNone')}</p>}
          <ul>
            {detected.serialPorts.filter(isLikelyReader).map((port) => (
              <li key={port.path}>
                <strong>{port.path}</strong>
                {port.knownReader ? ` — ${port.knownReader}` : port.manufacturer ? ` — ${port.manufacturer}` : ` — ${t('settings.readers.unknownDevice')}`}{' '}
                <button type="button" className="button" onClick={() => void change((settings) => addSerialReader(settings, port))} data-testid="use-port">
                  {t('settings.readers.use')}
                </button>
              </li>
            ))}
            {detected.scanners.map((scanner) => (
              <li key={scanner.name}>
                <strong>{scanner.label}</strong> ({t('settings.readers.kind.sane')}){' '}
                <button type="button" className="button" onClick={() => void change((settings) => addScanner(settings, scanner))} data-testid="use-scanner">
                  {t('settings.readers.use')}
                </button>
              </li>
            ))}
          </ul>
          {detected.serialPorts.some((p) => !isLikelyReader(p)) && (
            <div data-testid="devices-other-ports">
              <h4>{t('settings.readers.otherPortsTitle')}</h4>
              <p className="field-hint">{t('settings.readers.otherPortsIntro')}</p>
              <ul>
                {detected.serialPorts
                  .filter((p) => !isLikelyReader(p))
                  .map((port) => (
                    <li key={port.path}>
                      <strong>{port.path}</strong>{' '}
                      <button type="button" className="button button-quiet" onClick={() => void tryPort(port)} disabled={trying?.state === 'waiting'} data-testid="try-port">
                        {t('settings.readers.tryPort')}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          )}
          {trying?.state === 'waiting' && <ProgressBar label={t('settings.readers.tryingPort', { path: trying.path })} value={null} showLabel />}
          {trying && trying.state !== 'waiting' && <p role="status">{t(trying.state === 'ok' ? 'settings.readers.tryPortOk' : 'settings.readers.tryPortFailed', { path: trying.path })}</p>}
        </div>
      )}
    </section>
  );
}
