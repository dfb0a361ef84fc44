package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// go-redis methods that write a key. Set-like ones take an expiration as
// their last argument; the others need an Expire on the same key.
var cwtGoWrites = map[string]int{
	"Set": cwtSetLike, "SetNX": cwtSetLike, "SetXX": cwtSetLike, "SetArgs": cwtSetLike,
	"HSet": cwtNeedsExpire, "HMSet": cwtNeedsExpire, "HSetNX": cwtNeedsExpire, "SAdd": cwtNeedsExpire,
	"LPush": cwtNeedsExpire, "RPush": cwtNeedsExpire, "ZAdd": cwtNeedsExpire, "ZAddNX": cwtNeedsExpire,
	"GeoAdd": cwtNeedsExpire, "PFAdd": cwtNeedsExpire,
	"MSet": cwtMultiKey, "MSetNX": cwtMultiKey,
}

var cwtGoExpires = map[string]bool{
	"Expire": true, "PExpire": true, "ExpireAt": true, "PExpireAt": true, "ExpireNX": true, "ExpireXX": true,
	"ExpireGT": true, "ExpireLT": true, "HExpire": true, "HPExpire": true, "LTrim": true,
}

// cwtGoInteresting are the method names the Go walk looks at at all.
var cwtGoInteresting = func() map[string]bool {
	m := map[string]bool{"New": true, "Set": true, "Add": true, "Replace": true, "Do": true, "Send": true}
	for k := range cwtGoWrites {
		m[k] = true
	}
	for k := range cwtGoExpires {
		m[k] = true
	}
	return m
}()

type cwtGo struct {
	p  *Pass
	fs *Facts

	goRedis string // local name of the go-redis package, or ""
	redigo  string // local name of redigo's redis package, or ""
	goCache string // local name of patrickmn/go-cache, or ""

	cmds    []cwtCmd
	expires []cwtCmd
	assigns map[string][]parsers.Node // variable name -> right-hand sides assigned in the file
	cands   map[string]*cwtMapCand
}

func cwtCheckGo(p *Pass) {
	c := &cwtGo{p: p, fs: p.Facts(), assigns: map[string][]parsers.Node{}}
	for local, im := range c.fs.imports {
		switch m := im.Module; {
		case strings.HasPrefix(m, "github.com/redis/go-redis") || strings.HasPrefix(m, "github.com/go-redis/redis") || m == "gopkg.in/redis.v5" || m == "gopkg.in/redis.v6":
			c.goRedis = local
		case strings.HasPrefix(m, "github.com/gomodule/redigo/redis") || strings.HasPrefix(m, "github.com/garyburd/redigo/redis"):
			c.redigo = local
		case m == "github.com/patrickmn/go-cache":
			c.goCache = local
		}
	}
	c.collectCandidates()
	// Everything this rule knows in Go comes from these imports or from a
	// package-level cache variable.
	if c.goRedis == "" && c.redigo == "" && c.goCache == "" && len(c.cands) == 0 &&
		!hpContainsAny(p.File.Src, "edis", "rdb") {
		return
	}
	p.File.Root().Walk(func(n parsers.Node) bool {
		switch n.Type() {
		case "call_expression":
			c.call(n)
		case "assignment_statement":
			l, r := n.Field("left").NamedChildren(), n.Field("right").NamedChildren()
			if len(l) == len(r) {
				for i, x := range l {
					if x.Type() == "identifier" {
						c.assigns[x.Text()] = append(c.assigns[x.Text()], r[i])
					}
				}
			}
		case "identifier":
			if len(c.cands) > 0 {
				if cand := c.cands[n.Text()]; cand != nil && n.ID() != cand.id.ID() {
					c.ref(cand, n)
				}
			}
		}
		return true
	})
	for i := range c.expires {
		c.expires[i].scope = hpOutermostFunction(c.expires[i].anchor)
	}
	for _, cmd := range c.cmds {
		cmd.scope = hpOutermostFunction(cmd.anchor)
		c.checkCmd(cmd)
	}
	for _, cand := range c.cands {
		c.checkCand(cand)
	}
}

