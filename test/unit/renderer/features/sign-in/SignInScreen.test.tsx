// Sign-in in a DOM: both account modes, offline PIN, lockout, password change, sign-out.
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { onVisitorReset } from '../../../../../renderer/src/app/visitor-reset';
import { BridgeError } from '../../../../../renderer/src/bridge';
import { callsTo, flush, renderApp, resetStores, session, signedOut } from '../../app-fixtures';

afterEach(resetStores);

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string | RegExp) => {
  await act(async () => fireEvent.click(screen.getByRole('button', { name })));
  await flush();
};
const enterPin = async (pin: string, submit: string | RegExp) => {
  for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
  await click(submit);
};

describe('sign-in, personal mode', () => {
  it('shows the sign-in screen when signed out, whatever screen was open (Settings asks for the admin PIN instead)', async () => {
    useNavigation.setState({ route: { screen: 'queue', params: {} }, history: [] });
    await renderApp({ 'session.get': signedOut() });
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Scan Station' })).toBeTruthy();
    expect(screen.queryByTestId('sign-out')).toBeNull();
  });

  it('sends the password once, with the field already empty, and lands on home', async () => {
    let fieldWhileSending: string | null = null;
    const bridge = await renderApp({
      'session.get': signedOut(),
      'session.signIn': () => {
        fieldWhileSending = screen.getByLabelText<HTMLInputElement>('Password').value;
        return session({ offlinePinSet: true });
      },
    });
    type('TrustID username', ' ana ');
    type('Password', 's3cret-pass');
    await click('Sign in');
    expect(callsTo(bridge, 'session.signIn')).toEqual([{ method: 'trustid', username: 'ana', password: 's3cret-pass' }]);
    expect(fieldWhileSending).toBe('');
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    expect(screen.getByTestId('staff-name').textContent).toContain('Ana Staff');
  });

  it('asks for a username before sending anything', async () => {
    const bridge = await renderApp({ 'session.get': signedOut() });
    type('Password', 'x');
    await click('Sign in');
    expect(callsTo(bridge, 'session.signIn')).toEqual([]);
    expect(screen.getByText('Enter your TrustID username.')).toBeTruthy();
  });

  it('shows a wrong password’s message under the form and an empty password field', async () => {
    await renderApp({ 'session.get': signedOut(), 'session.signIn': new BridgeError('session.bad-credentials', 'The username or password is not right. Check them and try again.') });
    type('TrustID username', 'ana');
    type('Password', 'wrong');
    await click('Sign in');
    expect(screen.getByTestId('sign-in-error').textContent).toContain('not right');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('gives a locked account a screen of its own that says what to do', async () => {
    await renderApp({ 'session.get': signedOut(), 'session.signIn': new BridgeError('session.locked-account', 'TrustID has locked this account after too many attempts.') });
    type('TrustID username', 'ana');
    type('Password', 'pw');
    await click('Sign in');
    expect(screen.getByRole('heading', { name: 'This account is locked' })).toBeTruthy();
    // Worded in the renderer from the code (a TrustID lock carries no params).
    expect(screen.getByRole('alert').textContent).toContain('Ask your TrustID administrator to unlock it');
    await click('Back to sign in');
    expect(screen.getByTestId('sign-in-password')).toBeTruthy();
  });

  it('turns "password change required" into a change-password form that signs in with the new password', async () => {
    const bridge = await renderApp({
      'session.get': signedOut(),
      'session.signIn': (req: { method: string }) => (req.method === 'trustid' ? new BridgeError('session.password-change-required', 'TrustID asks you to choose a new password.') : session()),
    });
    type('TrustID username', 'ana');
    type('Password', 'old-password');
    await click('Sign in');
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeTruthy();

    type('Current password', 'old-password');
    type('New password', 'brand-new-pw');
    type('New password again', 'brand-new-px');
    await click('Change password and sign in');
    expect(screen.getByText(/two new passwords are not the same/)).toBeTruthy();
    expect(callsTo(bridge, 'session.signIn')).toHaveLength(1);

    type('New password again', 'brand-new-pw');
    await click('Change password and sign in');
    expect(callsTo(bridge, 'session.signIn')[1]).toEqual({ method: 'trustid-change-password', username: 'ana', password: 'old-password', newPassword: 'brand-new-pw' });
    expect(screen.getByTestId('home-screen')).toBeTruthy();
  });

  it('offers the offline PIN when TrustID cannot be reached, and signs in with it', async () => {
    const bridge = await renderApp({ 'session.get': signedOut({ online: false }), 'session.signIn': session() });
    expect(screen.getByText(/TrustID cannot be reached/)).toBeTruthy();
    type('TrustID username', 'ana');
    await enterPin('2580', 'Sign in');
    expect(callsTo(bridge, 'session.signIn')).toEqual([{ method: 'offline-pin', username: 'ana', pin: '2580' }]);
    expect(screen.getByTestId('home-screen')).toBeTruthy();
  });

  it('after a first online sign-in offers an offline PIN, sends it to main and closes the offer', async () => {
    const bridge = await renderApp({ 'session.get': signedOut(), 'session.signIn': session({ offlinePinSet: false }), 'session.setOfflinePin': session({ offlinePinSet: true }) });
    type('TrustID username', 'ana');
    type('Password', 'pw');
    await click('Sign in');
    expect(screen.getByRole('dialog', { name: 'Set an offline PIN?' })).toBeTruthy();
    await enterPin('1357', 'Next');
    await enterPin('1357', 'Save offline PIN');
    expect(callsTo(bridge, 'session.setOfflinePin')).toEqual([{ pin: '1357' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lets staff skip the offline PIN offer', async () => {
    const bridge = await renderApp({ 'session.get': signedOut(), 'session.signIn': session({ offlinePinSet: false }) });
    type('TrustID username', 'ana');
    type('Password', 'pw');
    await click('Sign in');
    await click('Not now');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(bridge, 'session.setOfflinePin')).toEqual([]);
  });
});

describe('sign-in, shared mode', () => {
  const directory = [
    { id: 'st-2', displayName: 'Bryn' },
    { id: 'st-1', displayName: 'Ana' },
  ];

  it('picks a name from the kiosk’s staff and signs in with that person’s PIN', async () => {
    const bridge = await renderApp({ 'session.get': signedOut({ accountMode: 'shared' }), 'staff.directory': directory, 'session.signIn': session({ accountMode: 'shared' }) });
    const names = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(names).toEqual(['Ana', 'Bryn']);
    await click('Bryn');
    expect(screen.getByRole('heading', { name: 'Bryn, enter your PIN' })).toBeTruthy();
    await enterPin('4826', 'Sign in');
    expect(callsTo(bridge, 'session.signIn')).toEqual([{ method: 'local', staffId: 'st-2', pin: '4826' }]);
    expect(screen.getByTestId('home-screen')).toBeTruthy();
  });

  it('keeps the chosen name after a wrong PIN and says why', async () => {
    await renderApp({ 'session.get': signedOut({ accountMode: 'shared' }), 'staff.directory': directory, 'session.signIn': new BridgeError('session.wrong-pin', 'That PIN is not right. Try again.') });
    await click('Ana');
    await enterPin('0000', 'Sign in');
    expect(screen.getByRole('heading', { name: 'Ana, enter your PIN' })).toBeTruthy();
    expect(screen.getByText('That PIN is not right. Try again.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Your PIN').value).toBe('');
  });

  it('says what to do when no staff accounts exist yet', async () => {
    await renderApp({ 'session.get': signedOut({ accountMode: 'shared' }), 'staff.directory': [] });
    expect(screen.getByText(/No staff accounts are set up/)).toBeTruthy();
  });
});

describe('sign-out', () => {
  it('finishes the capture in main, signs out and clears every visitor store', async () => {
    const forget = vi.fn();
    const stop = onVisitorReset(forget);
    useNavigation.setState({ route: { screen: 'queue', params: {} }, history: [] });
    const bridge = await renderApp({ 'session.get': session(), 'queue.list': [], 'capture.finish': undefined, 'session.signOut': signedOut() });
    // The queue screen is open; sign out from the frame.
    await click('Sign out');
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out?' });
    await act(async () => fireEvent.click(dialog.querySelector<HTMLButtonElement>('.button-primary')!));
    await flush();
    expect(bridge.calls.map(([c]) => c)).toEqual(expect.arrayContaining(['capture.finish', 'session.signOut']));
    expect(forget).toHaveBeenCalled();
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    expect(useNavigation.getState().route.screen).toBe('home');
    stop();
  });

  it('follows main when it signs the kiosk out, forgetting the visitor', async () => {
    const forget = vi.fn();
    const stop = onVisitorReset(forget);
    const bridge = await renderApp({ 'session.get': session() });
    await act(async () => bridge.emit('session.changed', signedOut()));
    expect(forget).toHaveBeenCalled();
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
    stop();
  });
});
