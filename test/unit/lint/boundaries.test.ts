// The lint rules that keep the layout livable actually fire (DESIGN: rules that keep it livable).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it("refuses 'electron' in main outside index.ts and main/electron/", async () => {
    expect(await ruleIds('main/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toContain('no-restricted-imports');
    expect(await ruleIds('main/index.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toContain('no-restricted-imports');
  });

  it('refuses main/, node:* and electron in the renderer', async () => {
    for (const source of ["'node:fs'", "'fs'", "'electron'", "'../../main/app/dispatcher'", "'../main'"]) {
      expect(await ruleIds('renderer/src/x.ts', `import * as m from ${source};\nexport const a = m;\n`), source).toContain('no-restricted-imports');
    }
    expect(await ruleIds('renderer/src/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });

  it('keeps preload/contract runtime-agnostic: no node:*, Node modules, electron, main/ or renderer/', async () => {
    for (const source of ["'node:crypto'", "'fs'", "'ws'", "'electron'", "'../../main/app-error'", "'../../renderer/src/bridge'"]) {
      expect(await ruleIds('preload/contract/x.ts', `import * as m from ${source};\nexport const a = m;\n`), source).toContain('no-restricted-imports');
    }
    expect(await ruleIds('preload/contract/x.ts', "import { z } from 'zod';\nimport { ErrorCode } from './envelope';\nexport const a = [z, ErrorCode];\n")).toEqual([]);
  });

  it("keeps main's folders importing only downward, and demo/ a plug-in only app/ and the shells import", async () => {
    const layer = (file: string, source: string) => ruleIds(file, `import * as m from '${source}';\nexport const a = m;\n`);
    for (const [file, source] of <Array<[string, string]>>[
      ['main/capture/x.ts', '../app/dispatcher'],
      ['main/capture/x.ts', '../demo/simulated-reader/simulated-reader'],
      ['main/results/x.ts', '../demo/emulator'],
      ['main/store/x.ts', '../sync/submission-types'],
      ['main/store/x.ts', '../config/settings-file'],
      ['main/trustid/x.ts', '../sync/backoff'],
      ['main/capture/x.ts', '../results/result-view'],
      ['main/devices/x.ts', '../store/seal'],
      ['main/app-error.ts', './logging/logger'],
    ]) {
      expect(await layer(file, source), `${file} → ${source}`).toContain('layers/main-layers');
    }
    for (const [file, source] of <Array<[string, string]>>[
      ['main/app/services/x.ts', '../../demo/emulator'],
      ['main/host/x.ts', '../demo/emulator-main'],
      ['main/sync/x.ts', '../store/submission-records'],
      ['main/results/x.ts', '../sync/backoff'],
      ['main/store/x.ts', '../app-error'],
      ['main/capture/x.ts', './capture-draft'],
      ['main/demo/x.ts', '../devices/driver-registry'],
    ]) {
      expect(await layer(file, source), `${file} → ${source}`).not.toContain('layers/main-layers');
    }
  });
});
