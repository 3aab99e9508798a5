'use strict';

/**
 * A statement request mailed again with a new link was marked by the subject »Nyt link«; it is now
 * the notification's own field, linkReissued. Strapi runs this before it syncs the schema, so the
 * column is added here (the sync then finds it) and the old marks are moved into it.
 */
async function up(knex) {
  if (!(await knex.schema.hasTable('notifications'))) return;
  if (!(await knex.schema.hasColumn('notifications', 'link_reissued'))) {
    await knex.schema.alterTable('notifications', (table) => table.boolean('link_reissued').defaultTo(false));
  }
  await knex('notifications').where({ kind: 'statement_request', subject: 'Nyt link' }).update({ link_reissued: true, subject: null });
}

module.exports = { up };
