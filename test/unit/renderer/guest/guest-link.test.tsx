// Guest links in a DOM against a fake bridge: create, QR code, recent links with state.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { create } from 'qrcode';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError, setBridge } from '../../../../renderer/src/bridge';
import { GuestLinkScreen } from '../../../../renderer/src/features/guest/GuestLinkScreen';
import { qrPath, QUIET_ZONE } from '../../../../renderer/src/features/guest/qr-path';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { fakeBridge } from '../../../fakes/fake-bridge';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  setBridge(null);
});

const link = (id: string, state: 'open' | 'submitted' | 'expired' | 'deleted', name = 'Bo Visitor') => ({
  id,
  name,
  email: 'bo@example.com',
  url: `https://guest.example/link/${id}`,
  createdAt: Date.UTC(2026, 10, 24, 10),
  state,
});

/** Reads the dark modules back out of the SVG path, as a scanner would see them. */
function darkModules(d: string): Set<string> {
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[2]) - QUIET_ZONE},${Number(m[1]) - QUIET_ZONE}`));
}

describe('QR code', () => {
  it('draws exactly the dark modules of the link’s QR symbol, inside a quiet zone', () => {
    const url = 'https://guest.example/link/5a1f';
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) expected.add(`${r},${c}`);
    const path = qrPath(url);
    expect(darkModules(path.d)).toEqual(expected);
    expect(path.size).toBe(modules.size + 2 * QUIET_ZONE);
  });

  it('gives different links different codes', () => {
    expect(qrPath('https://guest.example/link/a').d).not.toBe(qrPath('https://guest.example/link/b').d);
  });
});

describe('guest link screen', () => {
  it('creates a link from name and email and shows it as a QR code with the address', async () => {
    const bridge = fakeBridge({ 'guest.list': [], 'guest.create': ({ name, email }: { name: string; email: string }) => ({ ...link('g1', 'open', name), email }) });
    setBridge(bridge);
    render(<GuestLinkScreen params={{}} />);
    fireEvent.change(screen.getByTestId('guest-name'), { target: { value: ' Bo Visitor ' } });
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example.com' } });
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(bridge.calls).toContainEqual(['guest.create', { name: 'Bo Visitor', email: 'bo@example.com' }]);
    const qr = screen.getByRole('img', { name: 'QR code of the guest link for Bo Visitor' });
    expect(qr.dataset.text).toBe('https://guest.example/link/g1');
    expect(screen.getByTestId('guest-url').textContent).toBe('https://guest.example/link/g1');
    expect(document.activeElement?.textContent).toBe('Link for Bo Visitor');
    // The list is fetched again so the new link shows there too.
    expect(bridge.calls.filter(([c]) => c === 'guest.list')).toHaveLength(2);
  });

  it('catches a missing name and a mistyped email before asking main', async () => {
    const bridge = fakeBridge({ 'guest.list': [] });
    setBridge(bridge);
    render(<GuestLinkScreen params={{}} />);
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example' } });
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(screen.getByText('Enter the visitor’s name.')).toBeTruthy();
    expect(screen.getByText(/Enter an email address like/)).toBeTruthy();
    expect(bridge.calls.some(([c]) => c === 'guest.create')).toBe(false);
  });

  it('shows main’s message when the link cannot be made, keeping what was typed', async () => {
    setBridge(fakeBridge({ 'guest.list': [], 'guest.create': new BridgeError('trustid.offline', 'TrustID cannot be reached. Guest links need a connection; try again later.') }));
    render(<GuestLinkScreen params={{}} />);
    fireEvent.change(screen.getByTestId('guest-name'), { target: { value: 'Bo' } });
    fireEvent.change(screen.getByTestId('guest-email'), { target: { value: 'bo@example.com' } });
    await act(async () => fireEvent.click(screen.getByTestId('guest-create')));
    expect(screen.getByRole('alert').textContent).toMatch(/Guest links need a connection/);
    expect((screen.getByTestId('guest-name') as HTMLInputElement).value).toBe('Bo');
  });

  it('lists recent links with their state and shows an open one’s code again', async () => {
    setBridge(fakeBridge({ 'guest.list': [link('g1', 'open', 'Ann'), link('g2', 'submitted', 'Ben'), link('g3', 'expired', 'Cy')] }));
    render(<GuestLinkScreen params={{}} />);
    expect((await screen.findByTestId('guest-g2')).textContent).toContain('Submitted');
    expect(screen.getByTestId('guest-g3').textContent).toContain('Expired');
    expect(screen.getByTestId('guest-g1').textContent).toContain('Waiting for the visitor');
    expect(screen.queryByRole('button', { name: 'Show QR code for Ben' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code for Ann' }));
    expect(screen.getByTestId('qr-code').dataset.text).toBe('https://guest.example/link/g1');
  });
});
