import { fetchAvatar } from "./api";

const avatarCache = new Map<string, Promise<string>>(); // want "cache-without-ttl: .*avatarCache"

export function avatarUrl(userId: string): Promise<string> {
  let p = avatarCache.get(userId);
  if (!p) {
    p = fetchAvatar(userId);
    avatarCache.set(userId, p);
  }
  return p;
}

export function Avatar({ src }: { src: string }) {
  return <img src={src} alt="" />;
}
