import fs from 'node:fs';
import path from 'node:path';
import { sql } from '@/lib/sql';
import { requireAdmin } from '@/lib/session';
import { formatMoney } from '@/lib/format';

export const revalidate = 300;

const REGIONS = ['us', 'eu', 'apac'] as const;

interface ManagerRow {
  id: string;
  name: string;
  region: string;
}

export default async function ReportsPage() {
  await requireAdmin();

  // Three fixed regions, one aggregate each.
  const regionTotals: Record<string, number> = {};
  for (const region of REGIONS) {
    const [row] = await sql`select coalesce(sum(total_cents), 0)::bigint as total from orders where region = ${region} and created_at > now() - interval '30 days'`;
    regionTotals[region] = Number(row.total);
  }

  const cohortSql = fs.readFileSync(path.join(process.cwd(), 'sql', 'cohorts.sql'), 'utf8'); // expect: sync-api-in-async
  const cohorts = await sql.unsafe(cohortSql);

  const managers = await sql<ManagerRow[]>`select id, name, region from account_managers where active order by name`;
  const withBook = await Promise.all(
    managers.map(async (m) => {
      const [book] = await sql`select count(*)::int as accounts, coalesce(sum(mrr_cents), 0)::bigint as mrr from customers where manager_id = ${m.id}`; // expect: query-in-loop
      return { ...m, accounts: book.accounts as number, mrr: Number(book.mrr) };
    }),
  );

  return (
    <section className="space-y-8 p-6">
      <h1 className="text-xl font-semibold">Last 30 days</h1>
      <ul className="grid grid-cols-3 gap-4">
        {REGIONS.map((r) => (
          <li key={r} className="rounded border p-4">
            <div className="uppercase text-gray-500">{r}</div>
            <div className="text-2xl">{formatMoney(regionTotals[r], 'USD')}</div>
          </li>
        ))}
      </ul>
      <table className="w-full">
        <tbody>
          {withBook.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{m.region}</td>
              <td>{m.accounts}</td>
              <td>{formatMoney(m.mrr, 'USD')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre className="text-xs">{JSON.stringify(cohorts.slice(0, 12), null, 2)}</pre>
    </section>
  );
}
