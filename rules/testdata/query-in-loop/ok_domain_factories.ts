import { Money } from "../domain/money";
import { OrderLine } from "../domain/order-line";
import { Routes } from "./routes";

// Static factories and array helpers on project classes are not queries.
export function lines(items: { sku: string; qty: number; cents: number }[]) {
  const out = [];
  for (const it of items) {
    const price = Money.create(it.cents, "EUR");
    const line = OrderLine.create({ sku: it.sku, qty: it.qty, price });
    const route = Routes.find((r) => r.sku === it.sku);
    out.push(OrderLine.update(line, { route }));
  }
  return out;
}
