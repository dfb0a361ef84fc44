import { useMemo, useState } from "react";

const cache = new Map<string, string>();

export function Search({ items }: { items: string[] }) {
  const [q, setQ] = useState("");
  const filtered = useMemo(() => items.filter((i) => i.includes(q)), [items, q]);
  const params = new URLSearchParams();
  params.set("q", q);
  localStorage.setItem("lastQuery", q);
  cache.clear();
  return (
    <div>
      <input value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>{filtered.map((i) => <li key={i}>{i}</li>)}</ul>
    </div>
  );
}

export function remember(k: string, v: string) {
  cache.set(k, v);
}
