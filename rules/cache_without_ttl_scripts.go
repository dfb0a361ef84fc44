package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Keys whose lifetime the file's Lua scripts manage. A task queue or job
// store over Redis keeps one record per item under a key built by a key
// helper (`taskKey(q, id)`), creates it, and ends it inside an atomic
// script that deletes or expires it when the item is done:
//
//	var doneScript = redis.NewScript(`
//	redis.call("LREM", KEYS[1], 0, ARGV[1])
//	redis.call("DEL", KEYS[2])`)
//	…
//	doneScript.Run(ctx, r.rdb, []string{activeKey(q), taskKey(q, id)}, id)
//
// A plain write elsewhere in the file to a key built by the same helper
// (`r.rdb.HSet(ctx, taskKey(q, id), "result", data)`) adds to that record:
// the record's end is part of the code's own state machine, not a cache
// entry that nobody expires. The script must name the key's position in
// KEYS with DEL, UNLINK, EXPIRE, PEXPIRE, EXPIREAT or PEXPIREAT; a script
// that only reads or writes it does not count, nor does a plain Del call
// (a cache invalidation leaves every key never invalidated in place).

// scriptManaged reports whether key is built by a key helper whose keys a
// Lua script of the file deletes or expires.
func (c *cwtGo) scriptManaged(key parsers.Node) bool {
	id := c.builderID(key)
	if id == "" {
		return false
	}
	if c.scriptKeys == nil {
		c.scriptKeys = c.collectScriptKeys()
	}
	return c.scriptKeys[id]
}

// builderID names the key helper a key expression is built by — the call
// itself, or the initialiser of a local holding it — or returns "". Calls
// into the standard library (strings.Join, fmt.Sprint…) build anything and
// do not name a key family; fmt.Sprintf is named by its format instead.
func (c *cwtGo) builderID(e parsers.Node) string {
	e = Unparen(e)
	if e.Type() == "identifier" {
		d, ok := c.fs.Resolve(e)
		if !ok || d.Kind != VarDecl || d.Scope.Type() == "source_file" || d.Init.IsNull() {
			return ""
		}
		if cwtAssignedIn(d.Scope, e.Text()) {
			return ""
		}
		e = Unparen(d.Init)
	}
	if e.Type() != "call_expression" || len(hpArgs(e)) == 0 {
		return ""
	}
	fn := Unparen(e.Field("function"))
	switch fn.Type() {
	case "identifier":
		return "fn:" + fn.Text()
	case "selector_expression":
		op := Unparen(fn.Field("operand"))
		if op.Type() == "identifier" {
			if im, ok := c.fs.imports[op.Text()]; ok && !strings.Contains(im.Module, ".") {
				if im.Module == "fmt" && fn.Field("field").Text() == "Sprintf" {
					if f, ok := StringValue(hpArgs(e)[0]); ok {
						return "fmt:" + f
					}
				}
				return ""
			}
		}
		return "fn:" + collapse(fn.Text())
	}
	return ""
}

var cwtScriptRunMethods = map[string]bool{"Run": true, "RunRO": true, "Eval": true, "EvalRO": true, "EvalSha": true, "EvalShaRO": true}

// collectScriptKeys returns the key helpers whose keys some script run in
// the file deletes or expires.
func (c *cwtGo) collectScriptKeys() map[string]bool {
	out := map[string]bool{}
	scripts := map[string]string{} // package-level script variable -> Lua source
	root := c.p.File.Root()
	root.Walk(func(n parsers.Node) bool {
		if n.Type() != "var_spec" {
			t := n.Type()
			return t == "source_file" || t == "var_declaration" || t == "var_spec_list"
		}
		names := n.FieldAll("name")
		vals := n.Field("value").NamedChildren()
		for i, v := range vals {
			if i >= len(names) {
				break
			}
			if src, ok := c.scriptSource(v); ok {
				scripts[names[i].Text()] = src
			}
		}
		return false
	})
	if len(scripts) == 0 {
		return out
	}
	isScript := func(e parsers.Node) (string, bool) {
		e = Unparen(e)
		if e.Type() != "identifier" {
			return "", false
		}
		d, ok := c.fs.Resolve(e)
		if !ok || d.Scope.Type() != "source_file" {
			return "", false
		}
		src, ok := scripts[e.Text()]
		return src, ok
	}
	root.Walk(func(n parsers.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		args := hpArgs(n)
		src, keys := "", parsers.Node{}
		if fn := Unparen(n.Field("function")); fn.Type() == "selector_expression" && cwtScriptRunMethods[fn.Field("field").Text()] {
			if s, ok := isScript(fn.Field("operand")); ok && len(args) >= 3 {
				src, keys = s, args[2] // script.Run(ctx, client, keys, args...)
			}
		}
		if keys.IsNull() {
			for i, a := range args {
				if s, ok := isScript(a); ok && i+1 < len(args) {
					src, keys = s, args[i+1] // runScript(ctx, op, script, keys, args...)
					break
				}
			}
		}
		if keys.IsNull() {
			return true
		}
		for i, el := range c.keyList(keys) {
			id := c.builderID(el)
			if id == "" || out[id] {
				continue
			}
			if cwtScriptEnds(src, i+1) {
				out[id] = true
			}
		}
		return true
	})
	return out
}

// scriptSource returns the Lua source of `X.NewScript(src)` (go-redis) or
// `X.NewScript(n, src)` (redigo), the source given as a literal or a
// constant.
func (c *cwtGo) scriptSource(v parsers.Node) (string, bool) {
	v = Unparen(v)
	if v.Type() == "unary_expression" {
		v = Unparen(v.Field("operand"))
	}
	if v.Type() != "call_expression" {
		return "", false
	}
	fn := Unparen(v.Field("function"))
	if fn.Type() != "selector_expression" || fn.Field("field").Text() != "NewScript" {
		return "", false
	}
	args := hpArgs(v)
	if len(args) == 0 {
		return "", false
	}
	a := Unparen(args[len(args)-1])
	if s, ok := StringValue(a); ok {
		return s, true
	}
	if a.Type() == "identifier" {
		if d, ok := c.fs.Resolve(a); ok && !d.Init.IsNull() {
			return StringValue(d.Init)
		}
	}
	return "", false
}

// keyList returns the elements of a `[]string{…}` keys argument, given
// directly or through a local initialised with one.
func (c *cwtGo) keyList(e parsers.Node) []parsers.Node {
	e = Unparen(e)
	if e.Type() == "identifier" {
		d, ok := c.fs.Resolve(e)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() {
			return nil
		}
		e = Unparen(d.Init)
	}
	if e.Type() != "composite_literal" {
		return nil
	}
	var out []parsers.Node
	for _, el := range e.Field("body").NamedChildren() {
		if el.Type() == "keyed_element" {
			return nil
		}
		if el.Type() == "literal_element" {
			el = el.NamedChild(0)
		}
		out = append(out, el)
	}
	return out
}

var cwtScriptEndRE = regexp.MustCompile(`(?i)redis\.p?call\(\s*["'](?:del|unlink|expire|pexpire|expireat|pexpireat)["']\s*,\s*KEYS\[\s*(\d+)\s*\]\s*[,)]`)

// cwtScriptEnds reports whether the Lua source deletes or expires KEYS[i].
func cwtScriptEnds(src string, i int) bool {
	for _, m := range cwtScriptEndRE.FindAllStringSubmatch(src, -1) {
		if m[1] == strconv.Itoa(i) {
			return true
		}
	}
	return false
}
