// A webcam desk: Chromium's fake camera plays a Y4M of the specimen passport; the still goes to main
// through camera.submitStill, is checked as a real JPEG, and fills the capture step. The panel tells
// main the camera is ready (camera.reportState), and takes a still when main asks for one
// (camera.captureRequested).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localIsoDay } from '../../main/devices/mrz/mrz-dates';
import { writeSpecimenY4m } from '../../main/demo/simulated-reader/y4m-writer';
import { chromiumArgs } from '../../playwright.config';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import type { Page } from '@playwright/test';
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';
import { callContract } from './support/contract-client';
import { setLanguage } from './support/set-language';

const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-camera-')), 'specimen.y4m');

test.use({
  launchOptions: {
    executablePath: process.env.SCAN_STATION_BROWSER ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

async function shoot(page: Page, lang: 'en' | 'cy'): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // The main button is on screen without scrolling, at both desk sizes.
    await expect(page.getByTestId('camera-take')).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/camera-${size.width}x${size.height}-${lang}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

let host: HostInfo;
test.beforeAll(async () => {
  await writeSpecimenY4m(video, { specimensDir: path.resolve('resources/specimens'), today: localIsoDay(new Date()), width: 1280, height: 720, fps: 5, seconds: 1 });
});
// A host each: each test starts its own check on a fresh desk.
test.beforeEach(async () => {
  host = await startHost({ settings: { devices: [{ id: 'desk-camera', kind: 'camera', label: 'Desk camera', options: {} }] } });
});
test.afterEach(async () => stopHost(host));

/** Signed in, a passport check begun, the camera live; main has been told it is ready. */
async function openCamera(page: Page, who: 'receptionist' | 'administrator' = 'receptionist'): Promise<CapturePage> {
  await page.goto(host.url);
  const signIn = new SignInPage(page);
  if (who === 'receptionist') await signIn.signInAs('Demo Receptionist', '1234');
  else await signIn.signInAs('Demo Administrator', '9999');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-phase', 'live', { timeout: 15_000 });
  await expect.poll(async () => (await callContract(host, 'devices.list')).find((d) => d.id === 'desk-camera')?.status.state).toBe('ready');
  return capture;
}

test('a still from the webcam fills the capture step and can be reviewed', async ({ page }) => {
  // An administrator: the Welsh screenshots need the language changed (settings.update) meanwhile.
  const capture = await openCamera(page, 'administrator');
  await shoot(page, 'en');
  await setLanguage(host, 'cy');
  await expect(page.getByTestId('camera-take')).toHaveText('Tynnu llun');
  await shoot(page, 'cy');
  await setLanguage(host, 'en');
  await page.getByTestId('camera-take').click();
  // The only step of a passport on a camera desk is filled, so review opens on the still.
  const review = new ReviewPage(page);
  await review.expectShown();
  await review.expectImageLoaded();
  await capture.goToStage('scan');
  await capture.expectStepCaptured('front', 'white');
});

test('main asks the capture screen for a still, and the still fills the step', async ({ page }) => {
  const capture = await openCamera(page);
  // The Scan button's path for a camera: main sends camera.captureRequested, the panel answers it.
  await callContract(host, 'devices.trigger', { id: 'desk-camera' });
  await new ReviewPage(page).expectShown();
  await capture.goToStage('scan');
  await capture.expectStepCaptured('front', 'white');
});
