import path from 'path';
import { cmsSettings } from '@borgerraadgiver/config';

export default () => {
  // Each file here reads cmsSettings(), which checks every variable the CMS reads: the first file
  // Strapi loads stops it at start with one error naming every bad variable.
  const db = cmsSettings().database;
  // A failed query's error message keeps the SQL with placeholders, not the values: they may be a
  // citizen's name or words, and the message reaches the logs.
  const errors = { compileSqlOnError: false };
  if (db.client === 'postgres') {
    // No JIT compilation: the reports' grouped queries cross its cost threshold and lost up to a
    // second to compiling at 100,000 cases; nothing this system asks gains from it.
    const session = { options: '-c jit=off' };
    return {
      connection: {
        ...errors,
        client: 'postgres',
        connection: db.url
          ? { connectionString: db.url, ...session }
          : { host: db.host, port: db.port, database: db.name, user: db.user, password: db.password, ssl: db.ssl, schema: db.schema, ...session },
        pool: db.pool,
      },
    };
  }
  return {
    connection: {
      ...errors,
      client: 'sqlite',
      // Relative to cms/: this file runs from cms/dist/config.
      connection: { filename: path.resolve(__dirname, '..', '..', db.filename) },
      useNullAsDefault: true,
      pool: {
        // The write-ahead log: a commit syncs the log once instead of the database file several
        // times, and readers do not wait for writers. FULL, because better-sqlite3 makes WAL
        // default to NORMAL, which can lose the last commits on a power cut.
        afterCreate(connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = FULL');
          done(null, connection);
        },
      },
    },
  };
};
