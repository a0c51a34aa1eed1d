// The capture journey in a DOM against a fake bridge: type → scan steps → live MRZ → review →
// details → submit → receipt → Finish.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../../renderer/src/app/visitor-reset';
import { BridgeError, setBridge } from '../../../../../renderer/src/bridge';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { useCaptureStore } from '../../../../../renderer/src/stores/capture-store';
import { useDevicesStore } from '../../../../../renderer/src/stores/devices-store';
import { keepObjectUrl, setImageDecoder, useMediaStore } from '../../../../../renderer/src/stores/media-store';
import { captureBridge, fullPassport, image, installDecoder, passportDraft, passportMrz, quality, reader, submissionView } from './capture-fixtures';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  resetVisitor();
  useDevicesStore.setState({ devices: [], loaded: false, error: null });
  useNavigation.getState().reset('home');
  setImageDecoder(null);
  setBridge(null);
});

const renderCapture = () => render(<CaptureScreen params={{}} />);

describe('starting a check', () => {
  it('starts the chosen document type and guides staff to place the passport photo page', async () => {
    const bridge = captureBridge({ 'capture.start': passportDraft() });
    installDecoder();
    renderCapture();
    fireEvent.click(await screen.findByRole('button', { name: /^Passport/ }));
    expect(await screen.findByTestId('scan-guidance')).toHaveProperty('textContent', expect.stringContaining('photo page'));
    expect(bridge.calls).toContainEqual(['capture.start', { documentType: 'passport' }]);
    expect(screen.getByTestId('scan-step').dataset).toMatchObject({ side: 'front', light: 'white' });
  });

  it('says what went wrong when the check cannot start, and stays on the choice', async () => {
    captureBridge({ 'capture.start': new BridgeError('store.disk-full', 'The kiosk’s disk is full. Call support.') });
    renderCapture();
    fireEvent.click(await screen.findByRole('button', { name: /^ID card/ }));
    // Worded in the renderer from main's code (issue 11 §5), not main's English.
    expect((await screen.findByRole('alert')).textContent).toBe('This could not be saved because the disk of this computer is full. Ask an administrator to free space, then try again. Nothing already saved was lost.');
    expect(screen.getByTestId('capture-start')).toBeTruthy();
  });

  it('says so when it cannot ask main for a draft in progress', async () => {
    captureBridge({ 'capture.get': new BridgeError('contract.transport-error', 'Lost the connection to Scan Station. Please try again.') });
    renderCapture();
    // Worded by code in the renderer (mainErrors), not main's English fallback.
    expect((await screen.findByRole('alert')).textContent).toContain('lost its connection');
  });

  it('picks up a draft main still holds, where it stood (after the idle lock)', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    renderCapture();
    expect(await screen.findByTestId('review-stage')).toBeTruthy();
  });
});

