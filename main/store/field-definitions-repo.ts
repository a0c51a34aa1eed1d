// The cached application form per TrustID account (issue 6 item 3): the custom field definitions last
// fetched from TrustID, so a kiosk that starts offline still shows the form. Definitions are account
// configuration, not personal data, so they are stored as plain JSON. Runs in main (plain Node).
import type { StoreContext } from './store-context';

export type CachedFieldDefinitions = {
  /** As the caller stored them; the caller checks their shape when it reads them back. */
  definitions: unknown[];
  fetchedAt: number;
};

export type FieldDefinitionsRepo = {
  /** The last definitions stored for the account, or null (never fetched, or unreadable). */
  get(accountId: string): CachedFieldDefinitions | null;
  /** Replaces the account's definitions. */
  put(accountId: string, definitions: readonly unknown[], fetchedAt: number): void;
};

const MAX_JSON_CHARS = 1_000_000;

export function createFieldDefinitionsRepo(ctx: StoreContext): FieldDefinitionsRepo {
  const db = ctx.db;
  const select = db.prepare('SELECT definitions, fetched_at FROM field_definitions WHERE account_id = ?');
  const upsert = db.prepare(
    `INSERT INTO field_definitions (account_id, definitions, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET definitions = excluded.definitions, fetched_at = excluded.fetched_at`,
  );
  return {
    get(accountId) {
      const row = select.get(accountId) as { definitions: string; fetched_at: number } | undefined;
      if (!row) return null;
      try {
        const parsed: unknown = JSON.parse(row.definitions);
        return Array.isArray(parsed) ? { definitions: parsed, fetchedAt: row.fetched_at } : null;
      } catch {
        ctx.log.warn({ accountId }, 'cached field definitions unreadable; they are fetched again when online');
        return null;
      }
    },
    put(accountId, definitions, fetchedAt) {
      const json = JSON.stringify(definitions);
      // A form this large is not a form; refusing keeps a hostile answer from filling the database.
      if (json.length > MAX_JSON_CHARS) throw new RangeError('field definitions too large to cache');
      upsert.run(accountId, json, Math.trunc(fetchedAt));
    },
  };
}
