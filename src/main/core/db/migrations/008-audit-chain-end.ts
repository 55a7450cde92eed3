import type { Migration } from './types';

/**
 * Anchors the end of the audit log. The hash chain finds a row edited, deleted or moved, but not
 * the log cut from some entry onward (an approval, say): what remains is still a valid chain.
 * From now on every append records the last entry's number and hash in app_meta
 * ('auditChainEnd'), and verify compares the log's end with it. A database upgraded to this
 * version gets the anchor of the log it has now; a log that was already cut cannot be told.
 */
export const migration008: Migration = {
  version: 8,
  name: 'audit-chain-end',
  up(db) {
    db.exec(`
      INSERT OR IGNORE INTO app_meta (key, value)
      SELECT 'auditChainEnd', json_object('seq', seq, 'hash', hash) FROM audit_log ORDER BY seq DESC LIMIT 1;
    `);
  },
};
