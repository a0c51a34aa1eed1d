// Workflow 3, desk fulfilment, end to end (SUBMISSION-PROTOCOL §13, RAW-API §11.2): a back office
// prepares a queued application (emulator control call, as demo.admin); the desk, signed in as
// demo.frontdesk (Branch visibility, archive access), sees it in the Queued list by its field value,
// who prepared it and its age, picks it, scans a passport (serial MRZ reader on a socat PTY, SANE test
// flatbed), reviews and submits; the submitted screen follows it to the verdict, and TrustID holds that
// very container published once with exactly the document and image captured. A second host in Welsh
// shows the list with an entry being completed elsewhere. Screens at 1280×800 and 1024×768.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PtyMrzWriter } from '../../main/demo/simulated-reader/pty-mrz-writer';
import { composeTd3 } from '../../main/devices/mrz/compose-mrz';
import { openPtyPair, type PtyPair } from '../fakes/pty';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import { CapturePage } from './pages/capture-page';
import { QueuedPage } from './pages/queued-page';
import { ReviewPage } from './pages/review-page';
import { provisionHome, startEmulatorProcess, type EmulatorProcess } from './support/trustid-desk';

const screens = 'test-results/screens';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

type Summary = { containerId: string; publishCount: number; clientApplicationReference: string | null; documents: { images: number }[] };

let emulator: EmulatorProcess;
let pty: PtyPair;

test.beforeAll(async () => {
  emulator = await startEmulatorProcess();
  pty = await openPtyPair();
});

test.afterAll(async () => {
  await pty.close();
  await emulator.stop();
});

async function deskHost(language: 'en' | 'cy'): Promise<HostInfo> {
  const home = provisionHome(emulator, {
    kioskUser: 'demo.frontdesk',
    settings: {
      language,
      accounts: { mode: 'personal' },
      devices: [
        { id: 'desk-reader', kind: 'serial', label: 'Desk MRZ reader', options: { path: pty.a } },
        { id: 'flatbed', kind: 'sane', label: 'Flatbed', options: { device: 'test:0', source: 'adf-duplex', resolution: 300 } },
      ],
    },
  });
  return startHost({ home, env: { SANE_CONFIG_DIR: path.resolve('resources/sane') } });
}

