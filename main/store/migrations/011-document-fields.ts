// Migration 11: document-level custom field values (issue 10 §5, RAW-API §7.9). What staff filled in
// for one document goes in one sealed column on the document (personal, like its MRZ), cleared by the
// purge. The account's definitions share the field_definitions cache under a `doc:` key. Runs in main.
import type { Migration } from '../migrate';

export const documentFields: Migration = {
  version: 11,
  name: 'document-fields',
  up(db) {
    db.exec(`
      -- JSON array of { propertyName, index?, value } sealed with AAD documents.fields.<id>;
      -- NULL when staff filled in none, and again once the application is purged.
      ALTER TABLE documents ADD COLUMN fields_sealed BLOB;
    `);
  },
};
