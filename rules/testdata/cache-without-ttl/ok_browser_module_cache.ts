// Browser code: this module runs in a page (it builds DOM nodes), so a
// module-level cache lives as long as the tab, not a server process.
import { getJSON } from "./http";

type Preview = { title: string; body: string };

const previewCache = new Map<string, Preview>();

export async function loadPreview(url: string): Promise<Preview> {
  const hit = previewCache.get(url);
  if (hit) return hit;
  const data = await getJSON<Preview>(url);
  previewCache.set(url, data);
  return data;
}

const iconUrls = new Map<string, string>();

export function iconFor(status: string): string {
  const cached = iconUrls.get(status);
  if (cached) return cached;
  const canvas = document.createElement("canvas");
  const url = canvas.toDataURL(status);
  iconUrls.set(status, url);
  return url;
}

export function showPreview(anchor: HTMLElement, p: Preview) {
  const el = document.createElement("div");
  el.textContent = p.title;
  anchor.append(el);
}
