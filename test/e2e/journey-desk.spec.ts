// The staff journey at a real desk setup: a serial MRZ reader on a socat PTY, the SANE test backend
// as the image scanner, and the TrustID emulator in its own process as a custom environment.
import path from 'node:path';
import { PtyMrzWriter } from '../../main/demo/simulated-reader/pty-mrz-writer';
import { composeTd3 } from '../../main/devices/mrz/compose-mrz';
import { openPtyPair, type PtyPair } from '../fakes/pty';
import type { Page } from '@playwright/test';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReceiptPage } from './pages/receipt-page';
import { ResultsPage } from './pages/results-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';
import { provisionHome, startEmulatorProcess, type EmulatorProcess } from './support/trustid-desk';

const screens = 'test-results/screens';

/** A passport MRZ with valid check digits; the emulator judges it by expiry and surname. */
function passport(opts: { lastName?: string; expiryDate?: string } = {}): string[] {
  return composeTd3({
    documentCode: 'P<',
    issuingState: 'UTO',
    lastName: opts.lastName ?? 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    birthDate: '740812',
    sex: 'F',
    expiryDate: opts.expiryDate ?? '340815',
    optional: 'ZE184226B',
  });
}

let emulator: EmulatorProcess;
let pty: PtyPair;
let host: HostInfo;

test.beforeAll(async () => {
  emulator = await startEmulatorProcess();
  pty = await openPtyPair();
  const home = provisionHome(emulator, {
    settings: {
      accounts: { mode: 'personal' },
      devices: [
        { id: 'desk-reader', kind: 'serial', label: 'Desk MRZ reader', options: { path: pty.a } },
        { id: 'flatbed', kind: 'sane', label: 'Flatbed', options: { device: 'test:0', source: 'adf-duplex', resolution: 300 } },
      ],
    },
  });
  host = await startHost({ home, env: { SANE_CONFIG_DIR: path.resolve('resources/sane') } });
});

test.afterAll(async () => {
  await stopHost(host);
  await pty.close();
  await emulator.stop();
});

async function ensureSignedIn(page: Page): Promise<HomePage> {
  await page.goto(host.url);
  const home = new HomePage(page);
  const signIn = new SignInPage(page);
  await expect(signIn.screen.or(home.screen)).toBeVisible();
  if (await signIn.screen.isVisible()) {
    const frontdesk = emulator.users.find((u) => u.username === 'demo.frontdesk')!;
    await signIn.signInWithPassword(frontdesk.username, frontdesk.password);
    await signIn.skipOfflinePin();
  }
  await home.expectShown();
  return home;
}

/** New check → passport MRZ on the serial line → the scanner's page → review hook → submit. */
async function scanAndSubmit(page: Page, lines: string[], review?: (r: ReviewPage) => Promise<void>): Promise<{ reference: string; queued: boolean }> {
  const home = new HomePage(page);
  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  const writer = await PtyMrzWriter.open(pty.b);
  try {
    await writer.sendDocument(lines, { lineEnding: 'crlf' });
  } finally {
    await writer.close();
  }
  await capture.expectMrzField('documentNumber', true);
  await capture.scan();
  const reviewPage = new ReviewPage(page);
  await reviewPage.expectShown(60_000);
  if (review) await review(reviewPage);
  await reviewPage.continueToDetails();
  await reviewPage.confirmPerson(true);
  await reviewPage.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  const result = { reference: await receipt.localReference(), queued: await receipt.wasQueued() };
  await receipt.finish();
  return result;
}

async function openResult(page: Page, reference: string): Promise<ResultsPage> {
  const home = new HomePage(page);
  if (!(await home.screen.isVisible())) await home.goHome();
  await home.open('results');
  const results = new ResultsPage(page);
  await expect(results.list.getByText(reference)).toBeVisible({ timeout: 60_000 });
  await results.open(reference);
  return results;
}

test('a valid passport, reviewed (zoom, rotate, retake), is accepted', async ({ page }) => {
  test.setTimeout(180_000);
  const home = await ensureSignedIn(page);
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  const { reference, queued } = await scanAndSubmit(page, passport(), async (review) => {
    await review.zoomIn(2);
    await review.rotate();
    await page.screenshot({ path: `${screens}/desk-review.png` });
    await review.retake();
    await new CapturePage(page).scan();
    await review.expectShown(60_000);
  });
  expect(queued).toBe(false);
  await home.expectShown();
  const results = await openResult(page, reference);
  await results.expectVerdict('accepted', 60_000);
  await page.screenshot({ path: `${screens}/desk-result-accepted.png`, fullPage: true });
});

test('an expired passport fails, and the result says why', async ({ page }) => {
  test.setTimeout(180_000);
  await ensureSignedIn(page);
  const { reference } = await scanAndSubmit(page, passport({ expiryDate: '200101' }));
  const results = await openResult(page, reference);
  await results.expectVerdict('failed', 60_000);
  await expect(results.detail.getByText('The document is in date')).toBeVisible();
  await expect(results.detail.getByText(/expired on 2020-01-01/)).toBeVisible();
  await page.screenshot({ path: `${screens}/desk-result-failed.png`, fullPage: true });
});

test('a referred application shows as referred, then the experts’ verdict arrives', async ({ page }) => {
  test.setTimeout(180_000);
  await ensureSignedIn(page);
  const { reference } = await scanAndSubmit(page, passport({ lastName: 'REFER' }));
  const results = await openResult(page, reference);
  await results.expectVerdict('referred', 90_000);
  await page.screenshot({ path: `${screens}/desk-result-referred.png`, fullPage: true });
  const { containers } = (await emulator.control('containers')) as { containers: Array<{ containerId: string; referred: boolean; publishCount: number }> };
  const referred = containers.find((c) => c.referred && c.publishCount === 1)!;
  await emulator.control(`review/${referred.containerId}/complete`, { verdict: 1 });
  await results.expectVerdict('accepted', 90_000);
});

test('offline: a capture is saved and queued, then sent exactly once when TrustID is back', async ({ page }) => {
  test.setTimeout(240_000);
  const home = await ensureSignedIn(page);
  await emulator.stop();
  // Saved at once; the kiosk learns it is offline as its sends fail (SUBMISSION-PROTOCOL §8 gate).
  const { reference } = await scanAndSubmit(page, passport({ lastName: 'OFFLINE' }));
  await expect(home.syncPill).toContainText('Offline · 1 pending', { timeout: 90_000 });
  await page.screenshot({ path: `${screens}/desk-offline.png` });
  await emulator.start();
  await home.open('queue');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await home.expectSync(/Online · 0 pending/);
  const results = await openResult(page, reference);
  await results.expectVerdict('accepted', 90_000);
  // Exactly once: every application reference that reached TrustID was published once.
  const { counts } = (await emulator.control('publish-counts')) as { counts: Record<string, { containersPublished: number }> };
  expect(Object.values(counts).map((c) => c.containersPublished)).toEqual(Object.values(counts).map(() => 1));
});
