// Application custom fields end to end (issue 6 item 3): the TrustID emulator (its own process)
// defines one required text field; the details stage shows it, Submit stays blocked until it is
// filled, and the application TrustID publishes carries the value. Desk setup as in
// journey-desk.spec.ts: serial MRZ reader on a socat PTY, SANE test backend, personal sign-in.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { PtyMrzWriter } from '../../main/demo/simulated-reader/pty-mrz-writer';
import { composeTd3 } from '../../main/devices/mrz/compose-mrz';
import { createTrustIdClient } from '../../main/trustid';
import { openPtyPair, type PtyPair } from '../fakes/pty';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReceiptPage } from './pages/receipt-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';
import { provisionHome, startEmulatorProcess, type EmulatorProcess } from './support/trustid-desk';

const screens = 'test-results/screens';

/** The account's one application flexible field, as the emulator is configured with it (RAW-API §7.8, §15.1). */
const HOST = {
  id: '44444444-0000-4000-8000-000000000001',
  flexibleFieldId: '44444444-0000-4000-8000-0000000000a1',
  name: 'HostName',
  displayName: 'Host',
  dataType: 1,
  mandatory: true,
  helpText: null,
  orderIndex: 1,
};
const HOST_VALUE = 'Dr Ngozi Abernethy-Ruiz';

let emulator: EmulatorProcess;
let pty: PtyPair;
let host: HostInfo;

test.beforeAll(async () => {
  emulator = await startEmulatorProcess({ flexibleFields: [HOST] });
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

test('a required custom field is shown, blocks Submit until filled, and reaches TrustID with the application', async ({ page }) => {
  test.setTimeout(180_000);
  const frontdesk = emulator.users.find((u) => u.username === 'demo.frontdesk')!;
  await page.goto(host.url);
  const signIn = new SignInPage(page);
  await signIn.signInWithPassword(frontdesk.username, frontdesk.password);
  await signIn.skipOfflinePin();
  const home = new HomePage(page);
  await home.expectShown();

  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  const writer = await PtyMrzWriter.open(pty.b);
  try {
    const mrz = composeTd3({
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
    await writer.sendDocument(mrz, { lineEnding: 'crlf' });
  } finally {
    await writer.close();
  }
  await capture.expectMrzField('documentNumber', true);
  await capture.scan();
  const review = new ReviewPage(page);
  await review.expectShown(60_000);
  await review.continueToDetails();
  await review.confirmPerson(true);

  // The account's form, fetched from TrustID: the one required field, and Submit waits for it.
  const field = page.getByTestId(`field-${HOST.flexibleFieldId}`);
  await expect(field).toBeVisible({ timeout: 30_000 });
  await expect(review.details.getByText('Host', { exact: false }).first()).toBeVisible();
  await expect(review.blockers).toContainText('Fill in “Host”.');
  await expect(review.submitButton).toBeDisabled();
  await page.screenshot({ path: `${screens}/desk-fields-required.png`, fullPage: true });

  await review.setField(HOST.flexibleFieldId, HOST_VALUE);
  await review.saveFields();
  await expect(review.blockers).toHaveCount(0);
  await page.screenshot({ path: `${screens}/desk-fields-filled.png`, fullPage: true });
  await review.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  expect(await receipt.wasQueued()).toBe(false);
  await receipt.finish();

  // TrustID's published application carries the value under the field's version id.
  let published: { containerId: string } | undefined;
  await expect
    .poll(
      async () => {
        const { containers } = (await emulator.control('containers')) as { containers: Array<{ containerId: string; publishCount: number }> };
        published = containers.find((c) => c.publishCount === 1);
        return published !== undefined;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ss-fields-reader-'));
  const reader = createTrustIdClient({
    baseUrl: emulator.origin,
    apiKey: emulator.apiKey,
    credentials: () => ({ username: frontdesk.username, password: frontdesk.password }),
    deviceIdFile: path.join(dir, 'device-id'),
  });
  try {
    const container = await reader.retrieveDocumentContainer({ containerId: published!.containerId });
    const values = (container.ApplicationFlexibleFieldList ?? []).map((t) => [t.m_Item2?.FlexibleFieldVersionId, t.m_Item2?.FieldValueString]);
    expect(values).toEqual([[HOST.id, HOST_VALUE]]);
  } finally {
    await reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
