// Queued applications in a DOM: list, pick one, choose the document, capture into it.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../../renderer/src/app/visitor-reset';
import { BridgeError, setBridge } from '../../../../../renderer/src/bridge';
import { QueuedScreen } from '../../../../../renderer/src/features/queued/QueuedScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { useCaptureStore } from '../../../../../renderer/src/stores/capture-store';
import { fakeBridge } from '../../../../fakes/fake-bridge';
import { passportDraft } from '../capture/capture-fixtures';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  resetVisitor();
  useNavigation.getState().reset('home');
  setBridge(null);
});

const entries = [
  { id: 'q1', name: 'Dee Contractor', reference: 'HR-118', createdAt: Date.UTC(2026, 10, 23, 8), preparedBy: 'Admin User, (Reception)', inUse: false },
  { id: 'q2', name: 'Eli Starter', reference: null, createdAt: Date.UTC(2026, 10, 24, 8), preparedBy: null, inUse: false },
];
const prepared = { entries, ownRecordsOnly: false };

describe('queued applications', () => {
  it('captures into the picked application with the chosen document type, then shows the capture', async () => {
    const draft = passportDraft({}, { queuedApplication: { id: 'q2', name: 'Eli Starter' } });
    const bridge = fakeBridge({ 'queued.list': prepared, 'capture.start': draft });
    setBridge(bridge);
    useNavigation.getState().navigate('queued');
    render(<QueuedScreen params={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Capture documents for Eli Starter' }));
    await act(async () => fireEvent.click(within(screen.getByTestId('queued-types-q2')).getByTestId('type-residence-permit')));
    expect(bridge.calls).toContainEqual(['capture.start', { documentType: 'residence-permit', queuedApplicationId: 'q2' }]);
    expect(useNavigation.getState().route.screen).toBe('capture');
    expect(useCaptureStore.getState().draft?.queuedApplication?.name).toBe('Eli Starter');
  });

  it('stays on the list with main’s reason when the capture cannot start', async () => {
    setBridge(fakeBridge({ 'queued.list': prepared, 'capture.start': new BridgeError('capture.queued-gone', 'This application was withdrawn in TrustID. Refresh the list.') }));
    useNavigation.getState().navigate('queued');
    render(<QueuedScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('queued-pick-q1'));
    await act(async () => fireEvent.click(screen.getByTestId('type-passport')));
    expect(screen.getByRole('alert').textContent).toContain('withdrawn in TrustID');
    expect(useNavigation.getState().route.screen).toBe('queued');
  });

  it('says when nothing is prepared, and recovers from a failed load', async () => {
    const bridge = fakeBridge({ 'queued.list': new BridgeError('trustid.offline', 'TrustID cannot be reached. Try again when the connection is back.') });
    setBridge(bridge);
    render(<QueuedScreen params={{}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be reached');
    bridge.answers['queued.list'] = { entries: [], ownRecordsOnly: false };
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('queued-empty')).toBeTruthy();
  });

  it('shows who prepared an entry, and one being completed elsewhere without a way to pick it', async () => {
    const inUse = { ...entries[0]!, id: 'q3', name: 'Fay Elsewhere', inUse: true };
    setBridge(fakeBridge({ 'queued.list': { entries: [inUse, ...entries], ownRecordsOnly: false } }));
    render(<QueuedScreen params={{}} />);
    const item = await screen.findByTestId('queued-q3');
    expect(item.textContent).toContain('Being completed elsewhere');
    expect(within(item).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('queued-q1').textContent).toContain('Prepared by Admin User, (Reception)');
    expect(screen.queryByTestId('queued-own-only')).toBeNull();
  });

  it('says in one plain sentence why the list is short without archive access', async () => {
    setBridge(fakeBridge({ 'queued.list': { entries: [], ownRecordsOnly: true } }));
    render(<QueuedScreen params={{}} />);
    expect((await screen.findByTestId('queued-own-only')).textContent).toBe(
      "This kiosk's TrustID account is not allowed to search TrustID's records, so only applications started at this kiosk are shown here. A TrustID administrator can give the account archive access.",
    );
    expect(screen.getByTestId('queued-empty').textContent).toContain('has not prepared');
  });

  it('"Prepare a queued application" opens the prepare screen', async () => {
    setBridge(fakeBridge({ 'queued.list': prepared }));
    render(<QueuedScreen params={{}} />);
    await screen.findByTestId('queued-q1');
    fireEvent.click(screen.getByRole('button', { name: 'Prepare a queued application' }));
    expect(useNavigation.getState().route.screen).toBe('queuedPrepare');
  });
});
