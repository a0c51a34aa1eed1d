// The guest link screen in a DOM against a fake bridge: create, QR code, recent links with state.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { BridgeError, setBridge } from '../../../../../renderer/src/bridge';
import { GuestLinkScreen } from '../../../../../renderer/src/features/guest/GuestLinkScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { fakeBridge } from '../../../../fakes/fake-bridge';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  setBridge(null);
});

type State = 'waiting' | 'submitted' | 'expired' | 'result' | 'revoked';
const link = (reference: string, state: State, name = 'Bo Visitor', over: Record<string, unknown> = {}) => ({
  reference,
  name,
  email: 'bo@example.com',
  url: `https://guest.example/link/${reference}`,
  sendEmail: false,
  state,
  createdAt: Date.UTC(2026, 10, 24, 10),
  expiresAt: Date.UTC(2026, 11, 1, 10),
  containerId: `c-${reference}`,
  message: null,
  canRevoke: state === 'waiting',
  canCompleteAsGuest: false,
  ...over,
});

const HOST = { id: 'host', label: 'Host', kind: 'text', required: true, choices: [] };

describe('guest link screen', () => {
  it('creates a link from name, email and the account’s fields and shows it as a QR code with its expiry', async () => {
    const bridge = fakeBridge({ 'guest.list': [], 'capture.fieldDefinitions': [HOST], 'guest.create': ({ name }: { name: string }) => link('g1', 'waiting', name) });
    setBridge(bridge);
    render(<GuestLinkScreen params={{}} />);
    fireEvent.change(screen.getByTestId('guest-name'), { target: { value: ' Bo Visitor ' } });
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example.com' } });
    fireEvent.change(await screen.findByTestId('field-host'), { target: { value: 'Dr Who' } });
    fireEvent.click(screen.getByTestId('guest-send-email'));
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(bridge.calls).toContainEqual(['guest.create', { name: 'Bo Visitor', email: 'bo@example.com', sendEmail: true, fields: { host: 'Dr Who' } }]);
    const qr = screen.getByRole('img', { name: 'QR code of the guest link for Bo Visitor' });
    expect(qr.dataset.text).toBe('https://guest.example/link/g1');
    expect(screen.getByTestId('guest-url').textContent).toBe('https://guest.example/link/g1');
    expect(screen.getByTestId('guest-link').textContent).toContain('Works until');
    expect(document.activeElement?.textContent).toBe('Link for Bo Visitor');
    expect(bridge.calls.filter(([c]) => c === 'guest.list').length).toBeGreaterThanOrEqual(2);
  });

  it('catches a missing name, a mistyped email and an empty mandatory field before asking main', async () => {
    const bridge = fakeBridge({ 'guest.list': [], 'capture.fieldDefinitions': [HOST] });
    setBridge(bridge);
    render(<GuestLinkScreen params={{}} />);
    await screen.findByTestId('field-host');
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example' } });
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(screen.getByText('Enter the visitor’s name.')).toBeTruthy();
    expect(screen.getByText(/Enter an email address like/)).toBeTruthy();
    expect(screen.getByText(/Host/, { selector: '[role=alert]' })).toBeTruthy();
    expect(bridge.calls.some(([c]) => c === 'guest.create')).toBe(false);
  });

  it('shows main’s message when the link cannot be made, keeping what was typed', async () => {
    setBridge(fakeBridge({ 'guest.list': [], 'capture.fieldDefinitions': [], 'guest.create': new BridgeError('trustid.offline', 'TrustID cannot be reached, so no guest link can be made now.', { context: 'guest-link' }) }));
    render(<GuestLinkScreen params={{}} />);
    fireEvent.change(screen.getByTestId('guest-name'), { target: { value: 'Bo' } });
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example.com' } });
    // Create waits for the account's form (here: no fields).
    await waitFor(() => expect((screen.getByTestId('guest-create') as HTMLButtonElement).disabled).toBe(false));
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(screen.getByTestId('guest-create-error').textContent).toMatch(/no guest link can be made now/);
    expect((screen.getByTestId('guest-name') as HTMLInputElement).value).toBe('Bo');
  });

  it('shows that refusal in Welsh when the language is Welsh', async () => {
    await i18next.changeLanguage('cy');
    try {
      const refusal = new BridgeError('trustid.offline', 'TrustID cannot be reached, so no guest link can be made now.', { context: 'guest-link' });
      setBridge(fakeBridge({ 'guest.list': [], 'capture.fieldDefinitions': [], 'guest.create': refusal }));
      render(<GuestLinkScreen params={{}} />);
      fireEvent.change(screen.getByTestId('guest-name'), { target: { value: 'Bo' } });
      fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example.com' } });
      await waitFor(() => expect((screen.getByTestId('guest-create') as HTMLButtonElement).disabled).toBe(false));
      await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
      expect(screen.getByTestId('guest-create-error').textContent).toBe('Nid oes modd cyrraedd TrustID, felly ni ellir gwneud dolen westai nawr. Rhowch gynnig arall arni pan fydd y cysylltiad yn ôl.');
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('lists links with their state in plain words, shows a waiting one’s code again and offers revoke only there', async () => {
    setBridge(fakeBridge({ 'capture.fieldDefinitions': [], 'guest.list': [link('g1', 'waiting', 'Ann'), link('g2', 'submitted', 'Ben'), link('g3', 'expired', 'Cy'), link('g4', 'result', 'Di', { name: null, resultId: 'c-g4' })] }));
    render(<GuestLinkScreen params={{}} />);
    expect((await screen.findByTestId('guest-g2')).textContent).toContain('Submitted, being checked');
    expect(screen.getByTestId('guest-g3').textContent).toContain('Expired');
    expect(screen.getByTestId('guest-g4').textContent).toContain('Result ready');
    expect(screen.getByTestId('guest-g4').textContent).toContain('Visitor details removed');
    expect(screen.getByTestId('guest-g1').textContent).toContain('Waiting for the visitor');
    expect(screen.queryByRole('button', { name: 'Show QR code for Ben' })).toBeNull();
    expect(screen.getAllByTestId('guest-revoke')).toHaveLength(1);
    // Only a link with an application in the inbox opens its result.
    expect(screen.getAllByTestId('guest-open-result')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('guest-open-result'));
    expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'c-g4' } });
    useNavigation.getState().reset();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code for Ann' }));
    expect(screen.getByTestId('qr-code').dataset.text).toBe('https://guest.example/link/g1');
  });

  it('revokes only after confirmation', async () => {
    const bridge = fakeBridge({ 'capture.fieldDefinitions': [], 'guest.list': [link('g1', 'waiting', 'Ann')], 'guest.revoke': link('g1', 'revoked', 'Ann', { canRevoke: false }) });
    setBridge(bridge);
    render(<GuestLinkScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('guest-revoke'));
    expect(bridge.calls.some(([c]) => c === 'guest.revoke')).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Revoke the link' })));
    expect(bridge.calls).toContainEqual(['guest.revoke', { reference: 'g1' }]);
  });
});
