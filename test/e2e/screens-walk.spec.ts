// Walks every screen of the app (the list in renderer/src/app/screens.tsx, so a screen added there
// is walked too, or this test says how to reach it is missing) in English and Welsh at both desk
// sizes, and fails on raw i18n keys, English left on Welsh screens, and hard-coded formats
// (month-first dates, "1 minutes"). Issue 11 §5. Runs in the Playwright test process.
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { startHost, stopHost, test } from './fixtures';
import { expectPlainWords, shoot, SIZES, type Lang } from './support/screens';

/** The screen ids, read from the one place screens are registered. */
function screenIds(): string[] {
  const source = fs.readFileSync('renderer/src/app/screens.tsx', 'utf8');
  const body = source.slice(source.indexOf('export const screens'));
  return [...body.matchAll(/^\s*'?([a-zA-Z][\w-]*)'?\s*:\s*[A-Z]\w*,?\s*$/gm)].map((m) => m[1]!);
}

/** How staff reach each screen from home (signed in as the demo administrator). */
const reach: Record<string, (page: Page) => Promise<void>> = {
  home: async () => undefined,
  capture: (page) => page.getByTestId('tile-newCheck').click(),
  queue: (page) => page.getByTestId('tile-queue').click(),
  results: (page) => page.getByTestId('tile-results').click(),
  'guest-link': (page) => page.getByTestId('tile-guest').click(),
  queued: (page) => page.getByTestId('tile-queued').click(),
  queuedPrepare: (page) => page.getByTestId('tile-queuedPrepare').click(),
  settings: (page) => page.getByTestId('tile-settings').click(),
};
/** Screens reached another way in this walk. */
const elsewhere: Record<string, string> = {
  'sign-in': 'walked signed out, first',
  'result-detail': 'needs a result: walked by the results journey specs (journey-demo), not here',
};

/** English that must not be left on a Welsh screen (people's and products' names aside). */
const ENGLISH = /\b(the|and|with|your|this|Save|Loading|Settings|Readers|Security|Language|Looking|Online|Offline|pending|Sign in|Home|Results|Queue|minutes?|seconds?)\b/;
const NAMES = /Demo (Administrator|Receptionist)|Scan Station|TrustID|English|Angela Specimen|Martin Specimen|DEMO/g;
/** Formats no screen may show: month-first dates, slashed dates, singular numbers with plural words. */
const HARD_CODED = [/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/, /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/, /\b1 (minutes|seconds|hours|days|munudau)\b/];

async function check(page: Page, name: string, lang: Lang): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expectPlainWords(page);
  const text = await page.locator('body').innerText();
  for (const format of HARD_CODED) expect(text, `${name}: hard-coded format`).not.toMatch(format);
  if (lang === 'cy') {
    const welsh = text.replace(NAMES, '');
    const found = ENGLISH.exec(welsh);
    const context = found ? welsh.slice(Math.max(0, found.index - 60), found.index + 60) : '';
    expect(found?.[0], `${name}: English left on a Welsh screen: …${context}…`).toBeUndefined();
  }
  await shoot(page, `walk-${name}`, lang);
}

test('every registered screen has a way to be walked', () => {
  const ids = screenIds();
  expect(ids.length).toBeGreaterThanOrEqual(9);
  for (const id of ids) expect(reach[id] ?? elsewhere[id], `no way to reach screen "${id}" in screens-walk.spec.ts`).toBeDefined();
});

for (const lang of ['en', 'cy'] as const) {
  test(`walk: every screen in ${lang === 'en' ? 'English' : 'Welsh'} at both desk sizes, plain words, no hard-coded formats`, async ({ page }) => {
    test.setTimeout(120_000);
    const host = await startHost({ settings: { language: lang } });
    try {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.goto(host.url);
        await expect(page.getByTestId('sign-in-screen')).toBeVisible();
        await check(page, 'sign-in', lang);
        await page.getByRole('button', { name: 'Demo Administrator', exact: true }).click();
        await page.getByTestId('sign-in-pin-input').fill('9999');
        await page.getByTestId('sign-in-pin-input').press('Enter');
        await expect(page.getByTestId('home-screen')).toBeVisible();
        for (const id of screenIds().filter((s) => reach[s])) {
          if (id !== 'home') await reach[id]!(page);
          await expect(page.locator('main h1').first()).toBeVisible();
          await check(page, id, lang);
          if (id !== 'home') await page.getByTestId('frame-home').click();
          await expect(page.getByTestId('home-screen')).toBeVisible();
        }
        await page.getByTestId('sign-out').click();
        await page.getByTestId('sign-out-dialog').getByRole('button').last().click();
      }
    } finally {
      await stopHost(host);
    }
  });
}
