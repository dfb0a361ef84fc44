package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// SyncAPIInAsync reports synchronous, blocking work on a request path: Node
// *Sync APIs inside async functions and handlers, and in Go blocking calls
// in HTTP handlers or a mutex held across network I/O.
var SyncAPIInAsync = &Rule{
	ID:        "sync-api-in-async",
	Title:     "blocking call inside async code or a request handler",
	Doc:       doc("sync-api-in-async"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     checkSyncAPIInAsync,
}

func checkSyncAPIInAsync(p *Pass) {
	if p.File.Lang == parsers.Go {
		sapiCheckGo(p)
		return
	}
	sapiCheckJS(p)
}

// sapiModule normalises a module specifier: "node:fs" -> "fs".
func sapiModule(m string) string {
	m = strings.TrimPrefix(m, "node:")
	switch m {
	case "fs-extra", "graceful-fs", "original-fs":
		return "fs"
	case "bcryptjs":
		return "bcrypt"
	}
	return m
}

var sapiCrypto = map[string]string{
	"pbkdf2Sync": "crypto.pbkdf2", "scryptSync": "crypto.scrypt", "randomFillSync": "crypto.randomFill",
	"generateKeyPairSync": "crypto.generateKeyPair", "generateKeySync": "crypto.generateKey",
	"generatePrimeSync": "crypto.generatePrime", "checkPrimeSync": "crypto.checkPrime",
}

var sapiChild = map[string]string{"execSync": "execFile", "spawnSync": "spawn", "execFileSync": "execFile"}

var sapiBcrypt = map[string]string{"hashSync": "hash", "compareSync": "compare", "genSaltSync": "genSalt"}

// sapiBlockingAPI reports whether member name of module blocks, and the
// asynchronous alternative to suggest.
func sapiBlockingAPI(module, name string) (alt string, ok bool) {
	if !strings.HasSuffix(name, "Sync") || len(name) <= 4 {
		return "", false
	}
	base := strings.TrimSuffix(name, "Sync")
	switch sapiModule(module) {
	case "fs":
		if name == "existsSync" {
			return "`await fs.promises.access(path)` (or `stat`) in a try/catch", true
		}
		return "`await fs.promises." + base + "(…)`", true
	case "crypto":
		if a, ok := sapiCrypto[name]; ok {
			return "`" + a + "` with a callback or `util.promisify(" + a + ")`", true
		}
	case "zlib":
		return "`zlib." + base + "` with a callback / `util.promisify`, or a stream (`zlib.createGzip()`)", true
	case "child_process":
		if a, ok := sapiChild[name]; ok {
			return "the asynchronous `" + a + "` (e.g. `util.promisify(execFile)`)", true
		}
	case "bcrypt":
		if a, ok := sapiBcrypt[name]; ok {
			return "`await bcrypt." + a + "(…)` (asynchronous, off the event loop)", true
		}
	}
	return "", false
}

var sapiWhy = map[string]string{
	"fs":            "does file I/O on the event loop",
	"crypto":        "runs CPU-heavy crypto on the event loop",
	"zlib":          "compresses on the event loop",
	"child_process": "waits for a child process on the event loop",
	"bcrypt":        "hashes on the event loop (by design slow: tens of ms)",
}

// Methods whose function argument is called synchronously, during the call.
var sapiSyncCallbacks = map[string]bool{
	"map": true, "forEach": true, "filter": true, "reduce": true, "reduceRight": true, "some": true, "every": true,
	"find": true, "findIndex": true, "findLast": true, "findLastIndex": true, "flatMap": true, "sort": true,
	"from": true,
}

var sapiRouteMethods = map[string]bool{
	"get": true, "post": true, "put": true, "patch": true, "delete": true, "del": true, "head": true,
	"options": true, "all": true, "use": true, "addHook": true, "route": true,
}

var sapiNestDecorators = map[string]bool{
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "All": true, "Head": true,
	"Options": true, "Sse": true, "Query": true, "Mutation": true, "ResolveField": true,
}

// sapiBuildTime are framework hooks that run at build time, not per request.
var sapiBuildTime = map[string]bool{
	"getStaticProps": true, "getStaticPaths": true, "generateStaticParams": true,
	"createPages": true, "onCreateNode": true, "sourceNodes": true, "createSchemaCustomization": true,
}

var sapiNextVerbs = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

type sapiJS struct {
	p  *Pass
	fs *Facts

	calls       []sapiHit
	topCalled   map[string]bool
	innerCalled map[string][]parsers.Node
	routeArgs   map[string]bool
	startupDir  bool // the file is in a start-up folder (sapiStartupDirs)
}

type sapiHit struct {
	call   parsers.Node
	label  string // the call as written: fs.readFileSync
	module string // normalised module, or "" for knowledge matches
	name   string // imported member name (readFileSync)
	alt    string
	ns     bool // called through a namespace/default import (fs.x)
}

// sapiScriptDirs are folders of CLI scripts and one-off tools.
var sapiScriptDirs = map[string]bool{"scripts": true, "script": true, "bin": true, "cli": true, "migrations": true, "seeds": true, "seeders": true}

// sapiStartupDirs are folders of start-up code: loaders and boot scripts
// the application runs once while it starts (Bulletproof-style
// src/loaders/, LoopBack server/boot/, Strapi's loaders). Request handlers
// registered there still run per request.
var sapiStartupDirs = map[string]bool{"loaders": true, "boot": true, "startup": true, "initializers": true}

// sapiInStartupDir reports whether a file lies in a start-up folder.
func sapiInStartupDir(f *parsers.File) bool {
	p := strings.ReplaceAll(f.Path, "\\", "/")
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if sapiStartupDirs[seg] {
			return true
		}
	}
	return false
}

