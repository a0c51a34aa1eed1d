// Shared set-up for the DOM tests that render the whole App: session views, a fresh set of
// stores, the App with a fake bridge installed.
import { act, cleanup, render } from '@testing-library/react';
import type { QueueSummary, SessionView } from '../../../preload/contract';
import { App } from '../../../renderer/src/App';
import { useNavigation } from '../../../renderer/src/app/navigation-store';
import { setBridge } from '../../../renderer/src/bridge';
import { setUpI18n } from '../../../renderer/src/i18n';
import { useAppStore } from '../../../renderer/src/stores/app-store';
import { useIdleStore } from '../../../renderer/src/stores/idle-store';
import { useQueueStore } from '../../../renderer/src/stores/queue-store';
import { useSessionStore } from '../../../renderer/src/stores/session-store';
import { useSettingsStore } from '../../../renderer/src/stores/settings-store';
import { fakeBridge, type FakeBridge } from '../../fakes/fake-bridge';

export function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    state: 'signed-in',
    accountMode: 'personal',
    staff: { id: 'st-1', displayName: 'Ana Staff', role: 'staff' },
    admin: false,
    adminPinSet: true,
    idleTimeoutSeconds: 180,
    idleWarningSeconds: 30,
    offlinePinSet: true,
    online: true,
    ...overrides,
  };
}

export const signedOut = (overrides: Partial<SessionView> = {}) => session({ state: 'signed-out', staff: null, ...overrides });

export function summary(overrides: Partial<QueueSummary> = {}): QueueSummary {
  return { connection: 'online', pending: 0, oldestPendingSeconds: null, syncing: null, actionNeeded: null, lastSyncAt: null, ...overrides };
}

export function resetStores(): void {
  cleanup();
  useNavigation.setState({ route: { screen: 'home', params: {} }, history: [] });
  useSessionStore.setState({ session: null, loadError: null, offerOfflinePin: false, lockPending: false });
  useQueueStore.setState({ summary: null, items: null, listError: null });
  useSettingsStore.setState({ view: null, loadError: null });
  useIdleStore.setState({ warning: false, secondsLeft: 0 });
  useAppStore.setState({ info: null, health: null, connection: 'connecting', notice: null, startError: null });
  setBridge(null);
}

let i18nReady = false;

/** Renders the whole App against a fake bridge answering `answers`; waits for the first loads. */
export async function renderApp(answers: Record<string, unknown>): Promise<FakeBridge> {
  if (!i18nReady) {
    setUpI18n('en');
    i18nReady = true;
  }
  const bridge = fakeBridge({ 'queue.summary': summary(), ...answers });
  setBridge(bridge);
  render(<App />);
  await flush();
  return bridge;
}

/** Lets pending bridge promises and the renders they cause settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(async () => undefined);
}

export const callsTo = (bridge: FakeBridge, channel: string) => bridge.calls.filter(([c]) => c === channel).map(([, payload]) => payload);
