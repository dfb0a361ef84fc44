import { Model } from "objection";

class Invoice extends Model {
  static tableName = "invoices";
}

// startTransaction() hands out a transaction bound to one pooled connection;
// a failing query before commit leaves both open.
export async function voidInvoice(id: number, reason: string) {
  const tx = await Invoice.startTransaction(); // want "missing-release: tx from Invoice.startTransaction\\(\\) is not committed or rolled back when the query on line 11 throws: commit it at the end of a try block and call tx.rollback\\(\\) in its catch"
  const invoice = await Invoice.query(tx).patchAndFetchById(id, { status: "void" });
  await tx("invoice_events").insert({ invoice_id: id, kind: "void", reason });
  await tx.commit();
  return invoice;
}

// The early return leaves the transaction open.
export async function settle(id: number, knex: any) {
  const trx = await Model.startTransaction(knex); // want "missing-release: trx from Model.startTransaction\\(\\) is not committed or rolled back on the return at line 22"
  try {
    const invoice = await Invoice.query(trx).findById(id);
    if (!invoice) return null;
    await Invoice.query(trx).patch({ status: "settled" }).where("id", id);
    await trx.commit();
    return invoice;
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}
