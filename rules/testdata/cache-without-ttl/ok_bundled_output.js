// Bundler output (esbuild/rollup annotate pure calls): the module-level
// map belongs to some library's source, not to code anyone edits here.
var globalObj = typeof window < "u" ? window : {};
let sheets = /* @__PURE__ */ new Map();
const emptyA = /* @__PURE__ */ Object.freeze([]);
const emptyB = /* @__PURE__ */ Object.freeze({});
function mount(root, text) {
  let hit = sheets.get(root);
  if (hit) return hit;
  const el = globalObj.document.createElement("style");
  el.textContent = text;
  sheets.set(root, el);
  return el;
}
export { mount, emptyA, emptyB };
