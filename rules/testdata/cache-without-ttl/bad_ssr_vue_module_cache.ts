// Vue code that also renders on a server (Nuxt, or an explicit SSR check):
// a module-level map is shared by every request the server renders.
import { ref } from "vue";
import { useNuxtApp } from "#app";

const profileCache = new Map<string, unknown>(); // want "module-level Map `profileCache` is used as a cache that only grows"

export async function useProfile(id: string) {
  const hit = profileCache.get(id);
  if (hit) return hit;
  const { $api } = useNuxtApp();
  const profile = ref(await $api.get(`/profiles/${id}`));
  profileCache.set(id, profile);
  return profile;
}
