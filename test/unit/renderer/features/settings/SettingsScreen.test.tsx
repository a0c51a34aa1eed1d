// The settings screen in a DOM: admin gate, write-only secrets, environment, key file, readers,
// kiosk options, staff accounts, the settings file's problem.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Settings as SettingsSchema, type Settings, type SettingsView } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { BridgeError } from '../../../../../renderer/src/bridge';
import { callsTo, flush, renderApp, resetStores, session } from '../../app-fixtures';

afterEach(resetStores);

const settings: Settings = SettingsSchema.parse({});

function view(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings,
    secrets: { 'trustid.apiKey': { configured: true }, 'trustid.username': { configured: false }, 'trustid.password': { configured: false } },
    file: { path: '/home/kiosk/.scan-station/settings.json', problem: null },
    secretStorage: { available: true, reason: 'Secrets are sealed with the operating system’s key store.' },
    ...overrides,
  };
}

async function openSettings(answers: Record<string, unknown>, who = session({ admin: true })) {
  useNavigation.setState({ route: { screen: 'settings', params: {} }, history: [] });
  return renderApp({ 'session.get': who, 'settings.get': view(), 'devices.list': [], 'settings.update': (s: Settings) => view({ settings: s }), ...answers });
}

const click = async (element: HTMLElement) => {
  await act(async () => fireEvent.click(element));
  await flush();
};
/** Opens a section from the list on the left. */
const goTo = async (id: string) => click(screen.getByTestId(`settings-nav-${id}`));
const enterPin = async (pin: string, submit: string) => {
  for (const d of pin) fireEvent.click(screen.getByRole('button', { name: d }));
  await click(screen.getByRole('button', { name: submit }));
};

