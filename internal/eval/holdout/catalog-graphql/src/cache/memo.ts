/**
 * A tiny bounded memo for pure, hot functions (slug parsing, locale
 * negotiation). Oldest entries are evicted once the map is full.
 */
export function memoize<A extends string, R>(fn: (arg: A) => R, maxEntries = 1000): (arg: A) => R {
  const memo = new Map<A, R>();
  return (arg: A) => {
    if (memo.has(arg)) {
      const value = memo.get(arg) as R;
      memo.delete(arg);
      memo.set(arg, value);
      return value;
    }
    const value = fn(arg);
    memo.set(arg, value);
    if (memo.size > maxEntries) {
      const oldest = memo.keys().next().value as A;
      memo.delete(oldest);
    }
    return value;
  };
}

const SUPPORTED_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL'];

export const negotiateLocale = memoize((acceptLanguage: string) => {
  const wanted = acceptLanguage
    .split(',')
    .map((part) => part.split(';')[0].trim())
    .filter(Boolean);
  for (const tag of wanted) {
    const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const lang = SUPPORTED_LOCALES.find((l) => l.split('-')[0] === tag.split('-')[0]);
    if (lang) return lang;
  }
  return 'en-US';
}, 200);
