// Every screen of the app, by id. A feature adds its screen here and its texts in its locales.ts.
import type { ComponentType } from 'react';
import { CaptureScreen } from '../features/capture/CaptureScreen';
import { GuestLinkScreen } from '../features/guest/GuestLinkScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { QueuedScreen } from '../features/queued/QueuedScreen';
import { QueuedPrepareScreen } from '../features/queued-prepare/QueuedPrepareScreen';
import { ResultDetailScreen } from '../features/results/ResultDetailScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import type { ScreenId } from './navigation-store';

export const screens: Record<ScreenId, ComponentType<{ params: Record<string, string> }>> = {
  'sign-in': SignInScreen,
  home: HomeScreen,
  capture: CaptureScreen,
  queue: QueueScreen,
  results: ResultsScreen,
  'result-detail': ResultDetailScreen,
  'guest-link': GuestLinkScreen,
  queued: QueuedScreen,
  queuedPrepare: QueuedPrepareScreen,
  settings: SettingsScreen,
};
