// Guest links with a lifecycle (issue 10 item 3) and preparing a queued application at the desk
// (item 4a), end to end in the Chromium shell. Demo: create a link, QR, the demo control plays the
// guest, the state reaches the result; a queued application prepared from the account's form. A
// standalone emulator (its own process, kept running while the host restarts): a link survives a
// host restart, is still listed and re-shown, a guest submits through the link's page, and the
// state reaches the result. Screenshots at 1280×800 and 1024×768, in English and Welsh.
import type { Page } from '@playwright/test';
import { expect, startHost, stopHost, test } from './fixtures';
import { GuestPage } from './pages/guest-page';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';
import { setLanguage } from './support/set-language';
import { provisionHome, startEmulatorProcess } from './support/trustid-desk';

const screens = 'test-results/screens';
const SIZES = [
  [1280, 800],
  [1024, 768],
] as const;

async function shoot(page: Page, name: string, lang: 'en' | 'cy'): Promise<void> {
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${screens}/${name}-${w}x${h}-${lang}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('demo: a guest link as a QR code, completed by the demo guest, reaches its result; a queued application is prepared', async ({ page, host }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  // An administrator, so the test can switch the language as Settings would (settings.update).
  await new SignInPage(page).signInAs('Demo Administrator', '9999');
  const home = new HomePage(page);
  await home.expectShown();

  await home.open('guest');
  const guest = new GuestPage(page);
  await guest.expectShown();
  const url = await guest.create('Ada Visitor', 'ada@example.org');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/guest\//);
  await expect(page.getByTestId('guest-link')).toContainText('Works until');
  await shoot(page, 'guest-link-qr', 'en');
  await guest.createAnother();
  await expect(guest.recent('Ada Visitor')).toHaveAttribute('data-state', 'waiting');
  await expect(guest.recent('Ada Visitor')).toContainText('Waiting for the visitor');

  // Prepare a queued application from the demo account's (optional) fields.
  await home.goHome();
  await home.open('queuedPrepare');
  const form = page.getByTestId('queued-prepare-form');
  await form.locator('input[type=text]').first().fill('Booking 4471');
  await page.getByTestId('queued-prepare-create').click();
  await expect(page.getByTestId('queued-prepare-done')).toBeVisible();
  const prepared = page.getByTestId('queued-prepare-list').getByRole('listitem').filter({ hasText: 'Booking 4471' });
  await expect(prepared).toHaveAttribute('data-state', 'waiting');
  await shoot(page, 'queued-prepare', 'en');

  await setLanguage(host, 'cy');
  await expect(page.getByRole('heading', { level: 1, name: 'Paratoi cais mewn ciw' })).toBeVisible();
  await shoot(page, 'queued-prepare', 'cy');
  await page.getByTestId('frame-home').click();
  await page.getByTestId('tile-guest').click();
  await expect(guest.recent('Ada Visitor')).toContainText('Yn aros am yr ymwelydd');
  await shoot(page, 'guest-link-list', 'cy');
  await guest.recent('Ada Visitor').getByRole('button', { name: /Dangos y cod QR/ }).click();
  await expect(guest.qr).toHaveAttribute('data-text', url);
  await shoot(page, 'guest-link-qr', 'cy');
  await guest.createAnother();
  await setLanguage(host, 'en');
  await expect(guest.recent('Ada Visitor')).toContainText('Waiting for the visitor');
  await shoot(page, 'guest-link-list', 'en');

  // The demo control plays the guest; the kiosk follows the link's container to its result. The row
  // is found by its reference: once final, the retention rules may already have removed the name.
  const ada = page.getByTestId((await guest.recent('Ada Visitor').getAttribute('data-testid'))!);
  await ada.getByTestId('guest-complete').click();
  await expect(ada).toHaveAttribute('data-state', /submitted|referred|result/);
  await expect(ada).toHaveAttribute('data-state', 'result', { timeout: 90_000 });
  await expect(ada).toContainText('Result ready');
  await shoot(page, 'guest-link-result', 'en');
  // The guest's application opens where every result opens.
  await ada.getByTestId('guest-open-result').click();
  await expect(page.getByTestId('result-detail')).toBeVisible();
});

test('a guest link survives a restart of the host, and a guest’s submission through it reaches the result', async ({ page, context }) => {
  test.setTimeout(150_000);
  const emulator = await startEmulatorProcess();
  const home = provisionHome(emulator, { settings: { accounts: { mode: 'personal' } } });
  const frontdesk = emulator.users.find((u) => u.username === 'demo.frontdesk')!;
  let host = await startHost({ home });
  try {
    const signIn = async () => {
      await page.goto(host.url);
      const s = new SignInPage(page);
      await s.signInWithPassword(frontdesk.username, frontdesk.password);
      const offer = page.getByTestId('offline-pin-offer');
      await Promise.race([offer.waitFor().then(() => s.skipOfflinePin()), new HomePage(page).expectShown()]).catch(() => undefined);
      await new HomePage(page).expectShown();
    };
    await signIn();
    await new HomePage(page).open('guest');
    const guest = new GuestPage(page);
    const url = await guest.create('Rhys Restart', 'rhys@example.org');

    await stopHost(host);
    host = await startHost({ home });
    await signIn();
    await new HomePage(page).open('guest');
    await expect(guest.recent('Rhys Restart')).toHaveAttribute('data-state', 'waiting');
    const row = page.getByTestId((await guest.recent('Rhys Restart').getAttribute('data-testid'))!);
    await row.getByRole('button', { name: 'Show QR code for Rhys Restart' }).click();
    await expect(guest.qr).toHaveAttribute('data-text', url);
    await guest.createAnother();

    // The guest, on their phone: the link's own page, submitted as a pass.
    const phone = await context.newPage();
    await phone.goto(url);
    await phone.locator('#outcome').selectOption('pass');
    await phone.getByRole('button', { name: 'Submit' }).click();
    await phone.close();

    await expect(row).toHaveAttribute('data-state', /submitted|referred|result/, { timeout: 60_000 });
    await expect(row).toHaveAttribute('data-state', 'result', { timeout: 90_000 });
  } finally {
    await stopHost(host);
    await emulator.stop();
  }
});
