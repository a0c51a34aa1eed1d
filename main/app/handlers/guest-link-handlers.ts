// Handlers for guest links and queued applications prepared at the desk: the form's values checked
// against the account's application form, the records created and listed through the results
// service, and the demo-only "complete as the guest" control. Runs in main (plain Node).
import type { GuestLinkView, QueuedCreateView } from '../../../preload/contract';
import { AppError } from '../../app-error';
import { applicationFieldsOf } from '../../capture/capture-input';
import { mergeFieldValues, type FormField } from '../../capture/field-values';
import { guestLinkView, queuedCreateView } from '../../results/remote-create-views';
import type { RemoteCreateRecord } from '../../store/remote-creates-repo';
import type { Dispatcher } from '../dispatcher';
import type { AppServices } from '../services/app-services';

/**
 * The values staff typed, checked against the account's form: each value must fit its field
 * (named, never echoed) and every mandatory field must be filled (RAW-API §11.1, §12.1).
 */
export function checkedFieldValues(values: Readonly<Record<string, string>>, definitions: readonly FormField[]) {
  const merged = mergeFieldValues({}, values, definitions);
  const missing = definitions.filter((d) => d.required && d.kind !== 'boolean' && !(merged[d.id] ?? '').trim());
  if (missing.length > 0) {
    throw new AppError('guest.field-required', `Fill in “${missing[0]!.label}”: TrustID requires it.`, { params: { field: missing[0]!.label } });
  }
  const fields = applicationFieldsOf(merged, definitions);
  const labels = Object.fromEntries(definitions.filter((d) => merged[d.id] !== undefined).map((d) => [d.id, d.label]));
  return { fields, labels };
}

export function registerGuestLinkHandlers(dispatcher: Dispatcher, services: AppServices): void {
  const { remoteCreates, session, fieldDefinitions, trustid } = services;
  const demo = services.mode === 'demo';
  const who = () => {
    const s = session.current();
    if (!s) throw new AppError('session.signed-out', 'Sign in first.');
    return { accountId: s.accountId, staffId: s.staffId ?? null, actor: s.staffId ?? 'staff' };
  };
  const now = () => Date.now();
  // The inbox row of the container, so staff can open the result where every origin opens.
  const resultId = (rec: RemoteCreateRecord) => (rec.containerId ? (services.store.inbox.byContainer(rec.containerId)?.id ?? null) : null);
  const guest = (rec: RemoteCreateRecord): GuestLinkView => guestLinkView(rec, now(), demo, resultId(rec));
  const queued = (rec: RemoteCreateRecord): QueuedCreateView => queuedCreateView(rec, now(), resultId(rec));
  const own = (reference: string, kind: RemoteCreateRecord['kind']) => {
    const rec = remoteCreates.get(reference);
    if (rec === null || rec.kind !== kind || rec.accountId !== who().accountId) throw new AppError('guest.not-found', 'This record is no longer on this kiosk.');
    return rec;
  };

  dispatcher.handle('guest.create', async ({ name, email, sendEmail, fields }) => {
    const w = who();
    const checked = checkedFieldValues(fields, await fieldDefinitions.forAccount(w.accountId));
    return guest(await remoteCreates.createGuestLink({ name, email, sendEmail, fields: checked.fields, labels: checked.labels }, w));
  });
  dispatcher.handle('guest.list', () => {
    const { accountId } = who();
    remoteCreates.watch('guest_link', accountId);
    return remoteCreates.list('guest_link', accountId).map(guest);
  });
  dispatcher.handle('guest.revoke', async ({ reference }) => guest(await remoteCreates.revoke(own(reference, 'guest_link').reference, who().actor)));
  dispatcher.handle('guest.resolve', async ({ reference, action }) => guest(await remoteCreates.resolve(own(reference, 'guest_link').reference, action, who().actor)));
  dispatcher.handle('guest.completeAsGuest', async ({ reference }) => {
    // A demo control, never outside demo: it plays the guest on the embedded emulator.
    const emulator = trustid.emulator;
    if (!demo || emulator === null) throw new AppError('guest.demo-only', 'This is only available in demo mode.');
    const rec = own(reference, 'guest_link');
    if (rec.guestId === null || guest(rec).state !== 'waiting') throw new AppError('guest.not-waiting', 'This guest link is not waiting for its guest.');
    emulator.submitGuest(rec.guestId, { surname: 'GUEST' });
    return guest((await remoteCreates.checkNow(rec.reference)) ?? rec);
  });

  dispatcher.handle('queued.prepare', async ({ fields }) => {
    const w = who();
    const checked = checkedFieldValues(fields, await fieldDefinitions.forAccount(w.accountId));
    return queued(await remoteCreates.createQueued({ fields: checked.fields, labels: checked.labels }, w));
  });
  dispatcher.handle('queued.listPrepared', () => {
    const { accountId } = who();
    remoteCreates.watch('queued', accountId);
    return remoteCreates.list('queued', accountId).map(queued);
  });
  dispatcher.handle('queued.resolvePrepared', async ({ reference, action }) => queued(await remoteCreates.resolve(own(reference, 'queued').reference, action, who().actor)));
}
