import express from "express";
import Author from "../db/models/author";
import Invoice from "../db/models/invoice";
import { knexInstance } from "../db/knex";

export const app = express();

// Objection.js: Model.query() returns a query builder that runs when it is
// awaited. These models come from the project's models folder; the file
// does not import objection itself.
app.get("/books/authors", async (req, res) => {
  const books: { id: number; authorId: number }[] = req.body.books;
  const out = [];
  for (const b of books) {
    const author = await Author.query().findById(b.authorId).select("id", "name"); // want "query-in-loop: Author.query\\(\\).findById\\(\\).select runs once per iteration of the loop on line 14 \\(N\\+1 queries\\); fetch all rows in one query with findByIds\\(ids\\)"
    out.push({ book: b.id, author });
  }
  res.json(out);
});

app.post("/invoices/mark-paid", async (req, res) => {
  const payments: { invoiceId: number; paidAt: string }[] = req.body.payments;
  // Concurrent, but still one UPDATE per payment.
  const updated = await Promise.all(
    payments.map((p) => Invoice.query().patchAndFetchById(p.invoiceId, { paidAt: p.paidAt })), // want "Invoice.query\\(\\).patchAndFetchById runs once per element of payments.map on line 25 \\(one write per item\\)"
  );
  res.json(updated);
});

// Inside a transaction: Model.query(trx) is the same builder.
export async function reassign(invoiceIds: number[], ownerId: number) {
  await knexInstance.transaction(async (trx) => {
    for (const id of invoiceIds) {
      await Invoice.query(trx).patch({ ownerId }).where("id", id); // want "Invoice.query\\(\\).patch\\(\\).where runs once per iteration of the loop on line 33"
    }
  });
}

// Instance queries: $relatedQuery loads the relation of one row.
export async function withBooks(authors: Author[]) {
  for (const a of authors) {
    (a as any).books = await a.$relatedQuery("books").orderBy("publishedAt"); // want "a.\\$relatedQuery\\(\\).orderBy runs once per iteration of the loop on line 41"
  }
  return authors;
}

// The static form, one author at a time.
export async function bookCounts(authorIds: number[]) {
  const out: Record<number, number> = {};
  for (const id of authorIds) {
    out[id] = await Author.relatedQuery("books").for(id).resultSize(); // want "Author.relatedQuery\\(\\).for\\(\\).resultSize runs once per iteration of the loop on line 50 \\(N\\+1 queries\\)"
  }
  return out;
}

// Walking up a tree: the key sits in the middle of the chain, and the row
// reaches the loop's variable through a temporary.
export async function authorChain(start: Author & { mentorId?: number }) {
  const chain = [start];
  let current = start;
  while (current.mentorId && chain.length < 20) {
    const mentor = await Author.query().findById(current.mentorId).select("id", "mentorId"); // want "Author.query\\(\\).findById\\(\\).select runs once per iteration of the loop on line 61"
    if (!mentor) break;
    chain.push(mentor);
    current = mentor;
  }
  return chain;
}