func sapiIsScript(f *parsers.File) bool {
	if len(f.Src) > 2 && f.Src[0] == '#' && f.Src[1] == '!' {
		return true
	}
	p := strings.ReplaceAll(f.Path, "\\", "/")
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if sapiScriptDirs[seg] {
			return true
		}
	}
	base := path.Base(p)
	return strings.Contains(base, ".config.") || strings.HasPrefix(base, "gulpfile") || strings.HasPrefix(base, "Gruntfile") ||
		strings.HasPrefix(base, "gatsby-node") || strings.HasPrefix(base, ".eleventy")
}

func sapiCheckJS(p *Pass) {
	if !hpContainsAny(p.File.Src, "Sync") && len(p.Knowledge.BlockingCalls) == 0 {
		return
	}
	if sapiIsScript(p.File) {
		return
	}
	s := &sapiJS{p: p, fs: p.Facts(), topCalled: map[string]bool{}, innerCalled: map[string][]parsers.Node{}, routeArgs: map[string]bool{},
		startupDir: sapiInStartupDir(p.File)}
	p.File.Root().Walk(func(n parsers.Node) bool {
		if n.Type() == "call_expression" {
			s.call(n)
		}
		return true
	})
	for _, h := range s.calls {
		s.check(h)
	}
}

func (s *sapiJS) call(n parsers.Node) {
	fn := Unparen(n.Field("function"))
	switch fn.Type() {
	case "identifier":
		name := fn.Text()
		if EnclosingFunction(n).IsNull() {
			s.topCalled[name] = true
		} else {
			s.innerCalled[name] = append(s.innerCalled[name], n)
		}
		if im, ok := s.fs.Import(name); ok {
			if alt, ok := sapiBlockingAPI(im.Module, im.Name); ok {
				s.calls = append(s.calls, sapiHit{call: n, label: name, module: sapiModule(im.Module), name: im.Name, alt: alt})
				return
			}
		}
	case "member_expression":
		prop := fn.Field("property").Text()
		if sapiRouteMethods[prop] {
			args := hpArgs(n)
			if sapiHasPathArg(args) {
				for _, a := range args {
					if a.Type() == "identifier" {
						s.routeArgs[a.Text()] = true
					}
				}
			}
		}
		if strings.HasSuffix(prop, "Sync") {
			obj := Unparen(fn.Field("object"))
			mod := ""
			switch obj.Type() {
			case "identifier":
				if im, ok := s.fs.Import(obj.Text()); ok && (im.Name == "*" || im.Name == "default") {
					mod = im.Module
				} else if ok && sapiModule(im.Module) == "fs" && im.Name == "fs" {
					mod = im.Module
				}
			case "call_expression":
				if m, ok := requireCall(obj); ok {
					mod = m
				}
			}
			if mod != "" {
				if alt, ok := sapiBlockingAPI(mod, prop); ok {
					s.calls = append(s.calls, sapiHit{call: n, label: collapse(fn.Text()), module: sapiModule(mod), name: prop, alt: alt,
						ns: obj.Type() == "identifier"})
					return
				}
			}
		}
	}
	if len(s.p.Knowledge.BlockingCalls) > 0 && MatchCall(s.p.Knowledge.BlockingCalls, n) {
		s.calls = append(s.calls, sapiHit{call: n, label: collapse(fn.Text())})
	}
}

