import { migrateDatabase, openDatabase } from '../src/platform/db/client.ts';

/** Migrates the throwaway PostgreSQL database once before the suite. */
export default async function setup() {
  const database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}
