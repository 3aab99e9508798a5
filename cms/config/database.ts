import path from 'path';
import { cmsSettings } from '@borgerraadgiver/config';

export default () => {
  // Each file here reads cmsSettings(), which checks every variable the CMS reads: the first file
  // Strapi loads stops it at start with one error naming every bad variable.
  const db = cmsSettings().database;
  if (db.client === 'postgres') {
    // No JIT compilation: the reports' grouped queries cross its cost threshold and lost up to a
    // second to compiling at 100,000 cases; nothing this system asks gains from it.
    const session = { options: '-c jit=off' };
    return {
      connection: {
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
      client: 'sqlite',
      // Relative to cms/: this file runs from cms/dist/config.
      connection: { filename: path.resolve(__dirname, '..', '..', db.filename) },
      useNullAsDefault: true,
    },
  };
};