describe('settings: admin gate', () => {
  it('asks a non-admin for the admin PIN and opens once main grants admin rights', async () => {
    const bridge = await openSettings({ 'session.elevate': session({ admin: true }) }, session({ admin: false }));
    expect(screen.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeTruthy();
    expect(screen.queryByTestId('settings-screen')).toBeNull();
    await enterPin('8642', 'Open settings');
    expect(callsTo(bridge, 'session.elevate')).toEqual([{ pin: '8642' }]);
    expect(screen.getByTestId('settings-screen')).toBeTruthy();
  });

  it('shows main’s answer to a wrong admin PIN', async () => {
    await openSettings({ 'session.elevate': new BridgeError('session.wrong-pin', 'That admin PIN is not right.') }, session({ admin: false }));
    await enterPin('1111', 'Open settings');
    expect(screen.getByText('That admin PIN is not right.')).toBeTruthy();
    expect(screen.queryByTestId('settings-screen')).toBeNull();
  });

  it('on first run asks to set an admin PIN, entered twice', async () => {
    const bridge = await openSettings({ 'session.setAdminPin': session({ admin: true, adminPinSet: true }) }, session({ admin: false, adminPinSet: false }));
    expect(screen.getByRole('heading', { level: 1, name: 'Set an admin PIN' })).toBeTruthy();
    await enterPin('97531', 'Next');
    await enterPin('97531', 'Save admin PIN');
    expect(callsTo(bridge, 'session.setAdminPin')).toEqual([{ newPin: '97531' }]);
    expect(screen.getByTestId('settings-screen')).toBeTruthy();
  });
});

describe('settings: TrustID', () => {
  it('treats credentials as write-only: shows only whether each is set, sends a new value and forgets it', async () => {
    const bridge = await openSettings({ 'settings.setSecret': undefined, 'trustid.testConnection': { outcome: 'ok', missing: [] } });
    const section = screen.getByTestId('settings-trustid');
    fireEvent.click(within(section).getByRole('radio', { name: /^Sandbox/ }));
    const apiKey = screen.getByTestId('secret-trustid.apiKey');
    expect(within(apiKey).getByTestId('secret-trustid.apiKey-status').textContent).toContain('Set');
    expect(within(screen.getByTestId('secret-trustid.username')).getByTestId('secret-trustid.username-status').textContent).toContain('Not set');
    const field = within(apiKey).getByLabelText<HTMLInputElement>('API key');
    expect(field.type).toBe('password');
    expect(field.value).toBe('');
    fireEvent.change(field, { target: { value: 'key-123' } });
    await click(screen.getByTestId('settings-trustid-save'));
    // Tried first with the entered key, then saved: the key, then the environment.
    expect(callsTo(bridge, 'trustid.testConnection')).toEqual([{ environment: 'sandbox', apiKey: 'key-123' }]);
    expect(callsTo(bridge, 'settings.setSecret')).toEqual([{ name: 'trustid.apiKey', value: 'key-123' }]);
    expect(callsTo(bridge, 'settings.update')).toEqual([{ trustid: { environment: 'sandbox', customBaseUrl: null } }]);
    expect(field.value).toBe('');
    expect(callsTo(bridge, 'settings.get').length).toBeGreaterThanOrEqual(2); // the set/not set state is read again
    expect(document.body.textContent).not.toContain('key-123');
  });

  it('removes a stored credential only after asking', async () => {
    const bridge = await openSettings({ 'settings.clearSecret': undefined });
    fireEvent.click(within(screen.getByTestId('settings-trustid')).getByRole('radio', { name: /^Sandbox/ }));
    expect(within(screen.getByTestId('secret-trustid.username')).queryByRole('button', { name: 'Remove' })).toBeNull();
    await click(within(screen.getByTestId('secret-trustid.apiKey')).getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove the API key?' });
    expect(callsTo(bridge, 'settings.clearSecret')).toEqual([]);
    await click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(callsTo(bridge, 'settings.clearSecret')).toEqual([{ name: 'trustid.apiKey' }]);
  });

  it('cannot take credentials while secrets cannot be stored, and says why', async () => {
    await openSettings({ 'settings.get': view({ secretStorage: { available: false, reason: 'No OS key store is available.' } }) });
    fireEvent.click(within(screen.getByTestId('settings-trustid')).getByRole('radio', { name: /^Sandbox/ }));
    const field = within(screen.getByTestId('secret-trustid.apiKey')).getByLabelText<HTMLInputElement>('API key');
    expect(field.disabled).toBe(true);
    expect(screen.getByText(/Credentials cannot be stored on this kiosk yet/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('settings.secrets.unavailable');
  });

  it('tests a custom environment before saving it, and wants a valid address', async () => {
    const bridge = await openSettings({ 'trustid.testConnection': { outcome: 'ok', missing: [] } });
    const section = screen.getByTestId('settings-trustid');
    fireEvent.click(within(section).getByRole('radio', { name: /^Custom/ }));
    fireEvent.change(within(section).getByLabelText('TrustID address'), { target: { value: 'not a url' } });
    await click(screen.getByTestId('settings-trustid-save'));
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    expect(callsTo(bridge, 'trustid.testConnection')).toEqual([]);
    expect(within(section).getByText(/Enter a full web address/)).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('TrustID address'), { target: { value: 'https://trustid.example.test' } });
    await click(screen.getByTestId('settings-trustid-save'));
    expect(callsTo(bridge, 'trustid.testConnection')).toEqual([{ environment: 'custom', customBaseUrl: 'https://trustid.example.test' }]);
    expect(callsTo(bridge, 'settings.update')).toEqual([{ trustid: { environment: 'custom', customBaseUrl: 'https://trustid.example.test' } }]);
    expect(within(section).getByText('Saved.')).toBeTruthy();
  });

  it('does not save a change TrustID refuses unless asked to, and says why in plain words', async () => {
    const bridge = await openSettings({ 'trustid.testConnection': { outcome: 'refused', missing: [] }, 'settings.setSecret': undefined });
    const section = screen.getByTestId('settings-trustid');
    fireEvent.click(within(section).getByRole('radio', { name: /^Sandbox/ }));
    fireEvent.change(within(section).getByLabelText('Service password'), { target: { value: 'wrong' } });
    await click(screen.getByTestId('settings-trustid-test'));
    expect(screen.getByTestId('settings-trustid-test-result').textContent).toContain('user name or password is wrong');
    await click(screen.getByTestId('settings-trustid-save'));
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    await click(screen.getByTestId('settings-trustid-save-anyway'));
    expect(callsTo(bridge, 'settings.setSecret')).toEqual([{ name: 'trustid.password', value: 'wrong' }]);
    expect(callsTo(bridge, 'settings.update')).toEqual([{ trustid: { environment: 'sandbox', customBaseUrl: null } }]);
  });

  it('offers to go back to the environment used before the last switch', async () => {
    const custom = { ...settings, trustid: { environment: 'custom', customBaseUrl: 'https://trustid.example.test' } } as Settings;
    const bridge = await openSettings({ 'settings.get': view({ settings: custom }), 'trustid.previous': { environment: 'demo', customBaseUrl: null, changedAt: Date.UTC(2026, 11, 4, 17, 5) }, 'trustid.revert': undefined });
    const revert = screen.getByTestId('settings-trustid-revert');
    expect(revert.textContent).toMatch(/Demo \(changed 4 Dec 2026, \d\d:05\)/);
    await click(within(revert).getByRole('button', { name: 'Go back to Demo' }));
    expect(callsTo(bridge, 'trustid.revert')).toHaveLength(1);
  });

  it('shows the settings file’s problem', async () => {
    await openSettings({ 'settings.get': view({ file: { path: '/etc/ss/settings.json', problem: 'Line 3 is not valid JSON.' } }) });
    const problem = screen.getByTestId('settings-file-problem');
    expect(problem.textContent).toContain('Line 3 is not valid JSON.');
    expect(problem.textContent).toContain('/etc/ss/settings.json');
  });
});

describe('settings: secret storage', () => {
  it('asks before accepting a key file, with the warning, and saves only on yes', async () => {
    const bridge = await openSettings({});
    await goTo('security');
    expect(screen.getByTestId('secret-storage-status').textContent).toContain('Secrets can be stored');
    const toggle = screen.getByRole('switch', { name: 'Accept a key file' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await click(toggle);
    const dialog = screen.getByRole('alertdialog', { name: 'Accept a key file?' });
    expect(dialog.textContent).toContain('no protected key store');
    await click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    await click(toggle);
    await click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Accept the key file' }));
    expect(callsTo(bridge, 'settings.update')).toEqual([{ security: { acceptFileKey: true } }]);
    expect(screen.getByRole('switch', { name: 'Accept a key file' }).getAttribute('aria-checked')).toBe('true');
  });
});

describe('settings: readers', () => {
  const reader = {
    id: 'r1',
    kind: 'serial' as const,
    label: 'Desk reader',
    status: { state: 'ready' as const, code: null, message: 'Ready on /dev/ttyACM0.' },
    capabilities: { mrz: true, sides: ['front' as const], lights: ['white' as const], trigger: false },
  };

  it('lists readers with their status, tests a read and shows what detection found', async () => {
    const bridge = await openSettings({
      'devices.list': [reader],
      'devices.test': { ok: true, message: 'Read a TD3 MRZ.' },
      'devices.detect': { serialPorts: [{ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI', knownReader: null }], scanners: [{ name: 'test:0', label: 'SANE test scanner' }] },
    });
    await goTo('readers');
    const device = screen.getByRole('listitem', { name: 'Desk reader' });
    expect(device.textContent).toContain('Ready on /dev/ttyACM0.');
    await click(within(device).getByRole('button', { name: 'Test a read' }));
    expect(callsTo(bridge, 'devices.test')).toEqual([{ id: 'r1' }]);
    expect(device.textContent).toContain('Read a TD3 MRZ.');
    await click(screen.getByRole('button', { name: 'Look for readers' }));
    const found = screen.getByTestId('devices-detected');
    expect(found.textContent).toContain('/dev/ttyUSB0 — FTDI');
    expect(found.textContent).toContain('SANE test scanner');
  });

  it('follows devices.changed', async () => {
    const bridge = await openSettings({ 'devices.list': [reader] });
    await goTo('readers');
    await act(async () => bridge.emit('devices.changed', [{ ...reader, status: { state: 'error', code: 'reader.unplugged', message: 'The reader was unplugged. Plug it back in.' } }]));
    expect(screen.getByRole('listitem', { name: 'Desk reader' }).textContent).toContain('Plug it back in.');
  });
});

describe('settings: this kiosk', () => {
  it('saves the idle time and kiosk mode together, with durations in words', async () => {
    const bridge = await openSettings({});
    await goTo('kiosk');
    const idle = screen.getByLabelText<HTMLSelectElement>('Lock the screen after');
    expect([...idle.options].map((o) => o.text)).toContain('1 minute');
    expect([...idle.options].map((o) => o.text)).toContain('3 minutes');
    fireEvent.change(idle, { target: { value: '300' } });
    fireEvent.click(screen.getByLabelText('Kiosk mode (full screen)'));
    await click(screen.getByTestId('settings-kiosk-save'));
    expect(callsTo(bridge, 'settings.update')).toEqual([{ kiosk: { fullscreen: true, idleTimeoutSeconds: 300 } }]);
  });

  it('saves the language in its own section', async () => {
    const bridge = await openSettings({});
    await goTo('language');
    fireEvent.click(screen.getByRole('radio', { name: 'Cymraeg' }));
    await click(screen.getByTestId('settings-language-save'));
    expect(callsTo(bridge, 'settings.update')).toEqual([{ language: 'cy' }]);
  });

  it('asks before leaving a section with unsaved changes', async () => {
    const bridge = await openSettings({});
    await goTo('kiosk');
    fireEvent.change(screen.getByLabelText('Lock the screen after'), { target: { value: '300' } });
    await goTo('language');
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    await click(within(dialog).getByRole('button', { name: 'Stay and save' }));
    expect(screen.getByTestId('settings-screen').dataset.section).toBe('kiosk');
    expect(screen.getByLabelText<HTMLSelectElement>('Lock the screen after').value).toBe('300');
    await goTo('language');
    await click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }));
    expect(screen.getByTestId('settings-screen').dataset.section).toBe('language');
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
  });
});

describe('settings: staff accounts (shared mode)', () => {
  const staff = [{ id: 's1', displayName: 'Ana', role: 'staff' as const, active: true, pinSet: true }];

  it('appears only in shared mode', async () => {
    await openSettings({ 'staff.list': staff });
    await goTo('staff');
    expect(screen.queryByTestId('settings-staff')).toBeNull();
  });

  it('adds a staff member with a PIN typed twice, and refuses mismatched PINs', async () => {
    const bridge = await openSettings({ 'staff.list': staff, 'staff.save': { ...staff[0], id: 's2', displayName: 'Bryn' } }, session({ admin: true, accountMode: 'shared' }));
    await goTo('staff');
    expect(screen.getByRole('rowheader', { name: 'Ana' })).toBeTruthy();
    await click(screen.getByTestId('staff-add'));
    const dialog = screen.getByRole('dialog', { name: 'Add a staff member' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: ' Bryn ' } });
    fireEvent.change(within(dialog).getByLabelText(/^PIN\s*\*?$/), { target: { value: '2468' } });
    fireEvent.change(within(dialog).getByLabelText('PIN again'), { target: { value: '2460' } });
    await click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(callsTo(bridge, 'staff.save')).toEqual([]);
    expect(within(dialog).getByText('The two PINs are not the same.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^PIN\s*\*?$/), { target: { value: '2468' } });
    fireEvent.change(within(dialog).getByLabelText('PIN again'), { target: { value: '2468' } });
    await click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(callsTo(bridge, 'staff.save')).toEqual([{ id: undefined, displayName: 'Bryn', role: 'staff', active: true, pin: '2468' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('edits a member without changing the PIN when it is left empty', async () => {
    const bridge = await openSettings({ 'staff.list': staff, 'staff.save': staff[0] }, session({ admin: true, accountMode: 'shared' }));
    await goTo('staff');
    await click(screen.getByRole('button', { name: 'Edit Ana' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Ana' });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'admin' } });
    await click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(callsTo(bridge, 'staff.save')).toEqual([{ id: 's1', displayName: 'Ana', role: 'admin', active: true, pin: undefined }]);
  });
});

describe('settings: quality and retention', () => {
  it('edits them, refusing values out of range', async () => {
    const withPolicy = { ...settings, quality: { blurMin: 100, glareMaxPercent: 2, darkMin: 60, minDpi: 300, blocking: { blur: true, glare: false, dark: true, resolution: true } }, retention: { resultDays: 30 } } as Settings;
    const bridge = await openSettings({ 'settings.get': view({ settings: withPolicy }) });
    await goTo('quality');
    const section = screen.getByTestId('settings-policy');
    fireEvent.change(within(section).getByLabelText('Keep results on this kiosk for (days)'), { target: { value: '0' } });
    await click(within(section).getByRole('button', { name: 'Save' }));
    expect(callsTo(bridge, 'settings.update')).toEqual([]);
    expect(within(section).getByText('Enter a number from 1 to 3650.')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Keep results on this kiosk for (days)'), { target: { value: '90' } });
    fireEvent.click(within(section).getByLabelText('Glare'));
    await click(within(section).getByRole('button', { name: 'Save' }));
    const sent = callsTo(bridge, 'settings.update')[0] as Record<string, unknown>;
    expect(sent.retention).toEqual({ resultDays: 90 });
    expect((sent.quality as { blocking: Record<string, boolean> }).blocking.glare).toBe(true);
  });
});

describe('settings: account mode', () => {
  it('switches the mode, warning that everyone is signed out', async () => {
    const withMode = { ...settings, accounts: { mode: 'personal' } } as Settings;
    const bridge = await openSettings({ 'settings.get': view({ settings: withMode }) });
    await goTo('staff');
    const section = screen.getByTestId('settings-accounts');
    fireEvent.click(within(section).getByRole('radio', { name: /^Shared/ }));
    expect(within(section).getByRole('note').textContent).toContain('signed out');
    await click(within(section).getByRole('button', { name: 'Save' }));
    expect((callsTo(bridge, 'settings.update')[0] as { accounts: unknown }).accounts).toEqual({ mode: 'shared' });
  });
});

describe('settings: choosing readers', () => {
  it('sets up a detected serial reader and a scanner, and removes one', async () => {
    const bridge = await openSettings({
      'devices.list': [],
      'devices.detect': {
        serialPorts: [{ path: '/dev/ttyACM0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI', knownReader: 'Desko Penta' }],
        scanners: [{ name: 'test:0', label: 'Noname frontend-tester' }],
      },
    });
    await goTo('readers');
    const section = screen.getByTestId('settings-readers');
    await act(async () => fireEvent.click(within(section).getByTestId('devices-detect')));
    await flush();
    await act(async () => fireEvent.click(within(section).getByTestId('use-port')));
    await flush();
    const first = callsTo(bridge, 'settings.update')[0] as Settings;
    expect(first.devices).toEqual([{ id: 'serial-reader', kind: 'serial', label: 'Desko Penta', enabled: true, options: { path: '/dev/ttyACM0' } }]);
  });
});

describe('settings: no lock-out', () => {
  it('opens from the sign-in screen with the admin PIN while nobody is signed in, and goes back', async () => {
    const bridge = await openSettings({ 'session.elevate': session({ state: 'signed-out', staff: null, admin: true }) }, session({ state: 'signed-out', staff: null, admin: false }));
    useNavigation.setState({ route: { screen: 'home', params: {} }, history: [] });
    await flush();
    await click(screen.getByTestId('sign-in-admin-settings'));
    expect(screen.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeTruthy();
    await enterPin('2580', 'Open settings');
    expect(callsTo(bridge, 'session.elevate')).toEqual([{ pin: '2580' }]);
    expect(screen.getByTestId('settings-screen')).toBeTruthy();
    // Readers and demo rehearsal need someone signed in; TrustID and staff do not.
    expect(screen.queryByTestId('settings-nav-readers')).toBeNull();
    expect(screen.getByTestId('settings-nav-trustid')).toBeTruthy();
    await click(screen.getByTestId('settings-back-to-sign-in'));
    expect(screen.getByTestId('sign-in-screen')).toBeTruthy();
  });
});

describe('settings: readers that are not readers', () => {
  it('offers a port with no sign of a reader (ttyS0) only through a test read, and takes it out again when nothing answers', async () => {
    const bridge = await openSettings({
      'devices.list': [],
      'devices.detect': { serialPorts: [{ path: '/dev/ttyS0', vendorId: null, productId: null, manufacturer: null, knownReader: null }], scanners: [] },
      'devices.test': { ok: false, message: 'Nothing arrived.' },
    });
    await goTo('readers');
    await click(screen.getByTestId('devices-detect'));
    expect(screen.queryByTestId('use-port')).toBeNull();
    expect(screen.getByTestId('devices-other-ports').textContent).toContain('/dev/ttyS0');
    await click(screen.getByTestId('try-port'));
    const updates = callsTo(bridge, 'settings.update') as Settings[];
    expect(updates.map((u) => u.devices.length)).toEqual([1, 0]);
    expect(callsTo(bridge, 'devices.test')).toEqual([{ id: 'serial-reader' }]);
    expect(screen.getByText('No reader answered on /dev/ttyS0, so it was not added.')).toBeTruthy();
  });
});
