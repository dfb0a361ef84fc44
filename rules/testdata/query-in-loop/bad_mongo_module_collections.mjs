import { sessions, auditLog, carts } from "../infra/mongodb.js";

// Collections exported by name from the project's MongoDB module.
export async function revokeAll(userIds) {
  for (const userId of userIds) {
    const open = await sessions.find({ userId, revokedAt: null }).toArray(); // want "query-in-loop: sessions.find\\(\\).toArray runs once per iteration of the loop on line 5 \\(N\\+1 queries\\)"
    if (open.length === 0) continue;
    await sessions.updateMany({ userId }, { $set: { revokedAt: new Date() } }); // want "sessions.updateMany runs once per iteration of the loop on line 5 \\(one write per item\\)"
    await auditLog.insertOne({ userId, action: "revoke", at: new Date() }); // want "auditLog.insertOne runs once per iteration of the loop on line 5"
  }
}

export async function cartTotals(cartIds) {
  return Promise.all(cartIds.map((id) => carts.findOne({ _id: id }, { projection: { total: 1 } }))); // want "carts.findOne runs once per element of cartIds.map"
}
