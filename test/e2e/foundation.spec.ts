// The foundation end to end: real host, real services, real Chromium.
import WebSocket from 'ws';
import { expect, test } from './fixtures';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';

const screens = 'test-results/screens';

test('the app loads in demo mode with a DEMO badge and the health of each part', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('demo-badge')).toHaveText('DEMO');
  await new SignInPage(page).signInAs('Demo Receptionist', '1234');
  await new HomePage(page).expectShown();
  await expect(page.getByTestId('demo-badge')).toHaveText('DEMO');
  // The embedded emulator and the simulated reader fill demo mode: everything is ready.
  await expect(page.getByTestId('health-indicator')).toHaveAttribute('data-state', 'ok');
  // The secret is wiped from the address bar once read.
  expect(page.url()).not.toContain('#k=');
  await page.screenshot({ path: `${screens}/home.png`, fullPage: true });
});

test('events from main reach the page through the bridge', async ({ page, host }) => {
  await page.goto(host.url);
  await new SignInPage(page).signInAs('Demo Administrator', '9999');
  await new HomePage(page).expectShown();
  // A second, authorised client changes the language; the page hears settings.changed and follows.
  const secret = new URL(host.url).hash.slice('#k='.length);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, ['scan-station.v1', `k.${secret}`], { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((resolve) => ws.once('open', resolve));
  const view = await new Promise<{ settings: Record<string, unknown> }>((resolve) => {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { id?: number; envelope?: { value: { settings: Record<string, unknown> } } };
      if (m.id === 1) resolve(m.envelope!.value);
    });
    ws.send(JSON.stringify({ id: 1, channel: 'settings.get' }));
  });
  ws.send(JSON.stringify({ id: 2, channel: 'settings.update', payload: { ...view.settings, language: 'cy' } }));
  await expect(page.getByRole('heading', { name: 'Yn barod ar gyfer yr ymwelydd nesaf' })).toBeVisible();
  ws.close();
});

test('an invalid payload from the page gets the error envelope, and the app stays up', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const replies = await page.evaluate(async () => {
    const secret = sessionStorage.getItem('scan-station.secret')!;
    const ws = new WebSocket(`ws://${location.host}/contract`, ['scan-station.v1', `k.${secret}`]);
    await new Promise((r) => (ws.onopen = r));
    const got: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as { id?: unknown };
        if ('id' in msg) got.push(msg);
        if (got.length === 3) resolve();
      };
    });
    ws.send(JSON.stringify({ id: 1, channel: 'settings.setSecret', payload: { name: 'not-a-secret', value: '' } }));
    ws.send(JSON.stringify({ id: 2, channel: 'system.shell', payload: 'rm -rf /' }));
    ws.send('{{{{');
    await done;
    return got;
  });
  expect(replies).toEqual(
    expect.arrayContaining([
      { id: 1, envelope: expect.objectContaining({ ok: false, code: 'contract.invalid-payload' }) },
      { id: 2, envelope: expect.objectContaining({ ok: false, code: 'contract.unknown-channel' }) },
      { id: null, envelope: expect.objectContaining({ ok: false, code: 'contract.invalid-payload' }) },
    ]),
  );
  await page.reload();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
});

test('a hostile page or program without the secret is refused', async ({ page, host }) => {
  // Another site's page (here a data: URL, origin "null") cannot open the contract socket.
  await page.goto('data:text/html,<title>elsewhere</title>');
  const fromOtherOrigin = await page.evaluate(async (port) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/contract`, ['scan-station.v1', 'k.guess']);
    return new Promise<string>((resolve) => {
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
  }, host.port);
  expect(fromOtherOrigin).toBe('refused');

  // A local program with the right Origin but no secret is refused too.
  const status = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, ['scan-station.v1'], { origin: `http://127.0.0.1:${host.port}` });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
  });
  expect(status).toBe(401);
});

test('the page opened without its key says how to recover', async ({ page, host }) => {
  await page.goto(`http://127.0.0.1:${host.port}/`);
  await expect(page.getByRole('alert')).toContainText('without its access key');
});
