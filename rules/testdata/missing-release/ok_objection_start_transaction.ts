import { Model } from "objection";
import { DataSource } from "typeorm";
import { MongoClient } from "mongodb";

class Invoice extends Model {
  static tableName = "invoices";
}

export async function voidInvoice(id: number, reason: string) {
  const tx = await Invoice.startTransaction();
  try {
    const invoice = await Invoice.query(tx).patchAndFetchById(id, { status: "void" });
    await tx("invoice_events").insert({ invoice_id: id, kind: "void", reason });
    await tx.commit();
    return invoice;
  } catch (err) {
    await tx.rollback();
    throw err;
  }
}

// The callback form commits or rolls back by itself.
export function settle(id: number) {
  return Invoice.transaction(async (trx) => {
    await Invoice.query(trx).patch({ status: "settled" }).where("id", id);
  });
}

// TypeORM and MongoDB start a transaction on an object they already hold:
// nothing new is bound to a variable.
export async function typeormCase(ds: DataSource) {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query("UPDATE invoices SET status = 'void'");
    await runner.commitTransaction();
  } catch (e) {
    await runner.rollbackTransaction();
    throw e;
  } finally {
    await runner.release();
  }
}

export async function mongoCase(client: MongoClient) {
  const session = client.startSession();
  try {
    session.startTransaction();
    await client.db("billing").collection("invoices").updateOne({ _id: 1 }, { $set: { status: "void" } }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

// Handed to the caller, who commits it.
export async function begin() {
  const trx = await Invoice.startTransaction();
  return trx;
}