// sapiHasPathArg reports whether a route registration names a path: a
// string or template starting with "/" (or "*"), a regex, or an array of
// those.
func sapiHasPathArg(args []parsers.Node) bool {
	for _, a := range args {
		a = Unparen(a)
		switch a.Type() {
		case "regex":
			return true
		case "array":
			for _, e := range a.NamedChildren() {
				if v, ok := StringValue(e); ok && (strings.HasPrefix(v, "/") || v == "*") {
					return true
				}
			}
		case "template_string":
			t := a.Text()
			if len(t) > 1 && (t[1] == '/' || t[1] == '$') {
				return true
			}
		default:
			if v, ok := StringValue(a); ok && (strings.HasPrefix(v, "/") || v == "*" || strings.HasPrefix(v, "/*")) {
				return true
			}
		}
	}
	return false
}

func (s *sapiJS) check(h sapiHit) {
	where, fn, ok := s.context(h.call)
	if !ok {
		return
	}
	why := sapiWhy[h.module]
	if why == "" {
		why = "is listed as blocking in the repository's knowledge.blocking_calls"
	}
	alt := h.alt
	if alt == "" {
		alt = "an asynchronous alternative"
	}
	name := FunctionName(fn)
	if name != "" {
		where += " `" + name + "`"
	}
	d := Diagnostic{
		Node: h.call,
		Message: fmt.Sprintf("`%s` %s inside %s: while it runs, no other request on this process makes progress; use %s",
			h.label, why, where, alt),
	}
	d.Fix = s.fix(h, fn)
	s.p.Report(d)
}

// context decides whether a call runs on a request path: inside an async
// function, a promise callback or a request handler (directly, or through
// callbacks invoked synchronously there), and not in start-up code.
func (s *sapiJS) context(call parsers.Node) (where string, fn parsers.Node, ok bool) {
	f := EnclosingFunction(call)
	for depth := 0; !f.IsNull() && depth < 10; depth++ {
		if s.isHandler(f) {
			return "request handler", f, true
		}
		if hpIsAsync(f) {
			if s.inStartup(f) {
				return "", f, false
			}
			return "async function", f, true
		}
		if s.isPromiseCallback(f) {
			if s.inStartup(f) || EnclosingFunction(f).IsNull() {
				return "", f, false
			}
			return "a promise callback in", EnclosingFunction(f), true
		}
		if !s.syncInvoked(f) {
			return "", f, false
		}
		f = EnclosingFunction(f)
	}
	return "", f, false
}

// inStartup reports whether f runs as start-up code: it or a function
// around it is a top-level function called only from the module's top
// level (main(), bootstrap()), a top-level IIFE, or a listen() callback,
// with no request handler in between; or the file is in a start-up folder
// (loaders/, boot/) and no request handler is around f.
func (s *sapiJS) inStartup(f parsers.Node) bool {
	for g := f; !g.IsNull(); g = EnclosingFunction(g) {
		if g.ID() != f.ID() && s.isHandler(g) {
			return false
		}
		if s.startupRoot(g) {
			return true
		}
	}
	return s.startupDir
}

