/** A run done by `shub worker` records the queue job it was for (issue 16): id, queue, attempt, worker. */
import { sql, type Kysely, type Migration } from 'kysely';

export const queueJobs: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table runs add column if not exists job jsonb`.execute(db);
  },
  async down(db: Kysely<any>): Promise<void> {
    await sql`alter table runs drop column if exists job`.execute(db);
  },
};
