'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sql } from '@/lib/sql';

const AddLines = z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().min(1).max(99) })).max(50);

async function cartId(): Promise<string> {
  const jar = await cookies();
  let id = jar.get('cart')?.value;
  if (!id) {
    const [row] = await sql`insert into carts default values returning id`;
    id = row.id as string;
    jar.set('cart', id, { httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 });
  }
  return id;
}

export async function addToCart(input: unknown) {
  const lines = AddLines.parse(input);
  const id = await cartId();
  for (const line of lines) {
    await sql`insert into cart_items (cart_id, sku, quantity) values (${id}, ${line.sku}, ${line.quantity}) on conflict (cart_id, sku) do update set quantity = cart_items.quantity + excluded.quantity`; // expect: query-in-loop
  }
  revalidatePath('/cart');
}

export async function replaceCart(input: unknown) {
  const lines = AddLines.parse(input);
  const id = await cartId();
  const rows = lines.map((l) => ({ cartId: id, sku: l.sku, quantity: l.quantity }));
  await sql.begin(async (tx) => {
    await tx`delete from cart_items where cart_id = ${id}`;
    if (rows.length > 0) {
      await tx`insert into cart_items ${tx(rows, 'cartId', 'sku', 'quantity')}`;
    }
  });
  revalidatePath('/cart');
}

export async function removeFromCart(sku: string) {
  const id = await cartId();
  await sql`delete from cart_items where cart_id = ${id} and sku = ${sku}`;
  revalidatePath('/cart');
}
