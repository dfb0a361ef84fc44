import { MongoClient } from "mongodb";
import mongoose from "mongoose";

const client = new MongoClient(process.env.MONGO_URL!);
const events = client.db("app").collection("events");

const Event = mongoose.model("Event", new mongoose.Schema({ kind: String, at: Date }));

// Iterating one cursor: next() and hasNext() read the same result set.
export async function countKinds() {
  const counts = new Map<string, number>();
  const cursor = events.find({}, { projection: { kind: 1 } });
  while (await cursor.hasNext()) {
    const ev = await cursor.next();
    counts.set(ev!.kind, (counts.get(ev!.kind) ?? 0) + 1);
  }
  return counts;
}

export async function lastSeen() {
  let latest: Date | undefined;
  for await (const doc of Event.find().sort({ at: -1 }).cursor()) {
    if (!latest || doc.at > latest) latest = doc.at;
  }
  return latest;
}

export async function allKinds() {
  const docs = await events.find({}).toArray();
  return docs.map((d) => d.kind);
}