func (c *cwtGo) call(n parsers.Node) {
	fn := Unparen(n.Field("function"))
	if fn.Type() != "selector_expression" {
		return
	}
	recv := fn.Field("operand")
	m := fn.Field("field").Text()
	if !cwtGoInteresting[m] {
		return
	}
	label := collapse(fn.Text())
	// go-cache: cache.New(cache.NoExpiration, …), c.Set(k, v, cache.NoExpiration)
	if c.goCache != "" {
		args := hpArgs(n)
		if m == "New" && Unparen(recv).Text() == c.goCache && len(args) == 2 {
			if c.noExpiration(args[0]) {
				c.p.Reportf(n, "`%s(%s, …)` creates an in-process cache whose items never expire and which has no size bound, so it grows with every key; pass a default expiration such as `10*time.Minute`", label, collapse(args[0].Text()))
			}
			return
		}
		if (m == "Set" || m == "Add" || m == "Replace") && len(args) == 3 && c.noExpiration(args[2]) &&
			Unparen(args[2]).Type() == "selector_expression" {
			c.p.Reportf(n, "`%s(…, %s)` stores an entry that never expires in an unbounded in-process cache; pass `cache.DefaultExpiration` or an explicit duration", label, collapse(args[2].Text()))
			return
		}
	}
	// Generic command calls: redigo conn.Do("SET", …), go-redis rdb.Do(ctx, "set", …).
	if m == "Do" || m == "Send" {
		args := hpArgs(n)
		for i := 0; i < len(args) && i < 2; i++ {
			name, ok := StringValue(args[i])
			if !ok {
				continue
			}
			if c.redigo == "" && !c.isRedis(recv, 0) {
				return
			}
			lc := strings.ToLower(name)
			cmd := cwtCmd{anchor: n, cmd: lc, args: args[i+1:], list: true, recv: recv, label: label + "(\"" + name + "\", …)"}
			if _, w := cwtRedisWrites[lc]; w {
				c.cmds = append(c.cmds, cmd)
			} else if cwtRedisExpires[lc] {
				c.expires = append(c.expires, cmd)
			}
			return
		}
		return
	}
	_, isWrite := cwtGoWrites[m]
	isExp := cwtGoExpires[m]
	if !isWrite && !isExp {
		return
	}
	if !c.isRedis(recv, 0) {
		return
	}
	args := hpArgs(n)
	// Drop the context argument (go-redis v8+).
	if len(args) > 0 && cwtGoIsContext(args[0]) {
		args = args[1:]
	}
	cmd := cwtCmd{anchor: n, cmd: m, args: args, recv: recv, label: label}
	if isWrite {
		c.cmds = append(c.cmds, cmd)
	} else {
		c.expires = append(c.expires, cmd)
	}
}

// cwtGoIsContext reports whether an argument looks like a context.
func cwtGoIsContext(e parsers.Node) bool {
	t := Unparen(e).Text()
	l := strings.ToLower(t)
	return l == "ctx" || strings.HasSuffix(l, "ctx") || strings.HasPrefix(t, "context.") || strings.HasSuffix(t, ".Context()") ||
		strings.HasSuffix(l, "context")
}

func (c *cwtGo) noExpiration(e parsers.Node) bool {
	e = Unparen(e)
	switch e.Type() {
	case "selector_expression":
		return e.Field("operand").Text() == c.goCache && e.Field("field").Text() == "NoExpiration"
	case "int_literal":
		return e.Text() == "0"
	case "unary_expression":
		return strings.ReplaceAll(e.Text(), " ", "") == "-1"
	}
	return false
}

