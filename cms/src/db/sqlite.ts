/**
 * SQLite (development and single-instance use): the write-ahead log instead of the rollback
 * journal. A commit then costs one sync of the log instead of several of the database file, and
 * readers do not wait for writers; SQLite's default `synchronous = FULL` keeps every commit durable.
 * The setting is stored in the database file. PostgreSQL: nothing to do.
 */
import type { Core } from '@strapi/strapi';

export async function useWriteAheadLog(strapi: Core.Strapi) {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
}
