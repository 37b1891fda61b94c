import { loadConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';

/** Creates the roles when missing and applies pending migrations, then exits (the service does this on start too). */
async function main(): Promise<void> {
  const db = await prepareDatabase(loadConfig(), (line) => console.log(line));
  console.log(`database ready (${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
  await db.close();
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
