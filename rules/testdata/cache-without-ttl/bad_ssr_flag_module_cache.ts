// A module that asks whether it runs in SSR: isomorphic, not browser-only.
import { ref } from "vue";

const pageCache = new Map<string, unknown>(); // want "module-level Map `pageCache` is used as a cache that only grows"

export async function loadPage(slug: string) {
  if (import.meta.env.SSR) {
    console.log("rendering", slug);
  }
  const hit = pageCache.get(slug);
  if (hit) return hit;
  const page = ref(await (await fetch(`https://cms.example.com/pages/${slug}`)).json());
  pageCache.set(slug, page);
  return page;
}
