const defaults = { theme: "light", locale: "en" };

// Values destructured from a parameter or a module constant are stored as
// given (a registry), or fall back to a literal default.
const prefs = new Map();

export function remember(userId, body) {
  let p = prefs.get(userId);
  if (!p) {
    ({ prefs: p } = body);
    prefs.set(userId, p);
  }
  return p;
}

const themes = new Map();

export function themeFor(userId) {
  let theme = themes.get(userId);
  if (!theme) {
    ({ theme } = defaults);
    themes.set(userId, theme);
  }
  return theme;
}

const flags = new Map();

export function flagFor(userId, input) {
  let on = flags.get(userId);
  if (on === undefined) {
    ({ enabled: on = false } = input);
    flags.set(userId, on);
  }
  return on;
}
