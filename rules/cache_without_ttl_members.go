package rules

import (
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Redis collections whose members other code removes are live data
// structures — a queue's dedup set, an index of the keys a cache adapter
// wrote — rather than caches that only grow:
//
//	func (q *queue) Push(ctx context.Context, item []byte) error {
//		return q.rdb.SAdd(ctx, q.setKey, item).Err()
//	}
//	func (q *queue) Pop(ctx context.Context, item []byte) error {
//		return q.rdb.SRem(ctx, q.setKey, item).Err()
//	}
//
// A member-removing command (HDel, SRem, LPop, ZRem, …) on the same key
// anywhere in the file clears the write. "The same key" across functions
// means the same string literal, the same package-level name, or the same
// field path on the receiver of methods of the same type; a per-call local
// key only matches within one function. Deleting the whole key (Del) does
// not count: a reset does not bound what grows between resets.

// cwtGoRemovers are go-redis methods that remove members from a
// collection, with the index of the key argument after the context.
var cwtGoRemovers = map[string]int{
	"HDel": 0, "SRem": 0, "SPop": 0, "SPopN": 0, "SMove": 0,
	"LPop": 0, "RPop": 0, "LPopCount": 0, "RPopCount": 0, "LRem": 0, "RPopLPush": 0, "LMove": 0, "BLMove": 0,
	"BLPop": 1, "BRPop": 1, "BRPopLPush": 0,
	"ZRem": 0, "ZRemRangeByScore": 0, "ZRemRangeByRank": 0, "ZRemRangeByLex": 0, "ZPopMin": 0, "ZPopMax": 0,
	"BZPopMin": 1, "BZPopMax": 1,
}

// membersRemoved reports whether some removing command in the file names
// the same key as the write.
func (c *cwtGo) membersRemoved(cmd cwtCmd, key parsers.Node) bool {
	if key.IsNull() || len(c.removers) == 0 {
		return false
	}
	id := c.keyID(key)
	for _, r := range c.removers {
		rk := r.args
		if i := cwtGoRemovers[r.cmd]; i < len(rk) {
			if hpOutermostFunction(r.anchor).ID() == cmd.scope.ID() && hpSameExpr(c.fs, key, rk[i]) {
				return true
			}
			if id != "" && c.keyID(rk[i]) == id {
				return true
			}
		}
	}
	return false
}

// keyID names a Redis key expression in a way that is the same in every
// function of the file, or returns "" when it cannot: a string literal, a
// package-level name, or a field path on a method receiver (qualified by
// the receiver's type).
func (c *cwtGo) keyID(e parsers.Node) string {
	e = Unparen(e)
	if s, ok := StringValue(e); ok {
		return "lit:" + s
	}
	root := e
	for root.Type() == "selector_expression" {
		root = Unparen(root.Field("operand"))
	}
	if root.Type() != "identifier" {
		return ""
	}
	d, ok := c.fs.Resolve(root)
	if !ok {
		// Declared in another file of the package.
		return "pkg:" + collapse(e.Text())
	}
	if d.Scope.Type() == "source_file" {
		return "pkg:" + collapse(e.Text())
	}
	if e.ID() == root.ID() {
		return ""
	}
	m := hpTopStatement(root)
	if m.Type() != "method_declaration" {
		return ""
	}
	for _, pd := range m.Field("receiver").NamedChildren() {
		if pd.Type() != "parameter_declaration" {
			continue
		}
		for _, n := range pd.FieldAll("name") {
			if n.ID() == d.Node.ID() {
				t := strings.TrimPrefix(collapse(pd.Field("type").Text()), "*")
				return "recv:" + t + strings.TrimPrefix(collapse(e.Text()), root.Text())
			}
		}
	}
	return ""
}

// zeroPassthrough reports whether a zero expiration sits in the `if` branch
// that tests the enclosing function's own TTL parameter for zero (`if ttl
// == 0`, `if ttl <= 0`): an adapter handing the caller's "no expiry" on,
// which the caller decided and would be reported for.
func (c *cwtGo) zeroPassthrough(call parsers.Node) bool {
	fn := EnclosingFunction(call)
	for p := call.Parent(); !p.IsNull() && p.ID() != fn.ID(); p = p.Parent() {
		if p.Type() != "block" || p.FieldName() != "consequence" || p.Parent().Type() != "if_statement" {
			continue
		}
		cond := Unparen(p.Parent().Field("condition"))
		if cond.Type() != "binary_expression" {
			continue
		}
		op := cond.Field("operator").Text()
		l, r := Unparen(cond.Field("left")), Unparen(cond.Field("right"))
		if r.Type() == "identifier" && (op == "==" || op == ">=") {
			l, r = r, l
			if op == ">=" {
				op = "<="
			}
		}
		if (op != "==" && op != "<=") || l.Type() != "identifier" || r.Text() != "0" {
			continue
		}
		d, ok := c.fs.Resolve(l)
		if !ok || d.Kind != ParamDecl || d.Scope.ID() != fn.ID() || cwtAssignedIn(fn, l.Text()) {
			continue
		}
		return true
	}
	return false
}

// cwtAssignedIn reports whether the function body assigns to name.
func cwtAssignedIn(fn parsers.Node, name string) bool {
	found := false
	fn.Field("body").Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "assignment_statement" || n.Type() == "inc_statement" || n.Type() == "dec_statement" {
			for _, l := range n.Field("left").NamedChildren() {
				if l.Type() == "identifier" && l.Text() == name {
					found = true
				}
			}
			if n.Type() != "assignment_statement" && n.NamedChild(0).Text() == name {
				found = true
			}
		}
		return true
	})
	return found
}