func (c *cwtGo) checkCmd(cmd cwtCmd) {
	if cmd.list { // Do("SET", …)
		kind := cwtRedisWrites[cmd.cmd]
		if len(cmd.args) == 0 {
			return
		}
		for _, a := range cmd.args {
			if a.Type() == "variadic_argument" || strings.HasSuffix(a.Text(), "...") {
				return
			}
		}
		switch kind {
		case cwtSetLike:
			if len(cmd.args) < 2 {
				return
			}
			ttl, unknown := cwtJSSetOptions(cmd.args[2:])
			if ttl || unknown || c.expiredInScope(cmd, cmd.args[0]) {
				return
			}
			c.p.Reportf(cmd.anchor, "`%s` stores a Redis key with no expiry, so it stays until deleted; add `\"EX\", seconds` (or PX/KEEPTTL) to the command, or use SETEX", cwtShort(cmd.label))
		case cwtNeedsExpire, cwtMultiKey:
			c.needsExpire(cmd, kind)
		}
		return
	}
	kind := cwtGoWrites[cmd.cmd]
	switch kind {
	case cwtSetLike:
		if len(cmd.args) < 3 {
			return
		}
		exp := cmd.args[len(cmd.args)-1]
		if cmd.cmd == "SetArgs" {
			if !c.setArgsWithoutTTL(exp) || c.expiredInScope(cmd, cmd.args[0]) {
				return
			}
			c.p.Reportf(cmd.anchor, "`%s` with no `TTL`, `ExpireAt` or `KeepTTL` stores a Redis key that never expires; set `TTL` in `redis.SetArgs`", cwtShort(cmd.label))
			return
		}
		zero, why := c.zeroDuration(exp, 0)
		if !zero || c.expiredInScope(cmd, cmd.args[0]) {
			return
		}
		if why != "" {
			why = " (" + why + ")"
		}
		c.p.Reportf(cmd.anchor, "`%s` is called with expiration `%s`%s, which stores the key forever; pass a non-zero TTL such as `time.Hour`, or `redis.KeepTTL` to keep the current one", cwtShort(cmd.label), collapse(exp.Text()), why)
	case cwtNeedsExpire, cwtMultiKey:
		c.needsExpire(cmd, kind)
	}
}

func (c *cwtGo) needsExpire(cmd cwtCmd, kind int) {
	if len(cmd.args) == 0 {
		return
	}
	key := cmd.args[0]
	if kind == cwtMultiKey {
		key = parsers.Node{}
	}
	if c.expiredInScope(cmd, key) {
		return
	}
	lc := strings.ToLower(cmd.cmd)
	if (lc == "lpush" || lc == "rpush") && cwtQueueKey(key) {
		return
	}
	what := "the key"
	if !key.IsNull() {
		what = "`" + cwtShort(collapse(key.Text())) + "`"
	}
	c.p.Reportf(cmd.anchor, "`%s` writes %s in Redis and nothing in this function sets an expiry on it, so it lives until deleted; call `Expire(ctx, key, ttl)` on the same key (in the same pipeline or transaction)", cwtShort(cmd.label), what)
}

func (c *cwtGo) expiredInScope(cmd cwtCmd, key parsers.Node) bool {
	for _, e := range c.expires {
		if e.scope.ID() != cmd.scope.ID() {
			continue
		}
		if key.IsNull() || len(e.args) == 0 || hpSameExpr(c.fs, key, e.args[0]) {
			return true
		}
	}
	return false
}

// setArgsWithoutTTL reports whether a redis.SetArgs{…} literal visibly sets
// no expiry.
func (c *cwtGo) setArgsWithoutTTL(e parsers.Node) bool {
	e = Unparen(e)
	if e.Type() == "unary_expression" {
		e = Unparen(e.Field("operand"))
	}
	if e.Type() != "composite_literal" || !strings.HasSuffix(e.Field("type").Text(), "SetArgs") {
		return false
	}
	for _, el := range e.Field("body").NamedChildren() {
		if el.Type() != "keyed_element" {
			continue
		}
		kv := el.NamedChildren()
		if len(kv) != 2 {
			return false
		}
		switch strings.TrimSpace(kv[0].Text()) {
		case "ExpireAt", "KeepTTL":
			return false
		case "TTL":
			if z, _ := c.zeroDuration(kv[1].NamedChild(0), 0); !z {
				return false
			}
		}
	}
	return true
}