describe('scanning', () => {
  it('offers a Scan button that triggers the reader when it has one', async () => {
    const bridge = captureBridge({ 'capture.get': passportDraft(), 'devices.list': [reader({}, { trigger: true })], 'devices.trigger': undefined });
    renderCapture();
    fireEvent.click(await screen.findByTestId('scan-button'));
    await waitFor(() => expect(bridge.calls).toContainEqual(['devices.trigger', { id: 'reader-1' }]));
  });

  it('says scanning starts by itself when the reader has no trigger', async () => {
    captureBridge({ 'capture.get': passportDraft() });
    renderCapture();
    expect(await screen.findByTestId('scan-auto')).toBeTruthy();
    expect(screen.queryByTestId('scan-button')).toBeNull();
  });

  it('tells staff when no reader is connected', async () => {
    captureBridge({ 'capture.get': passportDraft(), 'devices.list': [] });
    renderCapture();
    expect((await screen.findByTestId('no-device')).textContent).toMatch(/No reader is connected/);
  });

  it('shows MRZ fields as they arrive, a failed check digit as invalid with the reason', async () => {
    const bridge = captureBridge({ 'capture.get': passportDraft() });
    renderCapture();
    expect((await screen.findByTestId('mrz-status')).textContent).toMatch(/Waiting for the reader/);
    const bad = {
      ...passportMrz,
      valid: false,
      fields: [passportMrz.fields[0]!, { name: 'birthDate', label: 'Date of birth', value: '1974-08-12', valid: false, message: 'The check digit for the date of birth does not match.' }],
    };
    await act(async () => bridge.emit('capture.changed', passportDraft({}, { documents: [{ ...passportDraft().documents[0]!, mrz: bad }] })));
    const row = screen.getByTestId('mrz-field-birthDate');
    expect(row.dataset.valid).toBe('false');
    expect(row.textContent).toContain('The check digit for the date of birth does not match.');
    expect(screen.getByTestId('mrz-field-documentNumber').dataset.valid).toBe('true');
    expect(screen.getByTestId('mrz-status').textContent).toMatch(/do not match/);
  });

  it('shows offered corrections with the changed characters and accepts them on request', async () => {
    const mrz = { ...passportMrz, valid: false, corrections: [{ line: 1, column: 3, from: 'O', to: '0' }] };
    const draft = passportDraft({}, { documents: [{ ...passportDraft().documents[0]!, mrz }] });
    const bridge = captureBridge({ 'capture.get': draft, 'capture.acceptCorrections': { ...draft, documents: [{ ...draft.documents[0]!, mrz: { ...mrz, valid: true, corrections: [] } }] } });
    renderCapture();
    const box = await screen.findByTestId('mrz-corrections');
    expect(box.querySelector('ins')?.textContent).toBe('0');
    expect(box.textContent).toContain('Line 2, character 4: O → 0');
    fireEvent.click(within(box).getByRole('button', { name: 'Accept corrections' }));
    await waitFor(() => expect(screen.queryByTestId('mrz-corrections')).toBeNull());
    expect(bridge.calls).toContainEqual(['capture.acceptCorrections', { documentIndex: 0 }]);
  });

  it('flags an expired document and an under-age holder in plain words', async () => {
    const mrz = { ...passportMrz, expired: true, underAge: true };
    captureBridge({ 'capture.get': passportDraft({}, { documents: [{ ...passportDraft().documents[0]!, mrz }] }) });
    renderCapture();
    expect((await screen.findByTestId('flag-expired')).textContent).toMatch(/passed its expiry date/);
    expect(screen.getByTestId('flag-under-age').textContent).toMatch(/younger than the minimum age/);
  });

  it('moves on to review when the last image of the document arrives', async () => {
    const bridge = captureBridge({ 'capture.get': passportDraft() });
    installDecoder();
    renderCapture();
    await screen.findByTestId('scan-stage');
    await act(async () => bridge.emit('capture.changed', passportDraft({ 'front-white': image('img-w', 'front', 'white') })));
    expect(screen.getByTestId('scan-step').dataset.light).toBe('ir');
    expect(screen.getByTestId('step-front-white').dataset.done).toBe('true');
    await act(async () => bridge.emit('capture.changed', fullPassport()));
    expect(screen.getByTestId('review-stage')).toBeTruthy();
    expect(document.activeElement?.id).toBe('review-title');
  });
});

