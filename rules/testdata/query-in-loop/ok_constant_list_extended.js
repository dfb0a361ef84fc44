const knex = require("knex")({ client: "pg", connection: process.env.DATABASE_URL });

// A module-level list of cleanup jobs. Set-up adds one more literal job
// when a setting asks for it: still a fixed, small list written in code.
const cleanupJobs = [
  { table: "audit_log", days: 90 },
  { table: "sessions", days: 30 },
];

function configure(settings) {
  if (settings.purgeDrafts) {
    cleanupJobs.push({ table: "drafts", days: 7 });
  }
  if (settings.purgeExports) {
    cleanupJobs.unshift({ table: "exports", days: 1 }, { table: "export_parts", days: 1 });
  }
}

async function runCleanup() {
  for (const job of cleanupJobs) {
    const cutoff = new Date(Date.now() - job.days * 86400000);
    await knex(job.table).where("created_at", "<", cutoff).delete();
  }
}

module.exports = { configure, runCleanup };