// zeroDuration reports whether an expiration visibly is zero: a literal 0,
// or a constant or variable declared or assigned 0 in this file. why
// explains a non-literal.
func (c *cwtGo) zeroDuration(e parsers.Node, depth int) (bool, string) {
	if depth > 4 || e.IsNull() {
		return false, ""
	}
	e = Unparen(e)
	switch e.Type() {
	case "literal_element":
		return c.zeroDuration(e.NamedChild(0), depth)
	case "int_literal", "float_literal":
		t := strings.TrimLeft(strings.ReplaceAll(e.Text(), "_", ""), "0.")
		return t == "" || t == "x" || t == "e", ""
	case "call_expression": // time.Duration(0)
		if f := e.Field("function").Text(); f == "time.Duration" {
			args := hpArgs(e)
			if len(args) == 1 {
				return c.zeroDuration(args[0], depth+1)
			}
		}
	case "binary_expression":
		if e.Field("operator").Text() == "*" {
			if z, w := c.zeroDuration(e.Field("left"), depth+1); z {
				return z, w
			}
			return c.zeroDuration(e.Field("right"), depth+1)
		}
	case "identifier":
		d, ok := c.fs.Resolve(e)
		if !ok || d.Kind != VarDecl {
			return false, ""
		}
		line := d.Node.StartLine()
		if !d.Init.IsNull() {
			if z, _ := c.zeroDuration(d.Init, depth+1); z {
				return true, fmt.Sprintf("`%s` is 0, declared on line %d", e.Text(), line)
			}
		}
		for _, rhs := range c.assigns[e.Text()] {
			if z, _ := c.zeroDuration(rhs, depth+1); z {
				return true, fmt.Sprintf("`%s` is set to 0 on line %d", e.Text(), rhs.StartLine())
			}
		}
		if d.Init.IsNull() && len(c.assigns[e.Text()]) == 0 && d.Type != "" && d.Node.Parent().Type() == "var_spec" {
			return true, fmt.Sprintf("`%s` is declared on line %d and never assigned, so it is 0", e.Text(), line)
		}
	}
	return false, ""
}

var cwtGoRedisTypes = map[string]bool{
	"Client": true, "ClusterClient": true, "UniversalClient": true, "Cmdable": true, "Pipeliner": true,
	"Ring": true, "Tx": true, "Conn": true, "StatefulCmdable": true,
}

// isRedis reports whether a Go receiver is a go-redis client, pipeline or
// transaction.
func (c *cwtGo) isRedis(recv parsers.Node, depth int) bool {
	if depth > 5 || recv.IsNull() {
		return false
	}
	recv = Unparen(recv)
	switch recv.Type() {
	case "identifier":
		if _, pkg := c.fs.Import(recv.Text()); pkg {
			return false
		}
		if d, ok := c.fs.Resolve(recv); ok {
			if c.redisType(d.Type) || c.redisInit(d.Init, depth) {
				return true
			}
			if d.Type != "" || !d.Init.IsNull() && d.Init.Type() != "call_expression" {
				return false
			}
		}
		return c.redisName(recv.Text())
	case "selector_expression":
		if d, ok := c.fs.ResolveExpr(recv); ok {
			return c.redisType(d.Type)
		}
		field := recv.Field("field").Text()
		if ds := c.fs.Fields(field); len(ds) > 0 {
			for _, d := range ds {
				if c.redisType(d.Type) {
					return true
				}
			}
			return false
		}
		return c.redisName(field)
	case "call_expression":
		inner := Unparen(recv.Field("function"))
		if inner.Type() == "selector_expression" {
			switch inner.Field("field").Text() {
			case "Pipeline", "TxPipeline", "Conn", "WithContext":
				return c.isRedis(inner.Field("operand"), depth+1)
			}
		}
	}
	return false
}

func (c *cwtGo) redisType(t string) bool {
	if t == "" || c.goRedis == "" {
		return false
	}
	t = strings.TrimLeft(t, "*")
	pkg, name, ok := strings.Cut(t, ".")
	return ok && pkg == c.goRedis && cwtGoRedisTypes[name]
}

func (c *cwtGo) redisInit(init parsers.Node, depth int) bool {
	init = Unparen(init)
	if init.Type() != "call_expression" {
		if init.Type() == "identifier" {
			return c.isRedis(init, depth+1)
		}
		return false
	}
	fn := Unparen(init.Field("function"))
	if fn.Type() != "selector_expression" {
		return false
	}
	op, m := Unparen(fn.Field("operand")), fn.Field("field").Text()
	if c.goRedis != "" && op.Text() == c.goRedis {
		return strings.HasPrefix(m, "New")
	}
	switch m {
	case "Pipeline", "TxPipeline", "Conn":
		return c.isRedis(op, depth+1)
	}
	return false
}

// redisName is the fallback when a receiver's declaration is not in this
// file: only names that say "Redis client" count, and only in files that
// use go-redis.
func (c *cwtGo) redisName(name string) bool {
	l := strings.ToLower(name)
	if c.goRedis == "" {
		// The client's type is declared in another file of the package:
		// only unmistakable names count.
		return c.redigo == "" && (l == "rdb" || cwtRedisName(name))
	}
	return l == "rdb" || l == "rc" || l == "pipe" || l == "pipeline" || cwtRedisName(name)
}

