// A module that fetches same-origin relative URLs: only a page can do that
// (a server-side fetch needs an absolute URL), so this is browser code.
type Demo = { steps: string[] };

const demoCache = new Map<string, Demo>();

const fetchJSON = async (path: string) => {
  const res = await fetch("/demo" + path);
  return res.json();
};

export const loadDemo = async (name: string): Promise<Demo> => {
  if (demoCache.has(name)) {
    return demoCache.get(name) as Demo;
  }
  const demo = (await fetchJSON(`/${name}/demo.json`)) as Demo;
  demoCache.set(name, demo);
  return demo;
};
