// The emulator checks Host and Origin like the host does, so a web page rebinding its DNS name to
// 127.0.0.1 cannot read demo visitor data (issue 12 §1). Real emulator over real HTTP.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import { start } from './emulator-client';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(async () => {
  await emu.close();
});

/** node:http can set Host (fetch cannot: a forbidden header). */
function raw(path: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: emu.port, path, method, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const own = () => `127.0.0.1:${emu.port}`;
const login = JSON.stringify({ DeviceId: 'd', Username: 'demo.kiosk', Password: 'x' });

describe('emulator request guard', () => {
  it('refuses a rebinding Host on the API, the guest page and the controls, before doing anything', async () => {
    for (const [path, method] of [['/VPE/session/login/', 'POST'], ['/guest/abc', 'GET'], ['/__emulator/containers', 'GET']] as const) {
      for (const host of [`rebind.example:${emu.port}`, `localhost:${emu.port}`, '127.0.0.1']) {
        const answer = await raw(path, { host, 'content-type': 'application/json', 'tid-api-key': emu.apiKey }, method, method === 'POST' ? login : '');
        expect(answer, `${host} ${path}`).toEqual({ status: 421, text: 'wrong Host header\n' });
      }
    }
    // Nothing was logged as an API call: the request never reached the API.
    expect(emu.requests().some((r) => r.operation === 'login')).toBe(false);
  });

  it('refuses a cross-origin page, and lets a program (no Origin) and its own pages through', async () => {
    const headers = { host: own(), 'content-type': 'application/json', 'tid-api-key': emu.apiKey };
    expect((await raw('/VPE/session/login/', { ...headers, origin: 'http://evil.example' }, 'POST', login)).status).toBe(403);
    expect((await raw('/VPE/session/login/', { ...headers, origin: 'null' }, 'POST', login)).status).toBe(403);
    expect((await raw('/VPE/session/login/', headers, 'POST', login)).status).toBe(200);
    expect((await raw('/VPE/session/login/', { ...headers, origin: `http://${own()}` }, 'POST', login)).status).toBe(200);
  });
});
