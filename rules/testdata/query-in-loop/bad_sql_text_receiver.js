// The repository gets its connection from a DI container; nothing here
// imports a driver, but the statements are SQL.
class AuditRepository {
  constructor({ connection }) {
    this.connection = connection;
  }

  async record(events) {
    for (const ev of events) {
      await this.connection.query("INSERT INTO audit_log (actor, action) VALUES (?, ?)", [ev.actor, ev.action]); // want "query-in-loop: this.connection.query runs once per iteration of the loop on line 9 \\(one write per item\\)"
    }
  }

  async recordAll(events) {
    await this.connection.query("INSERT INTO audit_log (actor, action) VALUES ?", [events.map((e) => [e.actor, e.action])]);
  }
}

module.exports = { AuditRepository };
