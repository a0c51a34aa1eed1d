// Issue 12 §2 end to end: the host started with its home on a tiny tmpfs filled to the last block
// shows a plain "disk full" state with what to do (English and Welsh), and opens the sign-in screen
// by itself once space is freed, still warning that the disk is nearly full. Needs root to mount the tmpfs; skipped with the reason otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { expect, startHost, stopHost, test, type HostInfo } from './fixtures';
import { DiskFullPage } from './pages/disk-full-page';
import { SignInPage } from './pages/sign-in-page';
import { mountTinyDisk, type TinyDisk } from '../fakes/tiny-disk';

const screens = 'test-results/screens';
const texts = {
  en: { title: 'The disk is full', pill: 'Disk full' },
  cy: { title: 'Mae’r ddisg yn llawn', pill: 'Disg yn llawn' },
} as const;

for (const lang of ['en', 'cy'] as const) {
  test(`a host started on a full disk shows the disk-full state (${lang}) and recovers when space is freed`, async ({ page }) => {
    const mounted = mountTinyDisk(8);
    test.skip('skipped' in mounted, 'skipped' in mounted ? mounted.skipped : '');
    const disk = mounted as TinyDisk;
    let host: HostInfo | null = null;
    try {
      const home = path.join(disk.dir, 'home');
      fs.mkdirSync(home);
      // A 1 MB floor, so freeing the filler on an 8 MB disk is "room again".
      fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ language: lang, disk: { minFreeMb: 1 } }));
      disk.fill();
      host = await startHost({ home, env: { SCAN_STATION_DISK_CHECK_MS: '300' } });

      const full = new DiskFullPage(page);
      for (const [width, height] of [[1280, 800], [1024, 768]] as const) {
        await page.setViewportSize({ width, height });
        if (!page.url().startsWith('http')) await page.goto(host.url);
        await full.expectFull(texts[lang]);
        await page.screenshot({ path: `${screens}/disk-full-${width}x${height}-${lang}.png` });
      }

      disk.makeRoom();
      await new SignInPage(page).expectShown();
      // 8 MB is still little: the warning stays (below 3 × the floor, at least floor + 100 MB).
      await expect(full.notice).toHaveAttribute('data-state', 'low');
      await expect(full.pill).not.toHaveText(texts[lang].pill);
      await page.screenshot({ path: `${screens}/disk-low-1024x768-${lang}.png` });
    } finally {
      if (host) await stopHost(host);
      disk.unmount();
    }
  });
}
