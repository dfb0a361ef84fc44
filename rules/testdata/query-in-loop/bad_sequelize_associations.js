const { Sequelize, DataTypes } = require("sequelize");
const Author = require("../models/author");

// Association getters lazy-load one query per instance: the classic
// Sequelize N+1 (use include: [...] on the first query instead).
async function authorsWithBooks() {
  const authors = await Author.findAll({ limit: 50 });
  const out = [];
  for (const a of authors) {
    const books = await a.getBooks({ attributes: ["title"] }); // want "query-in-loop: a.getBooks runs once per iteration of the loop on line 9 \\(N\\+1 queries\\)"
    const fans = await a.countFollowers(); // want "a.countFollowers runs once per iteration of the loop on line 9"
    out.push({ name: a.get("name"), raw: a.getDataValue("bio"), books, fans });
  }
  return out;
}

async function eagerAuthors() {
  // One query with a join: not N+1.
  const authors = await Author.findAll({ include: ["books"], limit: 50 });
  return authors.map((a) => ({ name: a.get("name"), books: a.books.length, bio: a.getDataValue("bio") }));
}

module.exports = { authorsWithBooks, eagerAuthors, Sequelize, DataTypes };
