// Changes the app's language as an administrator's settings change would: a second contract client
// sends settings.update over the host's WebSocket. Runs in the Playwright test process.
import type { HostInfo } from '../fixtures';
import { callContract } from './contract-client';

export async function setLanguage(host: HostInfo, language: 'en' | 'cy'): Promise<void> {
  const { settings } = await callContract(host, 'settings.get');
  await callContract(host, 'settings.update', { ...settings, language });
}