/** Personal sign-in as demo.frontdesk; by the form's fields, so it reads the same in either language. */
async function signIn(page: Page, host: HostInfo): Promise<void> {
  const frontdesk = emulator.users.find((u) => u.username === 'demo.frontdesk')!;
  await page.goto(host.url);
  const form = page.getByTestId('sign-in-password');
  await form.locator('input:not([type=password])').first().fill(frontdesk.username);
  await form.locator('input[type=password]').first().fill(frontdesk.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('offline-pin-offer').getByRole('button', { name: /^(Not now|Dim nawr)$/ }).click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

async function openQueued(page: Page): Promise<QueuedPage> {
  await page.getByTestId('tile-queued').click();
  const queued = new QueuedPage(page);
  await queued.expectShown();
  return queued;
}

async function shoot(page: Page, name: string, lang: 'en' | 'cy'): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${screens}/${name}-${size.width}x${size.height}-${lang}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

/** Picks the entry by its label, reads the passport on the serial line, scans, and goes to Submit. */
async function captureInto(page: Page, label: string, containerId: string): Promise<ReviewPage> {
  await page.getByTestId(`queued-pick-${containerId}`).click();
  await page.getByTestId(`queued-types-${containerId}`).getByTestId('type-passport').click();
  await expect(page.getByTestId('capture-queued')).toContainText(label);
  const writer = await PtyMrzWriter.open(pty.b);
  try {
    await writer.sendDocument(PASSPORT, { lineEnding: 'crlf' });
  } finally {
    await writer.close();
  }
  const capture = new CapturePage(page);
  await capture.expectMrzField('documentNumber', true);
  await capture.scan();
  const review = new ReviewPage(page);
  await review.expectShown(60_000);
  return review;
}

const PASSPORT = composeTd3({
  documentCode: 'P<',
  issuingState: 'UTO',
  lastName: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  birthDate: '740812',
  sex: 'F',
  expiryDate: '340815',
  optional: 'ZE184226B',
});

/**
 * Someone else sends the queued application while the visitor is still at the desk: the capture is
 * submitted, nothing goes to TrustID twice, and the Queue screen says so in plain words.
 */
async function filledElsewhereMeanwhile(page: Page, lang: 'en' | 'cy', label: string, containerId: string): Promise<void> {
  await captureInto(page, label, containerId);
  await emulator.control(`queued/${containerId}/submit`, {});
  await page.getByTestId('stage-details').click();
  await page.getByTestId('person-yes').click();
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('frame-home').click();
  await page.getByTestId('tile-queue').click();
  const attention = page.getByTestId('queue-attention');
  await expect(attention).toContainText(lang === 'en' ? 'Sent by someone else' : 'Wedi’i anfon gan rywun arall', { timeout: 60_000 });
  await shoot(page, 'queued-completed-elsewhere', lang);
  const c = (await containers()).find((x) => x.containerId === containerId)!;
  // Published once, by the other party; the kiosk added nothing to it.
  expect(c.publishCount).toBe(1);
  expect(c.documents).toHaveLength(1);
}

async function containers(): Promise<Summary[]> {
  return ((await emulator.control('containers')) as { containers: Summary[] }).containers;
}

test('a queued application prepared by the back office is picked, captured and published once into that very container', async ({ page }) => {
  test.setTimeout(240_000);
  const { containerId } = (await emulator.control('elsewhere/queued', { username: 'demo.admin', values: { VisitorReference: 'B-1042' } })) as { containerId: string };
  const host = await deskHost('en');
  try {
    await signIn(page, host);
    const queued = await openQueued(page);
    const item = queued.item('B-1042');
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(item).toContainText('Prepared by');
    await expect(page.getByTestId('queued-own-only')).toHaveCount(0);
    // The primary action is on screen without scrolling at the smaller size too.
    await page.setViewportSize(SIZES[1]);
    await expect(item.getByRole('button', { name: 'Capture documents for B-1042' })).toBeInViewport();
    await page.setViewportSize(SIZES[0]);
    await shoot(page, 'queued-list', 'en');

    const review = await captureInto(page, 'B-1042', containerId);
    await shoot(page, 'queued-capture-review', 'en');
    await review.continueToDetails();
    await review.confirmPerson(true);
    await review.submit();

    await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('submitted-verdict')).toBeVisible({ timeout: 120_000 });
    await shoot(page, 'queued-verdict', 'en');

    // TrustID: that container, published once, with exactly the one document and its one image;
    // no container of its own was made for the capture.
    const all = await containers();
    const filled = all.find((c) => c.containerId === containerId)!;
    expect(filled.publishCount).toBe(1);
    expect(filled.documents.map((d) => d.images)).toEqual([1]);
    expect(all.filter((c) => c.containerId !== containerId && c.publishCount > 0)).toEqual([]);

    await page.getByTestId('finish').click();
    const { containerId: raced } = (await emulator.control('elsewhere/queued', { username: 'demo.admin', values: { VisitorReference: 'E-5000' } })) as { containerId: string };
    await page.getByTestId('tile-queued').click();
    await expect(page.getByTestId(`queued-${raced}`)).toBeVisible({ timeout: 30_000 });
    await filledElsewhereMeanwhile(page, 'en', 'E-5000', raced);
  } finally {
    await stopHost(host);
  }
});

test('in Welsh the list shows who prepared each application and one being completed elsewhere, which cannot be picked', async ({ page }) => {
  test.setTimeout(180_000);
  const { containerId: waiting } = (await emulator.control('elsewhere/queued', { username: 'demo.admin', values: { VisitorReference: 'C-2077' } })) as { containerId: string };
  const { containerId: started } = (await emulator.control('elsewhere/queued', { username: 'demo.admin', values: { VisitorReference: 'D-3100' } })) as { containerId: string };
  await emulator.control(`containers/${started}/documents`, {});
  const host = await deskHost('cy');
  try {
    await signIn(page, host);
    await openQueued(page);
    await expect(page.getByTestId(`queued-${waiting}`)).toContainText('Paratowyd gan', { timeout: 30_000 });
    // The age in Welsh words too (Chromium has no Welsh relative-time data of its own).
    await expect(page.getByTestId(`queued-${waiting}`)).toContainText(/yn ôl|newydd ei baratoi/);
    const busy = page.getByTestId(`queued-${started}`);
    await expect(busy).toContainText('Yn cael ei gwblhau yn rhywle arall');
    await expect(busy.getByRole('button')).toHaveCount(0);
    await shoot(page, 'queued-list', 'cy');
    await filledElsewhereMeanwhile(page, 'cy', 'C-2077', waiting);
  } finally {
    await stopHost(host);
  }
});
