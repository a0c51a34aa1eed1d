// Document-level custom fields end to end (issue 10 §5), demo mode: the embedded emulator defines
// BadgeNumber (slot 0) beside the capture marker's slot 9 (RAW-API §15.1). The details stage asks
// it of the document (the marker never shows), saves it, the check is submitted with it, and the
// result detail shows the value TrustID kept.
import WebSocket from 'ws';
import { expect, test } from './fixtures';
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReceiptPage } from './pages/receipt-page';
import { ResultsPage } from './pages/results-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';

const screens = 'test-results/screens';

/** Switches the kiosk's language from a second authorised client, as an administrator would. */
async function setLanguage(url: string, port: number, language: 'en' | 'cy'): Promise<void> {
  const secret = new URL(url).hash.slice('#k='.length);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/contract`, ['scan-station.v1', `k.${secret}`], { origin: `http://127.0.0.1:${port}` });
  await new Promise((resolve) => ws.once('open', resolve));
  const ask = (id: number, channel: string, payload?: unknown) =>
    new Promise<{ ok: boolean; value?: { settings: Record<string, unknown> } }>((resolve) => {
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { id?: number; envelope?: { ok: boolean; value?: { settings: Record<string, unknown> } } };
        if (m.id === id) resolve(m.envelope!);
      });
      ws.send(JSON.stringify({ id, channel, ...(payload === undefined ? {} : { payload }) }));
    });
  const view = await ask(1, 'settings.get');
  expect((await ask(2, 'settings.update', { ...view.value!.settings, language })).ok).toBe(true);
  ws.close();
}

test('document details are asked per document at review, in English and Welsh, and go with the check', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  // The administrator may change the language for the Welsh screenshots; the journey is the same.
  await new SignInPage(page).signInAs('Demo Administrator', '9999');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  await capture.scan();
  const review = new ReviewPage(page);
  await review.expectShown();
  await review.continueToDetails();

  const form = page.getByTestId('document-fields-0');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('field-KioskCaptureRef')).toHaveCount(0);
  // Submit lists nothing about the optional badge; a wrong value never reaches the draft.
  await form.getByTestId('field-BadgeNumber').fill('B-2047');
  await form.getByTestId('save-document-fields-0').click();
  await expect(form.getByRole('status')).toHaveText('Details saved.');

  for (const lang of ['en', 'cy'] as const) {
    if (lang === 'cy') {
      await setLanguage(host.url, host.port, 'cy');
      await expect(page.getByRole('heading', { name: 'Manylion y ddogfen' })).toBeVisible();
    }
    for (const [width, height] of [[1280, 800], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      await form.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screens}/document-fields-${width}x${height}-${lang}.png` });
    }
  }
  await setLanguage(host.url, host.port, 'en');
  await review.confirmPerson(true);
  await review.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  const reference = await receipt.localReference();
  await receipt.finish();

  // The value went with the document: TrustID (the emulator) returns it, and the result shows it.
  await home.expectShown();
  await home.open('results');
  const results = new ResultsPage(page);
  await results.expectShown();
  await expect(results.list.getByText(reference)).toBeVisible({ timeout: 60_000 });
  await results.open(reference);
  await expect(results.documentVerdict(0)).toContainText('B-2047', { timeout: 60_000 });
  await expect(results.documentVerdict(0)).not.toContainText(':0');
  for (const lang of ['en', 'cy'] as const) {
    if (lang === 'cy') await setLanguage(host.url, host.port, 'cy');
    for (const [width, height] of [[1280, 800], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      await results.documentVerdict(0).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screens}/result-document-fields-${width}x${height}-${lang}.png` });
    }
  }
});
