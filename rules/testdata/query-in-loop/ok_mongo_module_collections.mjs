import { sessions, auditLog, connectMongo, mongo } from "../infra/mongodb.js";

// The same collections used in batched forms, and the module's helpers.
export async function revokeAll(userIds) {
  await connectMongo();
  const open = await sessions.find({ userId: { $in: userIds }, revokedAt: null }).toArray();
  await sessions.updateMany({ userId: { $in: userIds } }, { $set: { revokedAt: new Date() } });
  await auditLog.insertMany(userIds.map((userId) => ({ userId, action: "revoke", at: new Date() })));
  for (const s of open) {
    console.log(mongo.name, s.userId);
  }
  return open.length;
}

export async function export_(write) {
  // Iterating one cursor is not N+1.
  for await (const s of sessions.find({ revokedAt: null })) {
    write(JSON.stringify(s));
  }
}
