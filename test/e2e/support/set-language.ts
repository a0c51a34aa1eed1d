// Changes the app's language as an administrator's settings change would: a second contract client
// sends settings.update over the host's WebSocket. Runs in the Playwright test process.
import { expect } from '@playwright/test';
import WebSocket from 'ws';
import type { HostInfo } from '../fixtures';

export async function setLanguage(host: HostInfo, language: 'en' | 'cy'): Promise<void> {
  const secret = new URL(host.url).hash.slice('#k='.length);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, ['scan-station.v1', `k.${secret}`], { origin: `http://127.0.0.1:${host.port}` });
  await new Promise((resolve) => ws.once('open', resolve));
  const replies = new Map<number, { value: { settings: Record<string, unknown> } }>();
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { id?: number; envelope?: { value: { settings: Record<string, unknown> } } };
    if (m.id !== undefined && m.envelope) replies.set(m.id, m.envelope);
  });
  ws.send(JSON.stringify({ id: 1, channel: 'settings.get' }));
  await expect.poll(() => replies.has(1)).toBe(true);
  ws.send(JSON.stringify({ id: 2, channel: 'settings.update', payload: { ...replies.get(1)!.value.settings, language } }));
  await expect.poll(() => replies.has(2)).toBe(true);
  ws.close();
}
