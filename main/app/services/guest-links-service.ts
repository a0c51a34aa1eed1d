// Guest links (RAW-API §12): created under the signed-in account, shown as a QR code by the
// renderer. The list lives in memory for this run only (it holds visitors' names and e-mail
// addresses) and is cleared at sign-out. Runs in main (plain Node).
import type { GuestLink } from '../../../preload/contract';
import type { TrustIdClient } from '../../trustid';

export type GuestLinksService = {
  create(req: { name: string; email: string }, accountId: string): Promise<GuestLink>;
  list(): GuestLink[];
  clear(): void;
};

export function createGuestLinksService(opts: { clientFor(accountId: string): TrustIdClient; now(): number }): GuestLinksService {
  let links: GuestLink[] = [];
  return {
    async create({ name, email }, accountId) {
      // The kiosk shows the link as a QR code at the desk, so TrustID need not e-mail it.
      const made = await opts.clientFor(accountId).createGuestLink({ name, email, sendEmail: false });
      const link: GuestLink = { id: made.guestId, name, email, url: made.linkUrl, createdAt: opts.now(), state: 'open' };
      links = [link, ...links].slice(0, 50);
      return link;
    },
    list: () => links,
    clear() {
      links = [];
    },
  };
}
