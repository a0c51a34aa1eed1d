// Settings an admin can run (issue 11 §3, §4, §6): every section at both desk sizes and in both
// languages, its Save in view and no raw keys; and the lock-out the issue describes — a switch to
// an environment that refuses the kiosk — tested, shown on the status pill, and undone through the
// admin PIN with nobody signed in. Runs in the Playwright test process against the Chromium shell.
import { expect, type Page } from '@playwright/test';
import { startHost, stopHost, test } from './fixtures';
import { SettingsPage, type SettingsSection } from './pages/settings-page';
import { expectPlainWords, pageHeight, recordHeight, shoot, SIZES, type Lang } from './support/screens';
import { startEmulatorProcess } from './support/trustid-desk';

const SECTIONS: Array<{ id: SettingsSection; testId: string; save: string | null }> = [
  { id: 'trustid', testId: 'settings-trustid', save: 'settings-trustid-save' },
  { id: 'staff', testId: 'settings-accounts', save: 'settings-accounts-save' },
  { id: 'readers', testId: 'settings-readers', save: null },
  { id: 'quality', testId: 'settings-policy', save: 'settings-policy-save' },
  { id: 'security', testId: 'settings-security', save: null },
  { id: 'kiosk', testId: 'settings-kiosk', save: 'settings-kiosk-save' },
  { id: 'language', testId: 'settings-language', save: 'settings-language-save' },
  { id: 'demo', testId: 'settings-demo', save: null },
];

/** English words that must not be left on a Welsh screen (names of people and products aside). */
const ENGLISH = /\b(the|and|with|your|this|Save|Loading|Settings|Readers|Security|Language|Looking|Online|Offline|pending|minutes?|seconds?)\b/;
const DATA = /Demo (Administrator|Receptionist)|Scan Station|TrustID|English|Angela Specimen|Martin Specimen/g;

async function expectWelsh(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()).replace(DATA, '');
  expect(text, 'English left on a Welsh screen').not.toMatch(ENGLISH);
}

/** Shared-mode sign-in without English labels: the name, then the PIN and Enter. */
async function signInAs(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByTestId('sign-in-pin-input').fill(pin);
  await page.getByTestId('sign-in-pin-input').press('Enter');
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

for (const lang of ['en', 'cy'] as const satisfies readonly Lang[]) {
  test(`settings: every section fits both desk sizes, its Save in view, in plain ${lang === 'en' ? 'English' : 'Welsh'}`, async ({ page }) => {
    const host = await startHost({ settings: { language: lang } });
    try {
      await page.setViewportSize(SIZES[0]);
      await page.goto(host.url);
      await signInAs(page, 'Demo Administrator', '9999');
      await page.getByTestId('tile-settings').click();
      const settings = new SettingsPage(page);
      await expect(settings.screen).toBeVisible();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const section of SECTIONS) {
          await settings.open(section.id);
          await expect(page.getByTestId(section.testId)).toBeVisible();
          await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
          if (section.save) await expect(page.getByTestId(section.save)).toBeInViewport();
          await expectPlainWords(page);
          if (lang === 'cy') await expectWelsh(page);
          recordHeight(`settings-${section.id}`, size, lang, await pageHeight(page));
          await shoot(page, `settings-${section.id}`, lang);
        }
      }
      // The sign-in screen's admin route, as staff see it.
      await page.setViewportSize(SIZES[1]);
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-out-dialog').getByRole('button').last().click();
      await expect(page.getByTestId('sign-in-admin-settings')).toBeVisible();
      await expectPlainWords(page);
      if (lang === 'cy') await expectWelsh(page);
      await shoot(page, 'sign-in-admin-route', lang);
    } finally {
      await stopHost(host);
    }
  });
}