describe('review', () => {
  it('shows each check with its reason and whether it blocks', async () => {
    const draft = passportDraft({
      'front-white': image('img-w', 'front', 'white', [quality('blur', false, true, 'The image is blurred. Hold the document still and scan again.'), quality('dark', false, false, 'The image is a little dark.')]),
      'front-ir': image('img-ir', 'front', 'ir'),
      'front-uv': image('img-uv', 'front', 'uv'),
    });
    captureBridge({ 'capture.get': draft });
    installDecoder();
    renderCapture();
    const blur = await screen.findByTestId('quality-blur');
    expect(blur.textContent).toContain('Must be retaken');
    expect(blur.textContent).toContain('The image is blurred.');
    expect(screen.getByTestId('quality-dark').textContent).toContain('Advice only');
    expect(screen.getByTestId('review-blocking').textContent).toContain('must be retaken before you can submit: 1');
  });

  it('retakes one image without losing the others, and scans just that step again', async () => {
    const draft = fullPassport();
    const bridge = captureBridge({ 'capture.get': draft, 'capture.retake': passportDraft({ 'front-white': draft.documents[0]!.steps[0]!.image!, 'front-uv': draft.documents[0]!.steps[2]!.image! }) });
    const { bitmaps } = installDecoder();
    renderCapture();
    fireEvent.click(await screen.findByTestId('review-tab-front-ir'));
    await waitFor(() => expect(bitmaps.some((b) => b.source === 'img-ir:full')).toBe(true));
    fireEvent.click(screen.getByTestId('retake'));
    expect(await screen.findByTestId('scan-stage')).toBeTruthy();
    expect(bridge.calls).toContainEqual(['capture.retake', { imageId: 'img-ir' }]);
    expect(screen.getByTestId('scan-step').dataset.light).toBe('ir');
    expect(screen.getByTestId('step-front-white').dataset.done).toBe('true');
    expect(screen.getByTestId('step-front-uv').dataset.done).toBe('true');
    // The retaken image's pixels are released; the kept ones stay decoded.
    expect(bitmaps.filter((b) => b.source.startsWith('img-ir')).every((b) => b.closed)).toBe(true);
    expect(bitmaps.filter((b) => b.source.startsWith('img-w')).some((b) => !b.closed)).toBe(true);
    // When the new image lands, review opens on it rather than on the first image.
    const again = fullPassport();
    again.documents[0]!.steps[1]!.image = image('img-ir-2', 'front', 'ir');
    await act(async () => bridge.emit('capture.changed', again));
    expect(screen.getByTestId('image-review').dataset.imageId).toBe('img-ir-2');
  });

  it('saves a 90° rotation with capture.adjustImage', async () => {
    const draft = fullPassport();
    const rotated = structuredClone(draft);
    rotated.documents[0]!.steps[0]!.image!.rotation = 90;
    const bridge = captureBridge({ 'capture.get': draft, 'capture.adjustImage': rotated });
    installDecoder();
    renderCapture();
    fireEvent.click(await screen.findByTestId('rotate'));
    expect(screen.getByTestId('image-viewer').dataset.rotation).toBe('90');
    expect(screen.getByTestId('adjust-status').textContent).toMatch(/not saved/);
    fireEvent.click(screen.getByTestId('save-adjustment'));
    await waitFor(() => expect(bridge.calls).toContainEqual(['capture.adjustImage', { imageId: 'img-w', rotation: 90, crop: null }]));
    await waitFor(() => expect(screen.getByTestId('adjust-status').textContent).toBe(''));
  });

  it('crops with the keyboard and saves the crop as fractions of the image', async () => {
    const bridge = captureBridge({ 'capture.get': fullPassport(), 'capture.adjustImage': fullPassport() });
    installDecoder();
    renderCapture();
    fireEvent.click(await screen.findByTestId('crop-toggle'));
    const corner = screen.getByRole('button', { name: 'Top-left corner of the crop' });
    fireEvent.keyDown(corner, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(corner, { key: 'ArrowDown' });
    fireEvent.click(screen.getByTestId('save-adjustment'));
    await waitFor(() => expect(bridge.calls.find(([c]) => c === 'capture.adjustImage')?.[1]).toEqual({ imageId: 'img-w', rotation: 0, crop: { x: 0.05, y: 0.01, width: 0.95, height: 0.99 } }));
  });

  it('zooms to 400 % from the keyboard and no further', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    renderCapture();
    const viewer = await screen.findByTestId('image-viewer');
    for (let i = 0; i < 10; i++) fireEvent.keyDown(viewer, { key: '+' });
    expect(screen.getByTestId('viewer-zoom').textContent).toBe('400 %');
    expect(screen.getByRole('button', { name: 'Zoom in' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(viewer, { key: '0' });
    expect(screen.getByTestId('viewer-zoom').textContent).toBe('100 %');
  });

  it('keeps the selected image and unsaved changes when the screen is unmounted and comes back', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    const first = renderCapture();
    fireEvent.click(await screen.findByTestId('review-tab-front-uv'));
    fireEvent.click(screen.getByTestId('rotate'));
    first.unmount();
    renderCapture();
    await waitFor(() => expect(screen.getByTestId('image-review').dataset.imageId).toBe('img-uv'));
    expect(screen.getByTestId('image-viewer').dataset.rotation).toBe('90');
  });
});

describe('details and submit', () => {
  async function toDetails(answers: Record<string, unknown>) {
    const bridge = captureBridge(answers);
    installDecoder();
    renderCapture();
    // The stage bar reaches the details from wherever the draft resumed (scan or review).
    fireEvent.click(await screen.findByTestId('stage-details'));
    await screen.findByTestId('details-stage');
    return bridge;
  }

  it('disables Submit and lists the reasons while main reports blockers', async () => {
    const draft = { ...fullPassport(), blockers: ['Confirm the person at the desk matches the photo.', 'Retake the blurred front image.'] };
    await toDetails({ 'capture.get': draft });
    expect(screen.getByTestId('submit')).toHaveProperty('disabled', true);
    const list = screen.getByTestId('submit-blockers');
    expect(list.textContent).toContain('Confirm the person at the desk matches the photo.');
    expect(list.textContent).toContain('Retake the blurred front image.');
    expect(screen.getByTestId('submit').getAttribute('aria-describedby')).toBe(list.id);
  });

  it('confirms the person, then submits and shows the receipt with the local reference and that it was queued', async () => {
    const blocked = { ...fullPassport(), blockers: ['Confirm the person at the desk matches the photo.'] };
    const bridge = await toDetails({
      'capture.get': blocked,
      'capture.confirmPerson': { ...fullPassport(), personConfirmed: true },
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2041', queued: true, message: 'Saved on this kiosk; it will be sent when TrustID can be reached.' },
      'capture.submission': submissionView({ offline: true }),
    });
    fireEvent.click(screen.getByTestId('person-yes'));
    await waitFor(() => expect(screen.getByTestId('submit')).toHaveProperty('disabled', false));
    expect(bridge.calls).toContainEqual(['capture.confirmPerson', { matches: true }]);
    fireEvent.click(screen.getByTestId('submit'));
    expect((await screen.findByTestId('receipt-reference')).textContent).toBe('K7-2041');
    expect(screen.getByTestId('receipt').dataset.queued).toBe('true');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check saved on this kiosk — TrustID cannot be reached'));
    expect(screen.getByTestId('submitted-saved').dataset.state).toBe('current');
    expect(screen.getByTestId('submitted-offline').textContent).toMatch(/sent automatically when the connection is back/);
  });

  it('saves typed custom fields before submitting', async () => {
    const bridge = await toDetails({
      'capture.get': fullPassport(),
      'capture.fieldDefinitions': [
        { id: 'visit', label: 'Reason for visit', kind: 'choice', required: true, choices: ['Contractor', 'Visitor'] },
        { id: 'host', label: 'Host', kind: 'text', required: false, choices: [] },
      ],
      'capture.setFields': ({ values }: { values: Record<string, string> }) => ({ ...fullPassport(), fields: values }),
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2042', queued: false, message: 'Sending to TrustID.' },
    });
    fireEvent.change(await screen.findByTestId('field-visit'), { target: { value: 'Contractor' } });
    fireEvent.change(screen.getByTestId('field-host'), { target: { value: 'Front desk' } });
    fireEvent.click(screen.getByTestId('submit'));
    await screen.findByTestId('receipt');
    const order = bridge.calls.map(([c]) => c).filter((c) => c === 'capture.setFields' || c === 'capture.submit');
    expect(order).toEqual(['capture.setFields', 'capture.submit']);
    expect(bridge.calls.find(([c]) => c === 'capture.setFields')?.[1]).toEqual({ values: { visit: 'Contractor', host: 'Front desk' } });
  });

  it('points out a required field left empty instead of saving it', async () => {
    const bridge = await toDetails({
      'capture.get': fullPassport(),
      'capture.fieldDefinitions': [
        { id: 'visit', label: 'Reason for visit', kind: 'text', required: true, choices: [] },
        { id: 'badge', label: 'Badge issued', kind: 'boolean', required: false, choices: [] },
      ],
    });
    fireEvent.click(await screen.findByTestId('field-badge'));
    fireEvent.click(screen.getByTestId('save-fields'));
    expect((await screen.findByText(/Fill in “Reason for visit”/)).textContent).toMatch(/required/);
    expect(bridge.calls.some(([c]) => c === 'capture.setFields')).toBe(false);
  });

  it('adds another document and goes to scan it', async () => {
    const two = passportDraft({}, { documents: [...fullPassport().documents, { index: 1, type: 'driving-licence', mrz: null, steps: [{ side: 'front', light: 'white', image: null }, { side: 'back', light: 'white', image: null }] }] });
    const bridge = await toDetails({ 'capture.get': fullPassport(), 'capture.addDocument': two });
    fireEvent.click(screen.getByTestId('add-document'));
    fireEvent.click(within(screen.getByTestId('add-document-types')).getByTestId('type-driving-licence'));
    expect(await screen.findByTestId('scan-stage')).toBeTruthy();
    expect(bridge.calls).toContainEqual(['capture.addDocument', { documentType: 'driving-licence' }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Scan the Driving licence');
    expect(screen.getByTestId('scan-guidance').textContent).toMatch(/photo side face down/);
  });

  it('removes a document only after it is confirmed', async () => {
    const two = passportDraft({}, { documents: [...fullPassport().documents, { index: 1, type: 'id-card', mrz: null, steps: [{ side: 'front', light: 'white', image: null }] }] });
    const bridge = await toDetails({ 'capture.get': two, 'capture.removeDocument': fullPassport() });
    fireEvent.click(screen.getByTestId('remove-document-1'));
    expect(bridge.calls.some(([c]) => c === 'capture.removeDocument')).toBe(false);
    const dialog = screen.getByTestId('remove-document-1-dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' })));
    expect(bridge.calls).toContainEqual(['capture.removeDocument', { documentIndex: 1 }]);
    await waitFor(() => expect(screen.queryByTestId('document-1')).toBeNull());
  });
});

describe('Finish', () => {
  it('clears the visitor from every store, closes decoded images, revokes URLs and returns home', async () => {
    const bridge = captureBridge({
      'capture.get': fullPassport(),
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2043', queued: false, message: 'Sending to TrustID.' },
      'capture.finish': undefined,
    });
    const { bitmaps } = installDecoder();
    useNavigation.getState().navigate('capture');
    renderCapture();
    // Arriving on the screen with a check open asks first; resuming a complete one opens its details.
    fireEvent.click(await screen.findByTestId('unfinished-resume'));
    await screen.findByTestId('details-stage');
    await waitFor(() => expect(bitmaps.length).toBeGreaterThan(0));
    const url = keepObjectUrl('pdf:other', new Blob(['%PDF']));
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    fireEvent.click(await screen.findByTestId('submit'));
    fireEvent.click(await screen.findByTestId('finish'));
    await waitFor(() => expect(useNavigation.getState().route.screen).toBe('home'));
    expect(bridge.calls.map(([c]) => c)).toContain('capture.finish');
    const capture = useCaptureStore.getState();
    expect([capture.draft, capture.receipt, capture.reviewImageId, capture.fieldEdits]).toEqual([null, null, null, null]);
    expect(useMediaStore.getState()).toEqual({ images: {}, urls: {} });
    expect(bitmaps.every((b) => b.closed)).toBe(true);
    expect(revoke).toHaveBeenCalledWith(url);
    revoke.mockRestore();
    expect(useNavigation.getState().history).toEqual([]);
  });

  it('keeps the receipt and says why when Finish fails', async () => {
    captureBridge({
      'capture.get': fullPassport(),
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2044', queued: false, message: 'Sending.' },
      'capture.finish': new BridgeError('contract.transport-error', 'Lost the connection to Scan Station. Please try again.'),
    });
    installDecoder();
    renderCapture();
    fireEvent.click(await screen.findByTestId('to-details'));
    fireEvent.click(await screen.findByTestId('submit'));
    fireEvent.click(await screen.findByTestId('finish'));
    expect((await screen.findByRole('alert')).textContent).toContain('lost its connection');
    expect(screen.getByTestId('receipt-reference').textContent).toBe('K7-2044');
  });

  it('a visitor reset from elsewhere (sign-out) empties the capture', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    renderCapture();
    await screen.findByTestId('review-stage');
    act(() => resetVisitor());
    expect(useCaptureStore.getState().draft).toBeNull();
  });
});