// collectCandidates finds package-level maps (and sync.Maps) whose name
// says cache or memo.
func (c *cwtGo) collectCandidates() {
	root := c.p.File.Root()
	for st := root.FirstChild(); !st.IsNull(); st = st.NextSibling() {
		if st.Type() != "var_declaration" {
			continue
		}
		st.Walk(func(n parsers.Node) bool {
			if n.Type() != "var_spec" {
				return true
			}
			names := n.FieldAll("name")
			if len(names) != 1 || !hpNameHas(names[0].Text(), "cache", "memo") {
				return false
			}
			typ := collapse(n.Field("type").Text())
			isMap := strings.HasPrefix(typ, "map[")
			syncMap := typ == "sync.Map"
			vals := n.Field("value").NamedChildren()
			if len(vals) == 1 {
				v := Unparen(vals[0])
				switch v.Type() {
				case "composite_literal":
					isMap = v.Field("type").Type() == "map_type" && len(v.Field("body").NamedChildren()) == 0
				case "call_expression":
					a := hpArgs(v)
					isMap = v.Field("function").Text() == "make" && len(a) > 0 && strings.HasPrefix(a[0].Text(), "map[")
				default:
					isMap = false
				}
			} else if len(vals) > 1 {
				return false
			}
			if !isMap && !syncMap {
				return false
			}
			if c.cands == nil {
				c.cands = map[string]*cwtMapCand{}
			}
			c.cands[names[0].Text()] = &cwtMapCand{name: names[0].Text(), decl: n, id: names[0], isMap: !syncMap}
			return false
		})
	}
}

func (c *cwtGo) ref(cand *cwtMapCand, r parsers.Node) {
	if cand.bad {
		return
	}
	if len(c.fs.Decls(cand.name)) > 1 {
		if d, ok := c.fs.Resolve(r); !ok || d.Node.ID() != cand.id.ID() {
			return
		}
	}
	p := r.Parent()
	fn := EnclosingFunction(r)
	switch p.Type() {
	case "index_expression":
		if p.Field("operand").ID() != r.ID() {
			cand.bad = true
			return
		}
		g := p.Parent()
		if g.Type() == "expression_list" && g.FieldName() == "left" && g.Parent().Type() == "assignment_statement" {
			key := p.Field("index")
			if !fn.IsNull() && !hpIsLiteral(key) && !cwtGoInit(fn) {
				cand.writes = append(cand.writes, cwtMapWrite{node: g.Parent(), key: key, fn: fn})
			}
			return
		}
		if g.Type() == "inc_statement" || g.Type() == "dec_statement" {
			return
		}
	case "selector_expression":
		if p.Field("operand").ID() != r.ID() {
			return
		}
		call := p.Parent()
		if call.Type() != "call_expression" {
			cand.bad = true
			return
		}
		args := hpArgs(call)
		switch p.Field("field").Text() {
		case "Load":
		case "Store", "LoadOrStore":
			if len(args) >= 2 && !fn.IsNull() && !hpIsLiteral(args[0]) && !cwtGoInit(fn) {
				cand.writes = append(cand.writes, cwtMapWrite{node: call, key: args[0], fn: fn})
			}
		default:
			cand.bad = true // Delete, Range, Clear, Swap, …
		}
	case "range_clause":
	case "expression_list":
		// v := cache (aliasing), cache = … (reset), return cache: all
		// let it be managed somewhere we cannot see.
		cand.bad = true
	default:
		cand.bad = true // delete(cache, k), len(cache), passed along, …
	}
}

// cwtGoInit reports whether fn is a package init function.
func cwtGoInit(fn parsers.Node) bool {
	return fn.Type() == "function_declaration" && fn.Field("name").Text() == "init"
}

func (c *cwtGo) checkCand(cand *cwtMapCand) {
	if cand.bad || len(cand.writes) == 0 {
		return
	}
	kind := "map"
	if !cand.isMap {
		kind = "sync.Map"
	}
	c.p.Report(Diagnostic{
		Node:    cand.decl,
		Message: fmt.Sprintf("package-level %s `%s` is used as a cache that only grows: entries are added per call and never deleted or expired, so memory grows with every distinct key; bound it (hashicorp/golang-lru, an expiring cache) or delete stale entries", kind, cand.name),
		Related: []RelatedNode{{Node: cand.writes[0].node, Message: "entry added here"}},
	})
}
