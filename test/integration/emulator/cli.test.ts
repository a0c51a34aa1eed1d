// The standalone CLI (main/demo/emulator-main.ts): one JSON line on stdout that is enough to
// drive it, a working API behind it, state carried across a restart, and clear refusals of bad
// flags.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'main', 'demo', 'emulator-main.ts');

type Summary = { baseUrl: string; controlUrl?: string; apiKey: string; users: { username: string; password: string; branch: string; archiveVisibility: string }[] };

const children: ChildProcess[] = [];

function launch(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exit: Promise<number | null>; stderr: () => string } {
  // node --import tsx keeps it one process, so a kill reaches the emulator itself (the tsx
  // binary would leave its child running).
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.once('exit', () => reject(new Error(`exited before printing: ${stderr}`)));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, firstLine, exit, stderr: () => stderr };
}

async function stop(child: ChildProcess, exit: Promise<number | null>): Promise<number | null> {
  child.kill('SIGTERM');
  return exit;
}

describe('emulator CLI', () => {
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints one JSON line with the base URL, API key and seeded users, and serves the API', async () => {
    const run = launch(['--port', '0', '--controls']);
    const summary = JSON.parse(await run.firstLine) as Summary;
    expect(summary.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/VPE\/$/);
    expect(summary.controlUrl).toBe(summary.baseUrl.replace('/VPE/', '/__emulator/'));
    expect(summary.apiKey).toBe('emulator-key');
    expect(summary.users.map((user) => [user.username, user.branch, user.archiveVisibility])).toEqual([
      ['demo.admin', 'Reception', 'Organisation'],
      ['demo.frontdesk', 'Reception', 'Branch'],
      ['demo.kiosk', 'Reception', 'User'],
      ['demo.backoffice', 'Back Office', 'Branch'],
    ]);
    const admin = summary.users[0];
    const login = await fetch(`${summary.baseUrl}session/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': summary.apiKey },
      body: JSON.stringify({ DeviceId: 'cli-test', Username: admin?.username, Password: admin?.password }),
    });
    expect(((await login.json()) as { Success: boolean }).Success).toBe(true);
    expect((await fetch(`${summary.controlUrl}containers`)).status).toBe(200);
    expect(await stop(run.child, run.exit)).toBe(0);
  });

  it('keeps its state in --state-file across a restart on the same port', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
    try {
      const stateFile = path.join(dir, 'state.json');
      const first = launch(['--port', '0', '--controls', '--state-file', stateFile]);
      const summary = JSON.parse(await first.firstLine) as Summary;
      const user = summary.users[2];
      const login = await fetch(`${summary.baseUrl}session/login/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tid-api-key': summary.apiKey },
        body: JSON.stringify({ DeviceId: 'cli-test', Username: user?.username, Password: user?.password }),
      });
      const sessionId = ((await login.json()) as { SessionId: string }).SessionId;
      const created = await fetch(`${summary.baseUrl}dataAccess/createDocumentContainer/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tid-api-key': summary.apiKey },
        body: JSON.stringify({ DeviceId: 'cli-test', SessionId: sessionId, ClientApplicationReference: 'cli-ref' }),
      });
      expect(((await created.json()) as { Success: boolean }).Success).toBe(true);
      // A crash, not a clean stop.
      first.child.kill('SIGKILL');
      await first.exit;

      const port = new URL(summary.baseUrl).port;
      const second = launch(['--port', port, '--controls', '--state-file', stateFile]);
      expect((JSON.parse(await second.firstLine) as Summary).baseUrl).toBe(summary.baseUrl);
      const listed = (await (await fetch(`${summary.controlUrl}containers?clientApplicationReference=cli-ref`)).json()) as { containers: unknown[] };
      expect(listed.containers).toHaveLength(1);
      await stop(second.child, second.exit);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes each unknown-property warning to stderr as one JSON line, never the values', async () => {
    const run = launch(['--port', '0']);
    const summary = JSON.parse(await run.firstLine) as Summary;
    const user = summary.users[1];
    // "Usernme" is misspelt: TrustID ignores it silently (§1.5), the emulator names it.
    const answer = await fetch(`${summary.baseUrl}session/login/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'tid-api-key': summary.apiKey },
      body: JSON.stringify({ DeviceId: 'cli-test', Username: user?.username, Password: user?.password, Usernme: 'secret-looking-value', Extra: 1 }),
    });
    expect(((await answer.json()) as { Success: boolean }).Success).toBe(true);
    const warning = async () => {
      for (let i = 0; i < 100 && !run.stderr().includes('ignoredFields'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return run.stderr();
    };
    const lines = (await warning()).split('\n').filter((line) => line.includes('ignoredFields'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, operation: 'session/login', ignoredFields: ['Usernme', 'Extra'] });
    expect(run.stderr()).not.toContain('secret-looking-value');
    expect(run.stderr()).not.toContain(user!.password);
    expect(await stop(run.child, run.exit)).toBe(0);
  });

  it('refuses unknown flags and bad values with a usage line and exit code 2', async () => {
    const runs = [['--port', 'eighty'], ['--bogus'], ['--clock', 'slow']].map((args) => launch(args));
    for (const run of runs) run.firstLine.catch(() => undefined);
    expect(await Promise.all(runs.map((run) => run.exit))).toEqual([2, 2, 2]);
    for (const run of runs) expect(run.stderr()).toMatch(/Usage: emulator-main/);
  });

  it('serves the application flexible fields given in --flexible-fields instead of the seeded ones, and refuses a bad file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-cli-'));
    try {
      const file = path.join(dir, 'fields.json');
      const host = { id: '33333333-0000-4000-8000-000000000001', flexibleFieldId: '33333333-0000-4000-8000-0000000000a1', name: 'HostName', displayName: 'Host', dataType: 1, mandatory: true, helpText: null, orderIndex: 1 };
      fs.writeFileSync(file, JSON.stringify([host]));
      const run = launch(['--port', '0', '--flexible-fields', file]);
      const summary = JSON.parse(await run.firstLine) as Summary;
      const user = summary.users[2];
      const post = async (op: string, body: object) =>
        (await (
          await fetch(`${summary.baseUrl}${op}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'tid-api-key': summary.apiKey }, body: JSON.stringify({ DeviceId: 'cli-test', ...body }) })
        ).json()) as Record<string, unknown>;
      const { SessionId } = await post('session/login', { Username: user?.username, Password: user?.password });
      const form = (await post('dataAccess/applicationFlexibleFieldAttributes', { SessionId })) as { ApplicationFlexibleFields: Array<{ Id: string; DisplayName: string; Mandatory: boolean }> };
      expect(form.ApplicationFlexibleFields.map((f) => [f.Id, f.DisplayName, f.Mandatory])).toEqual([[host.id, 'Host', true]]);
      // The field is mandatory there: a container without it is refused (RAW-API §4.1).
      expect((await post('dataAccess/createDocumentContainer', { SessionId })).Success).toBe(false);
      await stop(run.child, run.exit);

      fs.writeFileSync(file, '{"not": "a list"}');
      const bad = launch(['--port', '0', '--flexible-fields', file]);
      bad.firstLine.catch(() => undefined);
      expect(await bad.exit).toBe(2);
      expect(bad.stderr()).toMatch(/--flexible-fields needs a file holding a JSON array/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