func (s *sapiJS) startupRoot(f parsers.Node) bool {
	p := f.Parent()
	// (async () => { … })() at top level
	if p.Type() == "parenthesized_expression" {
		if c := p.Parent(); c.Type() == "call_expression" && c.Field("function").ID() == p.ID() && EnclosingFunction(c).IsNull() {
			return true
		}
	}
	if p.Type() == "arguments" {
		if c := p.Parent(); c.Type() == "call_expression" {
			_, m := Callee(c)
			if m == "listen" || m == "once" {
				return true
			}
		}
	}
	if !EnclosingFunction(f).IsNull() {
		return false
	}
	name := ""
	switch f.Type() {
	case "function_declaration":
		name = f.Field("name").Text()
	default:
		if p.Type() == "variable_declarator" {
			name = p.Field("name").Text()
		}
	}
	if name == "" {
		return false
	}
	if name == "main" || name == "bootstrap" || sapiBuildTime[name] {
		return true
	}
	return s.topCalled[name] && len(s.innerCalled[name]) == 0 && !s.routeArgs[name]
}

func (s *sapiJS) isPromiseCallback(f parsers.Node) bool {
	p := f.Parent()
	if p.Type() != "arguments" {
		return false
	}
	c := p.Parent()
	switch c.Type() {
	case "call_expression":
		_, m := Callee(c)
		return m == "then" || m == "catch" || m == "finally"
	case "new_expression":
		return Unparen(c.Field("constructor")).Text() == "Promise"
	}
	return false
}

// syncInvoked reports whether a non-async function runs synchronously where
// it is written: an array-method callback, an IIFE, or a local function
// called in the function that defines it.
func (s *sapiJS) syncInvoked(f parsers.Node) bool {
	p := f.Parent()
	switch p.Type() {
	case "arguments":
		if c := p.Parent(); c.Type() == "call_expression" {
			_, m := Callee(c)
			return sapiSyncCallbacks[m]
		}
	case "parenthesized_expression":
		c := p.Parent()
		return c.Type() == "call_expression" && c.Field("function").ID() == p.ID()
	case "call_expression":
		return p.Field("function").ID() == f.ID()
	}
	name := ""
	switch {
	case f.Type() == "function_declaration":
		name = f.Field("name").Text()
	case p.Type() == "variable_declarator":
		name = p.Field("name").Text()
	}
	outer := EnclosingFunction(f)
	if name == "" || outer.IsNull() {
		return false
	}
	for _, c := range s.innerCalled[name] {
		if outer.Contains(c) && !f.Contains(c) {
			return true
		}
	}
	return false
}

