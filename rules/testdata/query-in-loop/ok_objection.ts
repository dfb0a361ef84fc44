import Author from "../db/models/author";
import Invoice from "../db/models/invoice";
import Search from "../search/client";

// One query for the whole set, then a join in memory.
export async function authorsOf(books: { id: number; authorId: number }[]) {
  const authors = await Author.query().findByIds(books.map((b) => b.authorId));
  const byId = new Map(authors.map((a) => [a.id, a]));
  return books.map((b) => ({ book: b.id, author: byId.get(b.authorId) }));
}

export async function markPaid(ids: number[]) {
  return Invoice.query().patch({ paidAt: new Date().toISOString() }).whereIn("id", ids);
}

// The loop only adds clauses; the builder runs once, after it.
export async function filtered(filters: { column: string; value: string }[]) {
  const q = Invoice.query().select("id", "total");
  for (const f of filters) {
    q.where(f.column, f.value);
  }
  return await q;
}

// Eager loading: one query per relation, not per row.
export async function authorsWithBooks() {
  return Author.query().withGraphFetched("books").limit(100);
}

// A bounded retry of one query.
export async function totalWithRetry(id: number) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await Invoice.query().findById(id).select("total");
    } catch (e) {
      await new Promise((r) => setTimeout(r, attempt * 100));
    }
  }
  return null;
}

// A search client's query(…) takes a request object; it is not an ORM model.
export async function suggest(prefixes: string[]) {
  const out: string[] = [];
  for (const p of prefixes) {
    const hits = await Search.query({ text: p, size: 3 });
    out.push(...hits);
  }
  return out;
}

// The same names on other clients: a request object passed by name, and a
// static query() with nothing chained on it.
export async function suggestAll(requests: { text: string }[]) {
  const out: string[][] = [];
  for (const req of requests) {
    out.push(await Search.query(req));
    out.push(await Search.query());
  }
  return out;
}

// Loaded rows' relations fetched in one query for the whole list.
export async function booksOf(authors: Author[]) {
  return Author.relatedQuery("books").for(authors.map((a) => a.id));
}