// cwtJSKeyFromCaller reports whether a Redis collection write (HSET, SADD,
// ZADD, LPUSH…) stores under a key its function was handed unchanged: the
// function's own parameter, never reassigned (`key`), an element of one
// (`keys[i]`), or a local argument list that starts with one (`const args =
// [key]; client.zadd(args)`). Such a function is a storage primitive — an
// adapter over Redis used as a database — and the key's lifetime is its
// caller's decision. A function whose name says it caches is still
// responsible for the expiry.
func cwtJSKeyFromCaller(fs *Facts, cmd cwtCmd) bool {
	if len(cmd.args) == 0 || cmd.cmd == "setnx" {
		return false
	}
	if kind := cwtRedisWrites[cmd.cmd]; kind != cwtNeedsExpire {
		return false
	}
	key := Unparen(cmd.args[0])
	if key.Type() == "subscript_expression" {
		key = Unparen(key.Field("object"))
	}
	if key.Type() != "identifier" {
		return false
	}
	d, ok := fs.Resolve(key)
	if !ok {
		return false
	}
	if d.Kind != ParamDecl {
		// const args = [key, …]
		init := Unparen(d.Init)
		if d.Kind != VarDecl || init.Type() != "array" || len(init.NamedChildren()) == 0 {
			return false
		}
		first := Unparen(init.NamedChild(0))
		if first.Type() != "identifier" {
			return false
		}
		if d, ok = fs.Resolve(first); !ok || d.Kind != ParamDecl {
			return false
		}
		key = first
	}
	fn := d.Scope
	if fn.IsNull() || !IsFunction(fn) || cwtJSAssignedIn(fn, key.Text()) {
		return false
	}
	for f := EnclosingFunction(cmd.anchor); !f.IsNull(); f = EnclosingFunction(f) {
		if hpNameHas(cwtJSFuncLabel(f), "cache", "memo") {
			return false
		}
		if f.ID() == fn.ID() {
			return true
		}
	}
	return false
}

// cwtJSFuncLabel returns the name a JS function is known by: its own name,
// or the variable, property or object key it is assigned to.
func cwtJSFuncLabel(fn parsers.Node) string {
	if n := fn.Field("name"); !n.IsNull() {
		return n.Text()
	}
	p := fn.Parent()
	switch p.Type() {
	case "variable_declarator":
		return p.Field("name").Text()
	case "assignment_expression":
		l := Unparen(p.Field("left"))
		if l.Type() == "member_expression" {
			return l.Field("property").Text()
		}
		return l.Text()
	case "pair":
		return p.Field("key").Text()
	}
	return ""
}
