import { MongoClient } from "mongodb";

const client = new MongoClient(process.env.MONGO_URL!);
const db = client.db("shop");
const orders = db.collection("orders");
const customers = db.collection("customers");

// Streaming the orders is fine; looking up each order's customer is not.
export async function exportOrders(write: (line: string) => void) {
  for await (const order of orders.find({ status: "paid" })) {
    const customer = await customers.findOne({ _id: order.customerId }); // want "customers.findOne runs once per iteration of the loop on line 10 \\(N\\+1 queries\\); fetch all documents in one query \\(find\\(\\{ _id: \\{ \\$in: ids \\} \\}\\)\\)"
    write(JSON.stringify({ ...order, customer }));
  }
}

export async function touchAll(ids: string[]) {
  for (const id of ids) {
    await orders.updateOne({ _id: id }, { $set: { touchedAt: new Date() } }); // want "orders.updateOne runs once per iteration .*bulkWrite"
    const history = await db.collection("history").find({ orderId: id }).toArray(); // want "db.collection\\(\\).find\\(\\).toArray runs once per iteration"
    console.log(history.length);
  }
}
