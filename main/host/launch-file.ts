// Hands the launched browser its one-time ticket without putting it on a command line (any local
// user can read those with `ps`, issue 12 §1): a tiny page in an owner-only file (0600, in the
// owner-only app folder) that forwards to the host with the ticket in the fragment. The browser,
// running as the kiosk user, can read it; other users cannot. Runs in main (plain Node).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type LaunchFile = {
  /** What goes on the browser's command line: a file:// address naming no secret. */
  fileUrl: string;
  file: string;
  /** Deletes the file (idempotent). */
  remove(): void;
};

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeLaunchFile(dir: string, urlWithTicket: string): LaunchFile {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `launch-${crypto.randomBytes(8).toString('hex')}.html`);
  // A meta refresh, not a script: nothing to allow, and no referrer leaves a file:// page.
  const page = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeAttribute(urlWithTicket)}"><title>Scan Station</title>\n`;
  // 'wx' refuses to follow or reuse anything already at this name.
  fs.writeFileSync(file, page, { mode: 0o600, flag: 'wx' });
  return {
    file,
    fileUrl: pathToFileURL(file).href,
    remove: () => fs.rmSync(file, { force: true }),
  };
}
