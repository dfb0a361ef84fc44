package rules

import (
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// cwtBrowserFile reports whether a JS/TS module is browser code: it uses
// the page's `document` or `window` (undeclared in the file, as a member
// access such as `document.createElement`), imports a client-side UI
// library (Vue, Pinia, React DOM's client… — see cwtClientModules), or
// fetches a same-origin relative URL (`fetch("/api/…")`, which a server
// cannot do); and nothing in it asks whether it runs in a browser or a
// server render (`typeof window`, `import.meta.env.SSR`,
// `import.meta.server`, `process.server`), which would mark isomorphic
// code that also runs on a server. A file that imports a Node built-in, a
// server framework, a server renderer (Nuxt, `vue/server-renderer`) or a
// headless browser is server code.
// A module-level cache in browser code lives as long as the tab, not a
// server process.
// JSX/TSX components are left out: they are server-rendered as often as
// not, and their module state then lives in the server.
func cwtBrowserFile(p *Pass, fs *Facts) bool {
	switch strings.ToLower(path.Ext(p.File.Path)) {
	case ".tsx", ".jsx":
		return false
	}
	client := fs.ImportsAny(cwtClientModules...)
	if !client && !hpContainsAny(p.File.Src, "document.", "window.", "fetch(") {
		return false
	}
	if fs.ImportsAny(cwtServerModules...) || hpContainsAny(p.File.Src, "import.meta.env.SSR", "import.meta.server", "process.server") {
		return false
	}
	for _, m := range fs.Modules() {
		if strings.HasPrefix(m, "node:") || strings.HasPrefix(m, "#") || strings.HasPrefix(m, "@nuxt/") || strings.HasPrefix(m, "nuxt/") {
			return false
		}
	}
	uses, guarded := client, false
	p.File.Root().Walk(func(n parsers.Node) bool {
		if guarded {
			return false
		}
		switch n.Type() {
		case "unary_expression":
			if n.Field("operator").Text() == "typeof" {
				switch Unparen(n.Field("argument")).Text() {
				case "window", "document", "globalThis.window", "globalThis.document":
					guarded = true
				}
			}
		case "member_expression":
			if uses {
				return true
			}
			o := n.Field("object")
			if o.Type() == "identifier" && (o.Text() == "document" || o.Text() == "window") {
				if _, declared := fs.Resolve(o); !declared && len(fs.Decls(o.Text())) == 0 {
					uses = true
				}
			}
		case "call_expression":
			if !uses && cwtRelativeFetch(fs, n) {
				uses = true
			}
		}
		return true
	})
	return uses && !guarded
}

// cwtRelativeFetch reports whether a call is the global fetch given a
// same-origin relative URL: a string, template or concatenation starting
// with "/" (a server-side fetch rejects it: there is no page origin).
func cwtRelativeFetch(fs *Facts, call parsers.Node) bool {
	fn := Unparen(call.Field("function"))
	if fn.Type() != "identifier" || fn.Text() != "fetch" {
		return false
	}
	if _, declared := fs.Resolve(fn); declared || len(fs.Decls("fetch")) > 0 {
		return false
	}
	if _, imported := fs.Import("fetch"); imported {
		return false
	}
	args := hpArgs(call)
	if len(args) == 0 {
		return false
	}
	a := Unparen(args[0])
	for a.Type() == "binary_expression" && a.Field("operator").Type() == "+" {
		a = Unparen(a.Field("left"))
	}
	switch a.Type() {
	case "string":
		v, _ := StringValue(a)
		return strings.HasPrefix(v, "/")
	case "template_string":
		t := a.Text()
		return len(t) > 1 && t[1] == '/'
	}
	return false
}

// cwtClientModules are client-side UI libraries: a plain .js/.ts module
// importing them (a Vue composable, a Pinia/Vuex store, a React DOM entry)
// runs in a page unless it also shows a server render (cwtBrowserFile).
var cwtClientModules = []string{
	"vue", "pinia", "vuex", "vue-router", "@vueuse/core", "react-dom", "react-dom/client", "react-router-dom",
	"svelte/store", "jquery",
}

// cwtServerModules are modules only server code imports: Node built-ins,
// server frameworks, and headless browsers (whose page callbacks mention
// `document` in server code).
var cwtServerModules = []string{
	"fs", "fs/promises", "path", "http", "https", "http2", "net", "crypto", "child_process", "os", "cluster",
	"worker_threads", "zlib", "stream", "fs-extra",
	"express", "koa", "fastify", "@hapi/hapi", "@nestjs/common", "next/server", "hono",
	"puppeteer", "puppeteer-core", "playwright", "playwright-core", "@playwright/test", "jsdom", "happy-dom",
	"nuxt", "vue/server-renderer", "@vue/server-renderer", "react-dom/server", "next", "h3",
}

// cwtRegistryOnly reports whether every write stores, unchanged, a value
// the writing function was given as a parameter (`helpers[name] = fn`,
// `factories.set(kind, factory)`): registration of what callers hand over,
// with nothing computed or fetched, so a comment calling the map a cache
// does not make it one. A name that says cache still counts.
func cwtRegistryOnly(fs *Facts, cand *cwtMapCand) bool {
	if cand.sayCache || len(cand.writes) == 0 {
		return false
	}
	for _, w := range cand.writes {
		v := Unparen(w.value)
		if v.Type() != "identifier" {
			return false
		}
		d, ok := fs.Resolve(v)
		if !ok || d.Kind != ParamDecl || d.Scope.ID() != w.fn.ID() || cwtJSAssignedIn(w.fn, v.Text()) {
			return false
		}
	}
	return true
}

// cwtJSAssignedIn reports whether a JS function body assigns to name.
func cwtJSAssignedIn(fn parsers.Node, name string) bool {
	found := false
	fn.Field("body").Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "assignment_expression", "augmented_assignment_expression":
			if l := Unparen(n.Field("left")); l.Type() == "identifier" && l.Text() == name {
				found = true
			}
		case "update_expression":
			if Unparen(n.Field("argument")).Text() == name {
				found = true
			}
		}
		return true
	})
	return found
}

