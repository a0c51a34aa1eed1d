// The staff journey in demo mode: the embedded emulator and the simulated reader, real services.
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReceiptPage } from './pages/receipt-page';
import { ResultsPage } from './pages/results-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';
import { expect, test } from './fixtures';
import { GuestPage } from './pages/guest-page';
import { LockPage } from './pages/lock-page';
import { QueuePage } from './pages/queue-page';
import { SettingsPage } from './pages/settings-page';
import { expectAccessible } from './support/axe';

const screens = 'test-results/screens';

test('demo: sign in, scan a passport, review, submit, and read the result', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const signIn = new SignInPage(page);
  await signIn.expectShown();
  // A newcomer on `npm start` is told the demo PINs on the screen itself.
  await expect(page.getByTestId('demo-accounts-hint')).toContainText('1234');
  await page.screenshot({ path: `${screens}/sign-in.png` });
  await expectAccessible(page, 'sign-in');
  await signIn.signInAs('Demo Receptionist', '1234');
  const home = new HomePage(page);
  await home.expectShown();
  await page.screenshot({ path: `${screens}/home-signed-in.png` });
  await expectAccessible(page, 'home');

  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  await capture.scan();
  await capture.expectMrzField('documentNumber', true);
  await page.screenshot({ path: `${screens}/capture-scan.png` });
  await expectAccessible(page, 'capture');
  const review = new ReviewPage(page);
  await review.expectShown();
  await page.screenshot({ path: `${screens}/review.png` });
  await expectAccessible(page, 'review');
  await review.continueToDetails();
  await expectAccessible(page, 'details');
  await review.confirmPerson(true);
  await review.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  const reference = await receipt.localReference();
  await page.screenshot({ path: `${screens}/receipt.png` });
  await expectAccessible(page, 'receipt');
  await receipt.finish();
  await home.expectShown();

  await home.open('results');
  const results = new ResultsPage(page);
  await results.expectShown();
  await expect(results.list.getByText(reference)).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'results');
  await page.screenshot({ path: `${screens}/results.png` });
  await results.open(reference);
  await results.expectVerdict('accepted', 60_000);
  await page.screenshot({ path: `${screens}/result-detail.png`, fullPage: true });
  await expectAccessible(page, 'result detail');

  // Search: the surname finds it (through the keyed hash, never stored in plain text), another does not.
  await results.back();
  await results.search({ name: 'SPECIMEN' });
  await expect(results.list.getByText(reference)).toBeVisible();
  await results.search({ name: 'NOBODY' });
  await expect(results.list.getByText(reference)).toHaveCount(0);
});

test('demo: the queue, a guest link as a QR code and settings, each accessible', async ({ page, host }) => {
  await page.goto(host.url);
  await new SignInPage(page).signInAs('Demo Administrator', '9999');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('queue');
  await new QueuePage(page).expectShown();
  await expectAccessible(page, 'queue');
  await page.screenshot({ path: `${screens}/queue.png` });

  await home.goHome();
  await home.open('guest');
  const guest = new GuestPage(page);
  await guest.expectShown();
  const link = await guest.create('Ada Visitor', 'ada@example.org');
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/guest\//);
  await expectAccessible(page, 'guest link');
  await page.screenshot({ path: `${screens}/guest-link.png` });

  await home.goHome();
  await home.open('settings');
  await expect(new SettingsPage(page).screen).toBeVisible();
  await expectAccessible(page, 'settings');
  await page.screenshot({ path: `${screens}/settings.png`, fullPage: true });
});

test('demo: the idle lock mid-capture hides the visitor, and unlocking returns to the capture intact', async ({ page, host }) => {
  await page.clock.install();
  await page.goto(host.url);
  await new SignInPage(page).signInAs('Demo Receptionist', '1234');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  await capture.scan();
  // Wait for every image: once they are in, the screen moves on to review by itself, so the scan
  // stage is opened on purpose before the lock (not caught on its way out).
  await new ReviewPage(page).expectShown(30_000);
  await capture.goToStage('scan');
  await capture.expectMrzField('documentNumber', true);
  await expect(page.getByTestId('scan-stage')).toContainText('SPECIMEN');

  const lock = new LockPage(page);
  await page.clock.fastForward('03:05');
  await lock.expectWarning(10_000);
  await page.clock.fastForward('01:00');
  await lock.expectLocked(10_000);
  await expectAccessible(page, 'lock');
  await page.screenshot({ path: `${screens}/lock.png` });
  // Nothing of the visitor on the lock screen (the specimen's surname was on the capture screen).
  expect(await page.locator('body').innerText()).not.toContain('SPECIMEN');

  await lock.unlockWithPin('1234');
  await expect(page.getByTestId('capture-screen')).toBeVisible();
  await capture.goToStage('scan');
  await expect(capture.mrzField('documentNumber')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('scan-stage')).toContainText('SPECIMEN');
});
