const { Sequelize, DataTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Author = sequelize.define("Author", { name: DataTypes.STRING });
const Book = sequelize.define("Book", { title: DataTypes.STRING, authorId: DataTypes.INTEGER });

async function booksWithAuthors() {
  const books = await Book.findAll({ limit: 100 });
  return Promise.all(
    books.map(async (b) => ({ ...b.toJSON(), author: await Author.findByPk(b.authorId) })), // want "query-in-loop: Author.findByPk runs once per element of books.map on line 10 \\(N\\+1 queries\\); fetch all rows in one query \\(findAll\\(\\{ where: \\{ id: ids \\} \\}\\)\\)"
  );
}

async function importBooks(rows) {
  for (const row of rows) {
    await Book.create(row); // want "Book.create runs once per iteration .*bulkCreate"
  }
  await Book.bulkCreate(rows);
  await sequelize.transaction(async (t) => {
    for (const row of rows) {
      await Book.update({ title: row.title }, { where: { id: row.id }, transaction: t }); // want "Book.update runs once per iteration of the loop on line 20"
    }
  });
}

module.exports = { booksWithAuthors, importBooks };
