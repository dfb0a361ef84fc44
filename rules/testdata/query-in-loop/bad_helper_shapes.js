const { db } = require("../lib/db");

// CommonJS helpers called through exports, and object-literal services
// calling their own methods through `this`.
exports.loadAccount = async function (id) {
  const { rows } = await db.query("SELECT * FROM accounts WHERE id = $1", [id]);
  return rows[0];
};

async function loadPlan(code) {
  const { rows } = await db.query("SELECT * FROM plans WHERE code = $1", [code]);
  return rows[0];
}
module.exports.loadPlan = loadPlan;

exports.statement = async (accountIds) => {
  const out = [];
  for (const id of accountIds) {
    const acct = await exports.loadAccount(id); // want "query-in-loop: exports.loadAccount → db.query runs once per iteration of the loop on line 18 \\(N\\+1 queries\\)"
    const plan = await module.exports.loadPlan(acct.plan); // want "module.exports.loadPlan → db.query runs once per iteration of the loop on line 18"
    out.push({ acct, plan });
  }
  return out;
};

const invoices = {
  async byId(id) {
    return db.query("SELECT * FROM invoices WHERE id = $1", [id]);
  },
  async many(ids) {
    return Promise.all(ids.map((id) => this.byId(id))); // want "this.byId → db.query runs once per element of ids.map on line 31"
  },
  resend: async function (ids) {
    for (const id of ids) {
      await this.byId(id); // want "this.byId → db.query runs once per iteration of the loop on line 34"
    }
  },
};

module.exports.invoices = invoices;
