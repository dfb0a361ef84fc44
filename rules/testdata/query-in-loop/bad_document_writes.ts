import { Op } from "sequelize";
import { Invoice } from "../models/invoice";
import { Subscription } from "../models/subscription.model";
import { Ticket } from "../schemas/ticket";

// Documents and instances loaded from a model and written back one at a
// time: one write per item.
export async function expire(now: Date) {
  const cursor = Subscription.find({ renewsAt: { $lt: now } }).cursor();
  for await (const sub of cursor) {
    sub.status = "expired";
    await sub.save(); // want "query-in-loop: sub.save runs once per iteration of the loop on line 10 \\(one write per item\\)"
  }
}

export async function settle(customerId: string) {
  for (const inv of await Invoice.findAll({ where: { customerId, paidAt: { [Op.ne]: null } } })) {
    await inv.update({ status: "settled" }); // want "inv.update runs once per iteration of the loop on line 17"
  }
}

export async function closeStale(days: number) {
  const stale = await Ticket.find({ updatedAt: { $lt: new Date(Date.now() - days * 864e5) } }).sort({ updatedAt: 1 });
  await Promise.all(
    stale.map(async (t) => {
      t.closed = true;
      await t.save(); // want "t.save runs once per element of stale.map on line 25"
    }),
  );
  for await (const t of Ticket.find({ closed: true }).limit(100)) {
    await t.deleteOne(); // want "t.deleteOne runs once per iteration of the loop on line 30"
  }
  for (const t of stale) {
    await t.populate("assignee"); // want "t.populate runs once per iteration of the loop on line 33"
  }
}

export async function renumber(ids: string[]) {
  for (const id of ids) {
    const inv = await Invoice.findByPk(id); // want "Invoice.findByPk runs once per iteration of the loop on line 39"
    if (!inv) continue;
    inv.number = `INV-${inv.id}`;
    await inv.save(); // want "inv.save runs once per iteration of the loop on line 39"
  }
}
