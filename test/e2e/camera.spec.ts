// A webcam desk: Chromium's fake camera plays a Y4M of the specimen passport; the still goes to main
// through camera.submitStill, is checked as a real JPEG, and fills the capture step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localIsoDay } from '../../main/devices/mrz/mrz-dates';
import { writeSpecimenY4m } from '../../main/demo/simulated-reader/y4m-writer';
import { chromiumArgs } from '../../playwright.config';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';

const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ss-camera-')), 'specimen.y4m');

test.use({
  launchOptions: {
    executablePath: process.env.SCAN_STATION_BROWSER ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

let host: HostInfo;
test.beforeAll(async () => {
  await writeSpecimenY4m(video, { specimensDir: path.resolve('resources/specimens'), today: localIsoDay(new Date()), width: 1280, height: 720, fps: 5, seconds: 1 });
  host = await startHost({ settings: { devices: [{ id: 'desk-camera', kind: 'camera', label: 'Desk camera', options: {} }] } });
});
test.afterAll(async () => stopHost(host));

test('a still from the webcam fills the capture step and can be reviewed', async ({ page }) => {
  await page.goto(host.url);
  await new SignInPage(page).signInAs('Demo Receptionist', '1234');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  const panel = page.getByTestId('camera-panel');
  await expect(panel).toHaveAttribute('data-phase', 'live', { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/screens/camera.png' });
  await page.getByTestId('camera-take').click();
  // The only step of a passport on a camera desk is filled, so review opens on the still.
  const review = new ReviewPage(page);
  await review.expectShown();
  await review.expectImageLoaded();
  await capture.goToStage('scan');
  await capture.expectStepCaptured('front', 'white');
});
