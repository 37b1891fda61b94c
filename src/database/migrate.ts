import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { OWNER_ROLE } from './roles';

/**
 * Applies pending migrations as the owner role (the admin connection switches to it at connect time), so the
 * tables belong to the owner and never to the role the service runs as. An advisory lock keeps two starting
 * instances from migrating at once.
 */
export async function runMigrations(adminUrl: string, log: (l: string) => void = () => undefined): Promise<string[]> {
  const lock = new Client({ connectionString: adminUrl });
  await lock.connect();
  await lock.query(`SELECT pg_advisory_lock(hashtext('smt:migrate'))`);
  const dataSource = new DataSource({
    type: 'postgres',
    url: adminUrl,
    extra: { options: `-c role=${OWNER_ROLE}` },
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations();
    for (const m of applied) log(`migration applied: ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock.query(`SELECT pg_advisory_unlock(hashtext('smt:migrate'))`).catch(() => undefined);
    await lock.end();
  }
}
