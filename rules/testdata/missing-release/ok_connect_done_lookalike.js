const { Worker } = require("./worker");

const worker = new Worker();

// connect() and done() on something that is not pg-promise: map() and
// one() are not enough to say it is a database connection.
async function crunch(items) {
  const job = await worker.connect();
  if (items.length === 0) {
    return [];
  }
  const out = await job.map(items, (x) => x * 2);
  job.done();
  return out;
}

// A reserve() whose result is never used as a tagged template.
async function hold(stock, sku) {
  const lot = await stock.reserve();
  await lot.update(sku);
  lot.release();
  return lot.id;
}

// startTransaction() on something that is neither committed nor rolled
// back: not a database transaction this rule knows.
async function trace(tracer, name) {
  const span = await tracer.startTransaction(name);
  await work(name);
  span.end();
}

async function work() {}

module.exports = { crunch, hold, trace };
