// The page a guest link opens (RAW-API §12.3: LinkUrl = {emulatorBase}/guest/{GuestId}): a plain
// HTML form where a person, or a test, acts as the guest and submits. The result is never shown to
// the guest (§12). Runs wherever the emulator runs.
import type { OUTCOMES } from './config';
import type { Engine } from './engine';
import { ApiFailure } from './envelope';
import { findGuestLink, specimenMrz, submitAsGuest } from './handlers/guest-handlers';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}textarea{width:100%;font-family:monospace}label{display:block;margin-top:1rem}</style>
</head>
<body>
<p><strong>TrustID emulator</strong> (demo): nothing here is a real identity check.</p>
${body}
</body>
</html>`;
}

export type GuestPageReply = { status: number; html: string };

function usable(engine: Engine, guestId: string): string | null {
  const link = findGuestLink(engine, guestId);
  if (!link || link.deleted) return 'This link is not valid.';
  if (link.used) return 'This link has already been used.';
  if (engine.now() >= link.expiresAt || !engine.container(link.containerId)) return 'This link has expired.';
  return null;
}

export function guestPageGet(engine: Engine, guestId: string): GuestPageReply {
  engine.catchUp();
  const problem = usable(engine, guestId);
  if (problem) return { status: 410, html: page('Link not available', `<h1>Link not available</h1><p>${escapeHtml(problem)}</p>`) };
  const link = findGuestLink(engine, guestId);
  const example = specimenMrz(engine.now(), 'SAMPLE');
  const outcomes: (typeof OUTCOMES)[number][] = ['pass', 'fail', 'reject', 'refer'];
  return {
    status: 200,
    html: page(
      'Confirm your identity',
      `<h1>Confirm your identity</h1>
<p>Hello ${escapeHtml(link?.name ?? '')}. Enter the machine-readable zone of your document and submit.</p>
<form method="post" action="/guest/${escapeHtml(guestId)}">
<label for="mrz">Machine-readable zone (two lines of 44 characters, or three of 30)</label>
<textarea id="mrz" name="mrz" rows="3" cols="46">${escapeHtml(example)}</textarea>
<label for="outcome">Outcome to simulate (testing aid)</label>
<select id="outcome" name="outcome"><option value="auto" selected>Decide from the document</option>${outcomes
        .map((outcome) => `<option value="${outcome}">${outcome}</option>`)
        .join('')}</select>
<p><button type="submit">Submit</button></p>
</form>`,
    ),
  };
}

export function guestPagePost(engine: Engine, guestId: string, form: URLSearchParams): GuestPageReply {
  engine.catchUp();
  const outcome = form.get('outcome') ?? 'auto';
  if (!['auto', 'pass', 'fail', 'reject', 'refer'].includes(outcome)) return { status: 400, html: page('Not accepted', '<h1>Not accepted</h1><p>Unknown outcome.</p>') };
  const mrz = form.get('mrz')?.trim();
  try {
    submitAsGuest(engine, guestId, { outcome: outcome as 'auto', ...(mrz ? { mrz } : {}) });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { status: 410, html: page('Link not available', `<h1>Link not available</h1><p>${escapeHtml(error.message)}</p>`) };
  } finally {
    engine.catchUp();
  }
  return { status: 200, html: page('Thank you', '<h1>Thank you</h1><p>Your details have been sent. You can close this page.</p>') };
}
