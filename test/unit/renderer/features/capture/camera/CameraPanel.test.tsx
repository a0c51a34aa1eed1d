// The webcam panel in a DOM. happy-dom has no camera, so navigator.mediaDevices is a stand-in
// with the browser's API shape; errors carry the DOMException names Chromium uses.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setBridge } from '../../../../../../renderer/src/bridge';
import { CameraPanel } from '../../../../../../renderer/src/features/capture/camera/CameraPanel';
import { setUpI18n } from '../../../../../../renderer/src/i18n';
import { fakeBridge } from '../../../../../fakes/fake-bridge';

beforeAll(() => setUpI18n('en'));

const named = (name: string) => Object.assign(new Error(name), { name });

function installCameras(opts: { getUserMedia: () => Promise<MediaStream>; devices?: MediaDeviceInfo[] }) {
  const mediaDevices = {
    getUserMedia: vi.fn(opts.getUserMedia),
    enumerateDevices: vi.fn(async () => opts.devices ?? []),
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: mediaDevices, configurable: true });
  return mediaDevices;
}

function fakeStream(deviceId = 'cam-1') {
  const track = { stop: vi.fn(), getSettings: () => ({ deviceId }) };
  // happy-dom's MediaStream has no tracks; the video element accepts only a MediaStream.
  return { stream: Object.assign(new MediaStream(), { getTracks: () => [track], getVideoTracks: () => [track] }), track };
}

afterEach(() => {
  cleanup();
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
  setBridge(null);
});

describe('camera panel', () => {
  it('says clearly when camera permission is refused, and tries again on request', async () => {
    setBridge(fakeBridge({}));
    const media = installCameras({ getUserMedia: () => Promise.reject(named('NotAllowedError')) });
    render(<CameraPanel deviceId="camera" side="front" light="white" />);
    const problem = await screen.findByTestId('camera-problem');
    expect(problem.textContent).toMatch(/not allowed to use the camera/);
    expect(screen.getByTestId('camera-take')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(media.getUserMedia).toHaveBeenCalledTimes(2));
  });

  it('says so when there is no camera at all', async () => {
    setBridge(fakeBridge({}));
    installCameras({ getUserMedia: () => Promise.reject(named('NotFoundError')) });
    render(<CameraPanel deviceId="camera" side="front" light="white" />);
    expect((await screen.findByTestId('camera-problem')).dataset.problem).toBe('no-camera');
  });

  it('says so when the screen offers no camera API', async () => {
    setBridge(fakeBridge({}));
    render(<CameraPanel deviceId="camera" side="front" light="white" />);
    expect((await screen.findByTestId('camera-problem')).dataset.problem).toBe('unsupported');
  });

  it('lists cameras, asks for the chosen resolution, and sends a still for the step', async () => {
    const bridge = fakeBridge({ 'camera.submitStill': undefined });
    setBridge(bridge);
    const { stream, track } = fakeStream('cam-2');
    const media = installCameras({
      getUserMedia: async () => stream,
      devices: [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Desk camera', groupId: 'g' } as MediaDeviceInfo,
        { kind: 'audioinput', deviceId: 'mic', label: 'Microphone', groupId: 'g' } as MediaDeviceInfo,
        { kind: 'videoinput', deviceId: 'cam-2', label: 'Document camera', groupId: 'g' } as MediaDeviceInfo,
      ],
    });
    const grabStill = vi.fn(async () => ({ jpegBase64: '/9j/4AAQ' }));
    const view = render(<CameraPanel deviceId="camera" side="back" light="white" grabStill={grabStill} />);
    await waitFor(() => expect(screen.getByTestId('camera-panel').dataset.phase).toBe('live'));
    expect(screen.getAllByRole('option', { name: /camera/ }).map((o) => o.textContent)).toEqual(['Desk camera', 'Document camera']);
    expect((screen.getByLabelText('Camera') as HTMLSelectElement).value).toBe('cam-2');
    expect(media.getUserMedia.mock.calls[0]).toEqual([{ audio: false, video: { width: { ideal: 1920 }, height: { ideal: 1080 } } }]);

    fireEvent.change(screen.getByLabelText('Resolution'), { target: { value: '720p' } });
    await waitFor(() => expect(media.getUserMedia).toHaveBeenCalledTimes(2));
    expect(media.getUserMedia.mock.calls[1]).toEqual([{ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 } } }]);
    expect(track.stop).toHaveBeenCalled();

    await waitFor(() => expect(screen.getByTestId('camera-take')).toHaveProperty('disabled', false));
    await act(async () => fireEvent.click(screen.getByTestId('camera-take')));
    expect(bridge.calls).toContainEqual(['camera.submitStill', { deviceId: 'camera', side: 'back', light: 'white', jpegBase64: '/9j/4AAQ' }]);
    expect(bridge.calls).toContainEqual(['camera.reportState', { deviceId: 'camera', state: 'ready' }]);
    expect(screen.getByRole('status').textContent).toMatch(/Photo taken/);

    track.stop.mockClear();
    view.unmount();
    expect(track.stop).toHaveBeenCalled();
    expect(bridge.calls.at(-1)).toEqual(['camera.reportState', { deviceId: 'camera', state: 'closed' }]);
  });

  it('shows main’s reason when it refuses the still, and lets staff take it again', async () => {
    const { BridgeError } = await import('../../../../../../renderer/src/bridge');
    setBridge(fakeBridge({ 'camera.submitStill': new BridgeError('camera.bad-image', 'The camera picture could not be used: it is too small. Take the picture again.', { context: 'too-small' }) }));
    installCameras({ getUserMedia: async () => fakeStream().stream, devices: [] });
    render(<CameraPanel deviceId="camera" side="front" light="white" grabStill={async () => ({ jpegBase64: '/9j/' })} />);
    await waitFor(() => expect(screen.getByTestId('camera-take')).toHaveProperty('disabled', false));
    await act(async () => fireEvent.click(screen.getByTestId('camera-take')));
    expect(screen.getByRole('alert').textContent).toMatch(/too small/);
    expect(screen.getByTestId('camera-take')).toHaveProperty('disabled', false);
  });
});
