// The staff journey in demo mode: the embedded emulator and the simulated reader, real services.
import { CapturePage } from './pages/capture-page';
import { HomePage } from './pages/home-page';
import { ReceiptPage } from './pages/receipt-page';
import { ResultsPage } from './pages/results-page';
import { ReviewPage } from './pages/review-page';
import { SignInPage } from './pages/sign-in-page';
import { expect, test } from './fixtures';

const screens = 'test-results/screens';

test('demo: sign in, scan a passport, review, submit, and read the result', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  const signIn = new SignInPage(page);
  await signIn.expectShown();
  await page.screenshot({ path: `${screens}/sign-in.png` });
  await signIn.signInAs('Demo Receptionist', '1234');
  const home = new HomePage(page);
  await home.expectShown();
  await page.screenshot({ path: `${screens}/home-signed-in.png` });

  await home.open('newCheck');
  const capture = new CapturePage(page);
  await capture.begin('passport');
  await capture.scan();
  await capture.expectMrzField('documentNumber', true);
  await page.screenshot({ path: `${screens}/capture-scan.png` });
  const review = new ReviewPage(page);
  await review.expectShown();
  await page.screenshot({ path: `${screens}/review.png` });
  await review.continueToDetails();
  await review.confirmPerson(true);
  await review.submit();
  const receipt = new ReceiptPage(page);
  await receipt.expectShown();
  const reference = await receipt.localReference();
  await page.screenshot({ path: `${screens}/receipt.png` });
  await receipt.finish();
  await home.expectShown();

  await home.open('results');
  const results = new ResultsPage(page);
  await results.expectShown();
  await expect(results.list.getByText(reference)).toBeVisible({ timeout: 60_000 });
  await results.open(reference);
  await results.expectVerdict('accepted', 60_000);
  await page.screenshot({ path: `${screens}/result-detail.png`, fullPage: true });
});
