import { Cart } from "../models/cart";
import { Invoice } from "../models/invoice";
import { Form } from "./forms";

// One document saved after the loop; subdocuments edited in memory.
export async function applyDiscount(cartId: string, pct: number) {
  const cart = await Cart.findById(cartId);
  if (!cart) return;
  for (const line of cart.lines) {
    line.price = Math.round(line.price * (1 - pct / 100));
    line.validate();
  }
  await cart.save();
}

// lean() returns plain objects: nothing to save; reading fields is free.
export async function totals(customerId: string) {
  let sum = 0;
  for (const inv of await Invoice.find({ customerId }).lean()) {
    sum += inv.total;
  }
  return sum;
}

// Objects that are not ORM documents may have a save() of their own.
export function persistDrafts(forms: Form[], storage: Storage) {
  for (const form of forms) {
    form.save(storage);
  }
  for (const draft of JSON.parse(storage.getItem("drafts") ?? "[]")) {
    draft.save?.();
  }
}
