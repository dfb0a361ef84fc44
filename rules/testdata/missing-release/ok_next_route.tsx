import { Pool } from "pg";

const pool = new Pool();

export default async function Orders({ userId }: { userId: string }) {
  const client = await pool.connect();
  let rows: { id: number; total: number }[] = [];
  try {
    ({ rows } = await client.query("SELECT id, total FROM orders WHERE user_id = $1", [userId]));
  } finally {
    client.release();
  }
  return (
    <table>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id}>
            <td>{o.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Button({ onClick }: { onClick: () => void }) {
  return <button onClick={onClick}>Connect</button>;
}
