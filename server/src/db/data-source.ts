import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { migrations } from './migrations/index.ts';
import { DB_ROLES } from './roles.ts';

/** The application's pool: connects as the app role, subject to row-level security. */
/** The entity classes the application reads through TypeORM; `src/entities.ts` lists them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
export type Entities = MixedList<Function | string | EntitySchema>;

export function createAppDataSource(
  url: string,
  poolSize: number,
  entities: Entities,
  logger?: Logger,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // An idle connection dropped by the server is logged as JSON; the pool reconnects.
    poolErrorHandler: (err: unknown) => logger?.warn({ err }, 'database pool connection lost'),
    entities,
    synchronize: false,
    migrationsRun: false,
    // A database that does not answer within 5 s is an outage (503), not a hanging request.
    extra: { max: poolSize, application_name: 'herorientatie', connectionTimeoutMillis: 5000 },
  });
}

/** One admin connection that acts as the owner role, for migrations. */
export function createMigrationDataSource(adminUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: adminUrl,
    migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    // Objects created by migrations belong to the owner role, not to the admin user.
    extra: {
      max: 1,
      options: `-c role=${DB_ROLES.owner}`,
      application_name: 'herorientatie-migrate',
    },
  });
}
