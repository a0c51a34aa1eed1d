// The results inbox in demo mode (issue 10 workflow 2): an application made elsewhere on the demo
// account arrives over the first minute, shows in the inbox with TrustID's reading of the name, its
// origin and its state in plain words, is found by name and by reference, and opens in the one
// detail screen. Screenshots at 1280×800 and 1024×768, in English and Welsh.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HomePage } from './pages/home-page';
import { ResultsPage } from './pages/results-page';
import { SignInPage } from './pages/sign-in-page';
import { setLanguage } from './support/set-language';

const screens = 'test-results/screens';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

async function shoot(page: Page, name: string, lang: 'en' | 'cy'): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${screens}/${name}-${size.width}x${size.height}-${lang}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

/** The first application made elsewhere, once the demo's arrival has been polled and judged. */
async function elsewhereRow(page: Page) {
  const row = page.locator('[data-testid^="result-"][data-origin="elsewhere"][data-state="result_ready"]').first();
  // The demo's first arrival comes ~20 s after start; the inbox looks for it at once.
  await expect(row).toBeVisible({ timeout: 60_000 });
  return row;
}

test('demo: an application made elsewhere arrives in the inbox, is found by name and reference, and opens in detail (English, then Welsh)', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(SIZES[0]);
  await page.goto(host.url);
  await new SignInPage(page).signInAs('Demo Administrator', '9999');
  const home = new HomePage(page);
  await home.expectShown();
  await home.open('results');
  const results = new ResultsPage(page);
  await results.expectShown();

  const row = await elsewhereRow(page);
  await expect(row).toContainText('Made elsewhere');
  // TrustID's reading of the holder's name, never "Name not read".
  await expect(row).toContainText('EXAMPLE');
  await expect(results.list).not.toContainText('Name not read');
  await expect(page.getByTestId('results-own-records')).toHaveCount(0);
  await shoot(page, 'results-inbox', 'en');

  const reference = (await row.locator('.result-reference').textContent())!.trim();
  await results.search({ name: 'example' });
  await expect(results.rows()).toHaveCount(1);
  await results.search({ name: reference.slice(0, 8).toLowerCase() });
  await expect(results.row(reference)).toBeVisible();
  await results.search({ name: 'nobody-by-this-name' });
  await expect(page.getByTestId('results-empty')).toBeVisible();
  await page.getByTestId('results-name').fill('');
  await page.getByTestId('results-origin').selectOption('elsewhere');
  await page.getByTestId('results-submit').click();
  await expect(page.locator('[data-testid^="result-"][data-origin="elsewhere"]').first()).toBeVisible();
  await expect(page.locator('[data-testid^="result-"][data-origin="kiosk"]')).toHaveCount(0);

  await page.locator('[data-testid^="result-"][data-origin="elsewhere"]').first().click();
  await expect(results.overall).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('result-meta')).toContainText('Started: Made elsewhere');
  await expect(page.getByTestId('result-meta')).toContainText(reference);
  await expect(page.getByTestId('result-document-0')).toBeVisible();
  await shoot(page, 'result-detail-elsewhere', 'en');

  // The same screens in Welsh.
  await home.goHome();
  await setLanguage(host, 'cy');
  await page.getByTestId('tile-results').click();
  const cyRow = await elsewhereRow(page);
  await expect(cyRow).toContainText('O fan arall');
  await expect(page.getByTestId('results-count')).toContainText('Ceisiadau a ganfuwyd');
  await shoot(page, 'results-inbox', 'cy');
  await cyRow.click();
  await expect(page.getByTestId('result-overall')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('result-meta')).toContainText('Dechreuwyd: O fan arall');
  await shoot(page, 'result-detail-elsewhere', 'cy');
});