// cwtGoCLIParams are the parameter types of CLI command code, by the
// module path of the package that declares them.
var cwtGoCLIParams = map[string]string{
	"github.com/spf13/cobra":     "Command",
	"github.com/urfave/cli":      "Context",
	"github.com/urfave/cli/v2":   "Context",
	"github.com/urfave/cli/v3":   "Command",
	"gopkg.in/urfave/cli.v1":     "Context",
	"github.com/alecthomas/kong": "Context",
}

// cliCommandWrites reports whether every write to a package-level map is
// made by a function given a CLI command (`*cobra.Command`,
// `*cli.Context`), or a function literal inside one: command code, which
// runs once per invocation of the binary, so the map lives as long as one
// command. A request handler declared inside the command (a server it
// starts) is not command code.
func (c *cwtGo) cliCommandWrites(cand *cwtMapCand) bool {
	var types []string
	for local, im := range c.fs.imports {
		if t, ok := cwtGoCLIParams[im.Module]; ok && local != "_" && local != "." {
			types = append(types, "*"+local+"."+t)
		}
	}
	if len(types) == 0 {
		return false
	}
	for _, w := range cand.writes {
		found := false
		for fn := w.fn; !fn.IsNull() && !found; fn = EnclosingFunction(fn) {
			if ps := fn.Field("parameters").Text(); strings.Contains(ps, "ResponseWriter") ||
				strings.Contains(ps, "gin.Context") || strings.Contains(ps, "echo.Context") || strings.Contains(ps, "fiber.Ctx") {
				break // a request handler declared inside the command serves requests
			}
			for _, pd := range fn.Field("parameters").NamedChildren() {
				if pd.Type() != "parameter_declaration" {
					continue
				}
				pt := collapse(pd.Field("type").Text())
				for _, t := range types {
					if pt == t {
						found = true
					}
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}
