const { ObjectId } = require("mongodb");

// db is a mongodb Db handed in by the caller.
async function ordersWithCustomers(db, orderIds) {
  const orders = await db.collection("orders").find({ _id: { $in: orderIds.map((id) => new ObjectId(id)) } }).toArray();
  for (const order of orders) {
    order.customer = await db.collection("customers").findOne({ _id: order.customerId }); // want "query-in-loop: db.collection\\(\\).findOne runs once per iteration of the loop on line 6"
  }
  return orders;
}

async function customersBatched(db, orders) {
  const ids = orders.map((o) => o.customerId);
  const customers = await db.collection("customers").find({ _id: { $in: ids } }).toArray();
  return new Map(customers.map((c) => [String(c._id), c]));
}

module.exports = { ordersWithCustomers, customersBatched };
