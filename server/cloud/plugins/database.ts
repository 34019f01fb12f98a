import { openDatabase, type Db } from '../db/database.ts';
import { seedDemoData } from '../seed/index.ts';
import { appPlugin } from './plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/**
 * `app.db`: the SQLite database, migrated, seeded with the demo data when new, closed with
 * the app (after the lifecycle engine, which stops first: onClose hooks run in reverse).
 */
export default appPlugin<{ dbPath: string }>('database', async (app, opts) => {
  const { db, created } = openDatabase(opts.dbPath);
  if (created) seedDemoData(db);
  app.decorate('db', db);
  app.addHook('onClose', async () => {
    db.close();
  });
});
