// Screenshots staff would see, at the two desk sizes and in both languages, saved as
// test-results/screens/<name>-<w>x<h>-<lang>.png; and the checks every screen must pass: no raw
// i18n keys, no horizontal overflow. Runs in the Playwright test process.
import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;
export type Lang = 'en' | 'cy';

export const SCREENS_DIR = 'test-results/screens';

export async function shoot(page: Page, name: string, lang: Lang): Promise<string> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const { width, height } = page.viewportSize()!;
  const file = `${SCREENS_DIR}/${name}-${width}x${height}-${lang}.png`;
  await page.screenshot({ path: file });
  return file;
}

/** A raw key looks like `settings.secrets.unavailable`: words joined by dots, no spaces. */
const RAW_KEY = /\b(?:frame|mode|health|home|sync|idle|session|components|errors|mainErrors|capture|guest|queue|queued|queuedPrepare|results|settings|signIn|disk|format)\.[A-Za-z][\w-]*(?:\.[\w-]+)*\b/;

export async function expectPlainWords(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(RAW_KEY.exec(text)?.[0], 'raw i18n key on screen').toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);
}

export async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Appends a measured figure to test-results/screens/heights.jsonl (read for the closing note). */
export function recordHeight(screen: string, size: { width: number; height: number }, lang: Lang, height: number): void {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  fs.appendFileSync(`${SCREENS_DIR}/heights.jsonl`, `${JSON.stringify({ screen, size: `${size.width}x${size.height}`, lang, height })}\n`);
}
