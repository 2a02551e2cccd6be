/** Runs stopped by SIGINT/SIGTERM are recorded with status `interrupted` (issue 18 point 10). */
import { sql, type Kysely, type Migration } from 'kysely';

export const interruptedRuns: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table runs drop constraint if exists runs_status_check`.execute(db);
    await sql`alter table runs add constraint runs_status_check
      check (status in ('ok', 'partial', 'failed', 'interrupted'))`.execute(db);
  },
  async down(db: Kysely<any>): Promise<void> {
    await sql`update runs set status = 'failed' where status = 'interrupted'`.execute(db);
    await sql`alter table runs drop constraint if exists runs_status_check`.execute(db);
    await sql`alter table runs add constraint runs_status_check check (status in ('ok', 'partial', 'failed'))`.execute(
      db,
    );
  },
};
