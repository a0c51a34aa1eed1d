// Every schema migration, oldest first. Adding one = one file in this folder + one line here.
// Numbers 1–99 belong to the store, 100 and up to main/sync (see ../README.md). Runs in main.
import type { Migration } from '../migrate';
import { coreTables } from './001-core';
import { resultsTable } from './002-results';
import { auditLogTable } from './003-audit-log';
import { staffTable } from './004-staff';
import { settingsTable } from './005-settings';
import { applicationFields } from './006-application-fields';
import { queuedFill } from './007-queued-fill';
import { remoteCreates } from './008-remote-creates';
import { inboxTables } from './009-inbox';
import { documentFields } from './011-document-fields';

export const migrations: readonly Migration[] = [
  coreTables,
  resultsTable,
  auditLogTable,
  staffTable,
  settingsTable,
  applicationFields,
  queuedFill,
  remoteCreates,
  inboxTables,
  documentFields,
];
