// Single-page-app modules: a Vue composable and a Pinia store. Nothing
// here runs on a server, so module-level maps live as long as the tab.
import { computed, ref } from "vue";
import { defineStore } from "pinia";
import { api } from "@/grpcweb";

type Chat = { ready: boolean; title: string };

const chatsByTab = new Map<string, Chat>();

export const useChat = (tabId: string) => {
  const existed = chatsByTab.get(tabId);
  if (existed) return existed;
  const chat = { ready: false, title: computed(() => tabId).value };
  chatsByTab.set(tabId, chat);
  return chat;
};

const databaseRequestCache = new Map<string, Promise<unknown>>();

export const getOrFetchDatabase = (name: string) => {
  const cached = databaseRequestCache.get(name);
  if (cached) return cached;
  const request = api.getDatabase({ name });
  databaseRequestCache.set(name, request);
  return request;
};

export const useCounter = defineStore("counter", () => ({ count: ref(0) }));
