import { Mutex } from "async-mutex";
import { loadUser } from "./users";

// Counters: the value is derived from the previous one.
const hits = new Map<string, number>();
export function hit(route: string): void {
  hits.set(route, (hits.get(route) ?? 0) + 1);
}
const bytes = new Map<string, number>();
export function addBytes(route: string, n: number): void {
  const cur = bytes.get(route) || 0;
  bytes.set(route, cur + n);
}

// Get-or-create of a container, then filled: a registry of listeners.
const listeners = new Map<string, Array<() => void>>();
export function on(event: string, fn: () => void): void {
  let list = listeners.get(event);
  if (!list) {
    list = [];
    listeners.set(event, list);
  }
  list.push(fn);
}

// Warn once per code.
const warned = new Map<string, boolean>();
export function warnOnce(code: string, msg: string): void {
  if (!warned.has(code)) {
    warned.set(code, true);
    console.warn(code, msg);
  }
}

// One lock per account, handed out to callers.
const locks = new Map<string, Mutex>();
export function lockFor(account: string): Mutex {
  let m = locks.get(account);
  if (!m) {
    m = new Mutex();
    locks.set(account, m);
  }
  return m;
}

// Bounded by refusing new entries once full.
const MAX = 10_000;
const users = new Map<string, unknown>();
export async function user(id: string): Promise<unknown> {
  const hit = users.get(id);
  if (hit) return hit;
  const u = await loadUser(id);
  if (users.size < MAX) users.set(id, u);
  return u;
}

// A table filled once from a list and only read afterwards.
const labels = new Map<string, string>();
export function loadLabels(rows: Array<{ code: string; label: string }>): void {
  for (const r of rows) labels.set(r.code, r.label);
}
export function label(code: string): string {
  return labels.get(code) ?? code;
}

// Registries: values are stored as given, after a duplicate check.
type Handler = (payload: unknown) => Promise<void>;
const handlers = new Map<string, Handler>();
export function register(name: string, fn: Handler): void {
  if (handlers.has(name)) {
    throw new Error(`handler ${name} already registered`);
  }
  handlers.set(name, fn);
}
const defaults = new Map<string, string>();
export function setDefault(key: string, value: string): void {
  if (!defaults.has(key)) defaults.set(key, value);
}

// A duplicate check that returns without using what it found.
const plugins = new Map<string, { name: string; version: string }>();
export async function install(name: string, load: (n: string) => Promise<{ name: string; version: string }>) {
  if (plugins.has(name)) {
    console.warn(`plugin ${name} already installed`);
    return;
  }
  const plugin = await load(name);
  plugins.set(name, plugin);
}
