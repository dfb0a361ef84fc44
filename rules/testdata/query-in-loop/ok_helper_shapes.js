const { db } = require("../lib/db");

// Helpers that batch, or do no I/O, called from loops.
exports.loadAccounts = async (ids) => {
  const { rows } = await db.query("SELECT * FROM accounts WHERE id = ANY($1)", [ids]);
  return rows;
};

exports.label = (acct) => `${acct.name} <${acct.email}>`;

exports.labels = async (groups) => {
  const out = [];
  for (const ids of groups) {
    const accts = await exports.loadAccounts(ids);
    out.push(...accts.map((a) => exports.label(a)));
  }
  return out;
};

const fmt = {
  money(cents) {
    return (cents / 100).toFixed(2);
  },
  lines(items) {
    return items.map((i) => this.money(i.cents));
  },
};

// `this` in a plain function is not the object literal around it.
const reports = {
  byId(id) {
    return db.query("SELECT * FROM reports WHERE id = $1", [id]);
  },
  render(rows) {
    return rows.map(function (r) {
      return this.byId(r.id);
    }, { byId: (id) => id });
  },
};

module.exports.fmt = fmt;
module.exports.reports = reports;