// isHandler reports whether f is a request handler, async or not.
func (s *sapiJS) isHandler(f parsers.Node) bool {
	// Nest: @Get() / @Post() … on a controller method.
	if f.Type() == "method_definition" {
		for d := f.PrevNamedSibling(); !d.IsNull() && d.Type() == "decorator"; d = d.PrevNamedSibling() {
			e := d.NamedChild(0)
			if e.Type() == "call_expression" {
				e = e.Field("function")
			}
			if sapiNestDecorators[e.Text()] {
				return true
			}
		}
	}
	names, types := hpJSParams(f)
	for i := 0; i+1 < len(names) && i < 2; i++ {
		p0, p1 := strings.TrimLeft(names[i], "_"), strings.TrimLeft(names[i+1], "_")
		if (p0 == "req" || p0 == "request") && (p1 == "res" || p1 == "response" || p1 == "reply" || p1 == "h") {
			return true // (req, res), (err, req, res, next)
		}
		if i == 0 && p0 == "ctx" && p1 == "next" {
			return true
		}
	}
	if len(names) >= 1 && strings.HasSuffix(types[0], "Request") {
		if n := strings.TrimLeft(names[0], "_"); n == "req" || n == "request" || n == "" ||
			len(types) >= 2 && (strings.HasSuffix(types[1], "Response") || strings.HasSuffix(types[1], "Reply")) {
			return true
		}
	}
	p := f.Parent()
	switch p.Type() {
	case "arguments":
		c := p.Parent()
		if c.Type() == "call_expression" {
			recv, m := Callee(c)
			if sapiRouteMethods[m] && m != "route" {
				if sapiHasPathArg(hpArgs(c)) || m == "addHook" {
					return true
				}
				if r := Unparen(recv); r.Type() == "call_expression" {
					if _, rm := Callee(r); rm == "route" {
						return true
					}
				}
			}
		}
	case "pair":
		if k := p.Field("key").Text(); k == "handler" || k == "preHandler" {
			if obj := p.Parent(); obj.Type() == "object" && obj.Parent().Type() == "arguments" {
				if c := obj.Parent().Parent(); c.Type() == "call_expression" {
					_, m := Callee(c)
					return sapiRouteMethods[m]
				}
			}
		}
	}
	// Next.js: export function GET(…), export default function handler in pages/api.
	name, exported, def := sapiExport(f)
	if exported && sapiNextVerbs[name] {
		return true
	}
	if def && strings.Contains(strings.ReplaceAll(s.p.File.Path, "\\", "/"), "pages/api/") {
		return true
	}
	// A top-level function registered as a route handler in this file.
	if name != "" && s.routeArgs[name] && EnclosingFunction(f).IsNull() {
		return true
	}
	return false
}

// sapiExport returns a function's own name and whether it is exported
// (and whether as the default export).
func sapiExport(f parsers.Node) (name string, exported, def bool) {
	p := f.Parent()
	switch {
	case f.Type() == "function_declaration":
		name = f.Field("name").Text()
	case p.Type() == "variable_declarator":
		name = p.Field("name").Text()
		p = p.Parent().Parent()
	}
	if p.Type() == "export_statement" {
		exported = true
		for c := p.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if c.Type() == "default" {
				def = true
			}
		}
	}
	return name, exported, def
}

var sapiFsPromises = map[string]string{
	"readFileSync": "readFile", "writeFileSync": "writeFile", "appendFileSync": "appendFile", "readdirSync": "readdir",
	"statSync": "stat", "lstatSync": "lstat", "mkdirSync": "mkdir", "unlinkSync": "unlink", "rmSync": "rm",
	"renameSync": "rename", "copyFileSync": "copyFile", "realpathSync": "realpath", "rmdirSync": "rmdir",
	"readlinkSync": "readlink", "mkdtempSync": "mkdtemp", "chmodSync": "chmod", "truncateSync": "truncate",
}

// fix offers `await fs.promises.x(…)` for fs.xSync(…) written directly in an
// async function, when the rewrite is purely mechanical.
func (s *sapiJS) fix(h sapiHit, fn parsers.Node) *Fix {
	if !h.ns || EnclosingFunction(h.call).ID() != fn.ID() || !hpIsAsync(fn) {
		return nil
	}
	fnNode := Unparen(h.call.Field("function"))
	obj := Unparen(fnNode.Field("object"))
	im, _ := s.fs.Import(obj.Text())
	if m := strings.TrimPrefix(im.Module, "node:"); m != "fs" {
		return nil
	}
	async, ok := sapiFsPromises[h.name]
	if !ok || h.call.StartLine() != h.call.EndLine() {
		return nil
	}
	switch h.call.Parent().Type() {
	case "member_expression", "subscript_expression", "call_expression", "await_expression", "unary_expression":
		return nil
	}
	line := h.call.StartLine()
	text := s.p.File.Line(line)
	old := obj.Text() + "." + h.name + "("
	if strings.Count(text, old) != 1 {
		return nil
	}
	repl := strings.Replace(text, old, "await "+obj.Text()+".promises."+async+"(", 1)
	return &Fix{
		Description: fmt.Sprintf("use await %s.promises.%s", obj.Text(), async),
		StartLine:   line,
		EndLine:     line,
		Replacement: repl,
	}
}
