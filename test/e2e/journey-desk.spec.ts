// The staff journey at a real desk setup: a serial MRZ reader on a socat PTY, the SANE test backend
// as the image scanner, and the TrustID emulator in its own process as a custom environment.
import path from 'node:path';
import { PtyMrzWriter } from '../../main/demo/simulated-reader/pty-mrz-writer';
import { composeTd3 } from '../../main/devices/mrz/compose-mrz';
import { openPtyPair, type PtyPair } from '../fakes/pty';
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

test('desk: sign in with TrustID, MRZ from the serial reader, images from the scanner, submit, accepted', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  const signIn = new SignInPage(page);
  const frontdesk = emulator.users.find((u) => u.username === 'demo.frontdesk')!;
  await signIn.signInWithPassword(frontdesk.username, frontdesk.password);
  await signIn.skipOfflinePin();
  const home = new HomePage(page);
  await home.expectShown();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);

  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  const writer = await PtyMrzWriter.open(pty.b);
  await writer.sendDocument(passport(), { lineEnding: 'crlf' });
  await capture.expectMrzField('documentNumber', true);
  await capture.scan();
  await page.screenshot({ path: `${screens}/desk-capture.png` });
  const review = new ReviewPage(page);
  await review.expectShown(60_000);
  await review.continueToDetails();
  await review.confirmPerson(true);
  await review.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  const reference = await receipt.localReference();
  await receipt.finish();
  await home.open('results');
  const results = new ResultsPage(page);
  await expect(results.list.getByText(reference)).toBeVisible({ timeout: 60_000 });
  await results.open(reference);
  await results.expectVerdict('accepted', 60_000);
  await writer.close();
});