test('settings: a switch TrustID refuses is tested, shown on the pill, and undone with the admin PIN while nobody can sign in', async ({ page }) => {
  test.setTimeout(120_000);
  const emulator = await startEmulatorProcess();
  // The Chromium shell has no OS key store: the administrator has accepted the key file (Security).
  const host = await startHost({ settings: { security: { acceptFileKey: true } } });
  try {
    const kiosk = emulator.users.find((u) => u.username === 'demo.kiosk')!;
    await page.setViewportSize(SIZES[1]);
    await page.goto(host.url);
    await signInAs(page, 'Demo Administrator', '9999');
    await page.getByTestId('tile-settings').click();
    const settings = new SettingsPage(page);
    await settings.enterEnvironment('Custom', { url: emulator.origin, apiKey: emulator.apiKey, username: kiosk.username, password: 'not-the-password' });

    // Test connection signs in without saving and answers in plain words.
    expect(await settings.testConnection()).toBe('refused');
    await expect(page.getByTestId('settings-trustid-test-result')).toContainText('user name or password is wrong');
    await shoot(page, 'settings-trustid-test-refused', 'en');
    // Save tries first and does not save what TrustID refuses...
    await settings.saveButton('trustid').click();
    await expect(page.getByTestId('settings-trustid-save-anyway')).toBeVisible();
    // ...unless the administrator insists (the lock-out of issue 11).
    await page.getByTestId('settings-trustid-save-anyway').click();

    // Services restart on the custom environment: nobody is signed in and nobody can sign in.
    await expect(page.getByTestId('sign-in-screen')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('sync-pill')).toContainText('TrustID refused the kiosk’s sign-in — check Settings', { timeout: 20_000 });
    await expect(page.getByTestId('sync-pill')).not.toContainText('Online');
    await expect(page.getByRole('button', { name: 'Demo Administrator' })).toHaveCount(0);
    await shoot(page, 'sign-in-locked-out', 'en');

    // The admin route: a new admin PIN (this environment has none yet; a trivial one is refused).
    await page.getByTestId('sign-in-admin-settings').click();
    await page.getByTestId('admin-pin-new-input').fill('1234');
    await page.getByTestId('admin-pin-new-input').press('Enter');
    await page.getByTestId('admin-pin-new-again-input').fill('1234');
    await page.getByTestId('admin-pin-new-again-input').press('Enter');
    await expect(page.getByText('This PIN is too easy to guess')).toBeVisible();
    await shoot(page, 'settings-admin-pin-too-simple', 'en');
    await settings.unlockWithAdminPin('2580');
    await expect(page.getByTestId('settings-back-to-sign-in')).toBeVisible();
    const revert = page.getByTestId('settings-trustid-revert');
    await expect(revert).toContainText('Go back to Demo');
    await expectPlainWords(page);
    await shoot(page, 'settings-revert', 'en');
    await revert.getByRole('button').click();

    // Back in demo: the demo staff can sign in again and the pill no longer accuses TrustID.
    await expect(page.getByTestId('settings-trustid-revert')).toHaveCount(0, { timeout: 20_000 });
    await page.getByTestId('settings-back-to-sign-in').click();
    await signInAs(page, 'Demo Administrator', '9999');
    await expect(page.getByTestId('sync-pill')).not.toContainText('refused');
  } finally {
    await stopHost(host);
    await emulator.stop();
  }
});

test('settings: demo rehearsal steers the next verdict, TrustID and the next specimen', async ({ page }) => {
  const host = await startHost();
  try {
    await page.setViewportSize(SIZES[0]);
    await page.goto(host.url);
    await signInAs(page, 'Demo Administrator', '9999');
    await page.getByTestId('tile-settings').click();
    const settings = new SettingsPage(page);
    await settings.open('demo');
    await page.getByTestId('demo-outcome').getByRole('radio', { name: 'Referred to TrustID experts' }).click();
    await expect(page.getByTestId('demo-status')).toHaveText('Now: Referred to TrustID experts.');
    await page.getByTestId('demo-specimen').getByRole('radio', { name: /Martin Specimen’s ID card/ }).click();
    await expect(page.getByTestId('demo-status')).toContainText('another person');
    await page.getByTestId('demo-trustid').getByRole('radio', { name: /^Unreachable/ }).click();
    await expect(page.getByTestId('demo-status')).toContainText('Unreachable');
    await shoot(page, 'settings-demo-chosen', 'en');
    // Looking for readers takes seconds on a real desk: it says what it waits for while it looks.
    await settings.open('readers');
    await page.getByTestId('devices-detect').click();
    await expect(page.getByTestId('devices-detecting').or(page.getByTestId('devices-detected'))).toBeVisible();
    await shoot(page, 'settings-readers-looking', 'en');
    await expect(page.getByTestId('devices-detected')).toBeVisible({ timeout: 20_000 });
    await shoot(page, 'settings-readers-found', 'en');
    // The choices are main's: a fresh screen reads them back.
    await page.reload();
    await page.getByTestId('tile-settings').click();
    await settings.open('demo');
    await expect(page.getByTestId('demo-trustid').getByRole('radio', { name: /^Unreachable/ })).toBeChecked();
    await expect(page.getByTestId('demo-outcome').getByRole('radio', { name: 'Referred to TrustID experts' })).toBeChecked();
  } finally {
    await stopHost(host);
  }
});
