// How the state of a guest link or a queued application is shown: its tone and whether something
// is still going on (a spinner). Renderer process; the words are in this feature's locales.
import type { RemoteCreateState } from '../../../../preload/contract';
import type { StatusTone } from '../../components/StatusBadge';

export const stateTone: Record<RemoteCreateState, StatusTone> = {
  creating: 'busy',
  checking: 'busy',
  'needs-attention': 'warn',
  refused: 'bad',
  discarded: 'neutral',
  waiting: 'info',
  'being-completed': 'busy',
  submitted: 'busy',
  referred: 'warn',
  result: 'ok',
  expired: 'neutral',
  revoking: 'busy',
  revoked: 'neutral',
  withdrawn: 'neutral',
};
