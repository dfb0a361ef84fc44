import { notFound } from 'next/navigation';
import { Order } from '@/lib/entities/Order';
import { currentUser } from '@/lib/session';
import { formatMoney } from '@/lib/format';

export const dynamic = 'force-dynamic';

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  const order = await Order.findWithItems(id);
  if (!order || !user || order.customer.userId !== user.id) {
    notFound();
  }

  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">Order {order.id.slice(0, 8)}</h1>
      <p className="text-sm text-gray-500">
        Placed {order.createdAt.toLocaleDateString('en-GB')} · {order.status}
      </p>
      <table className="mt-6 w-full text-left">
        <thead>
          <tr>
            <th>Item</th>
            <th>Qty</th>
            <th className="text-right">Price</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id}>
              <td>{item.product.title}</td>
              <td>{item.quantity}</td>
              <td className="text-right">{formatMoney(item.unitPriceCents * item.quantity, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-4 text-right font-medium">Total {formatMoney(order.totalCents, order.currency)}</p>
      {order.isCancellable && (
        <form action={`/orders/${order.id}/cancel`} method="post">
          <button className="mt-6 rounded border px-4 py-2">Cancel order</button>
        </form>
      )}
    </main>
  );
}
