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
	for k := range cwtGoRemovers {
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

	cmds     []cwtCmd
	expires  []cwtCmd
	removers []cwtCmd                  // member-removing commands (HDel, SRem, LPop, …)
	assigns  map[string][]parsers.Node // variable name -> right-hand sides assigned in the file
	cands    map[string]*cwtMapCand

	scriptKeys map[string]bool // key helpers whose keys the file's Lua scripts delete or expire
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
	src := p.File.Src
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
				// Indexing with string(bytes) does not allocate.
				if cand := c.cands[string(src[n.StartByte():n.EndByte()])]; cand != nil && n.ID() != cand.id.ID() {
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
	_, isRemove := cwtGoRemovers[m]
	if !isWrite && !isExp && !isRemove {
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
	if isRemove {
		c.removers = append(c.removers, cmd)
		return
	}
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
		strings.HasSuffix(l, "context") ||
		// graceful.GetManager().HammerContext(), s.ShutdownCtx()
		(e.Type() == "call_expression" && len(hpArgs(e)) == 0 && (strings.HasSuffix(l, "context()") || strings.HasSuffix(l, "ctx()")))
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
		if !zero || c.expiredInScope(cmd, cmd.args[0]) || c.zeroPassthrough(cmd.anchor) {
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
	if c.expiredInScope(cmd, key) || c.membersRemoved(cmd, key) || c.scriptManaged(key) {
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
		if ifLine, ok := c.zeroUnlessIf(e, d); ok {
			return true, fmt.Sprintf("`%s` is 0 unless the `if` on line %d sets it", e.Text(), ifLine)
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

// collectCandidates finds package-level maps (and sync.Maps). Those whose
// name says cache or memo are caches; the others only when their use
// (get-or-compute) or documentation says so.
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
			if len(names) != 1 || names[0].Text() == "_" {
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
			c.cands[names[0].Text()] = &cwtMapCand{name: names[0].Text(), decl: n, id: names[0], isMap: !syncMap,
				sayCache: hpNameHas(names[0].Text(), "cache", "memo")}
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
				as := g.Parent()
				val := as // cache[k] += n: derived from the old value
				if l, r := g.NamedChildren(), as.Field("right").NamedChildren(); as.Field("operator").Type() == "=" && len(l) == len(r) {
					for i, x := range l {
						if x.ID() == p.ID() {
							val = r[i]
						}
					}
				}
				cand.writes = append(cand.writes, cwtMapWrite{node: as, key: key, value: val, fn: fn})
			}
			return
		}
		if g.Type() == "inc_statement" || g.Type() == "dec_statement" {
			return
		}
		if !fn.IsNull() {
			cand.reads = append(cand.reads, cwtMapWrite{node: p, key: p.Field("index"), fn: fn, isValue: true})
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
			if len(args) == 1 && !fn.IsNull() {
				cand.reads = append(cand.reads, cwtMapWrite{node: call, key: args[0], fn: fn, isValue: true})
			}
		case "Store", "LoadOrStore":
			if len(args) >= 2 && !fn.IsNull() && !hpIsLiteral(args[0]) && !cwtGoInit(fn) {
				w := cwtMapWrite{node: call, key: args[0], value: args[1], fn: fn}
				cand.writes = append(cand.writes, w)
				if p.Field("field").Text() == "LoadOrStore" {
					// A lookup and a write in one.
					cand.reads = append(cand.reads, cwtMapWrite{node: call, key: args[0], fn: fn, isValue: true})
				}
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
	if c.typeKeyed(cand) || cwtGoTestHelpers(cand) || c.cliCommandWrites(cand) {
		return
	}
	if !cand.sayCache && !c.memoPattern(cand) && !c.docSaysCache(cand) && !cwtLiteralMemo(c.fs, cand, cwtGoValueVar) {
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

// memoPattern recognises get-or-compute in one function: a lookup of a
// key (`v, ok := m[k]`, `m.Load(k)`), then, when it missed or after an
// early return on a hit, a freshly computed value stored under the same
// key.
func (c *cwtGo) memoPattern(cand *cwtMapCand) bool {
	for _, w := range cand.writes {
		for _, r := range cand.reads {
			if r.fn.ID() != w.fn.ID() || !hpSameExpr(c.fs, r.key, w.key) {
				continue
			}
			if r.node.ID() == w.node.ID() { // LoadOrStore
				if c.fresh(cand, w, r, w.value, nil, 0) {
					return true
				}
				continue
			}
			if r.node.EndByte() > w.node.StartByte() {
				continue
			}
			vars := cwtGoReadVars(r.node)
			if !c.fresh(cand, w, r, w.value, vars, 0) {
				continue
			}
			lk := cwtLookup{fn: w.fn, read: r.node, write: w.node, vars: vars, valueReads: cwtValueReads(c.fs, cand, w)}
			if len(vars) > 0 && r.isValue {
				lk.value = vars[0] // v in v, ok := m[k]
			}
			if lk.guarded() {
				return true
			}
		}
	}
	return false
}

// cwtGoReadVars returns the variables a lookup's results are bound to:
// v and ok in `v, ok := m[k]` (also in an if's initializer).
func cwtGoReadVars(read parsers.Node) []string {
	e := read
	for e.Parent().Type() == "parenthesized_expression" || e.Parent().Type() == "type_assertion_expression" {
		e = e.Parent()
	}
	list := e.Parent()
	if list.Type() != "expression_list" || list.FieldName() != "right" {
		return nil
	}
	st := list.Parent()
	if st.Type() != "short_var_declaration" && st.Type() != "assignment_statement" {
		return nil
	}
	var out []string
	for _, l := range st.Field("left").NamedChildren() {
		if l.Type() == "identifier" && l.Text() != "_" {
			out = append(out, l.Text())
		}
	}
	return out
}

// fresh reports whether a value stored in the map is computed for the key
// — not a container to fill (make, an empty literal), a flag or marker
// (true, struct{}{}), a parameter stored as given (a registry), nor
// something derived from the map or from the lookup (a counter, an
// append).
func (c *cwtGo) fresh(cand *cwtMapCand, w, r cwtMapWrite, v parsers.Node, vars []string, depth int) bool {
	if depth > 3 || v.IsNull() {
		return false
	}
	v = Unparen(v)
	switch v.Type() {
	case "composite_literal", "func_literal", "int_literal", "float_literal", "rune_literal", "interpreted_string_literal",
		"raw_string_literal", "true", "false", "nil", "iota", "assignment_statement":
		return false
	case "unary_expression":
		if Unparen(v.Field("operand")).Type() == "composite_literal" {
			return false
		}
	case "call_expression":
		switch v.Field("function").Text() {
		case "make", "new", "append":
			return false
		}
	case "identifier":
		name := v.Text()
		if name == cand.name {
			return false
		}
		for _, x := range vars {
			if name != x {
				continue
			}
			// The lookup's variable, filled before the write: v, ok :=
			// m[k]; if !ok { v = load(k); m[k] = v } — or Decode(&v).
			rhs, addressed := cwtAssignedBetween(w.fn, name, r.node.EndByte(), w.node.StartByte())
			if len(rhs) == 0 && !addressed {
				return false
			}
			for _, e := range rhs {
				if !c.fresh(cand, w, r, e, vars, depth+1) {
					return false
				}
			}
			return true
		}
		if d, ok := c.fs.Resolve(v); ok && d.Kind == VarDecl && !d.Init.IsNull() && w.fn.Contains(d.Node) {
			return c.fresh(cand, w, r, d.Init, vars, depth+1)
		}
		// Declared without a value and filled in this function
		// (var v T; json.Unmarshal(b, &v)).
		if rhs, addressed := cwtAssignedBetween(w.fn, name, w.fn.StartByte(), w.node.StartByte()); addressed || len(rhs) > 0 {
			if d, ok := c.fs.Resolve(v); ok && d.Kind == VarDecl && w.fn.Contains(d.Node) {
				for _, e := range rhs {
					if !c.fresh(cand, w, r, e, vars, depth+1) {
						return false
					}
				}
				return true
			}
		}
		return false
	}
	return !hpMentions(v, cand.name) && !hpMentionsAny(v, vars)
}

// docSaysCache reports whether the variable's doc comment, or that of a
// function that adds entries, calls the map a cache.
func (c *cwtGo) docSaysCache(cand *cwtMapCand) bool {
	decl := cand.decl // var_spec
	if p := decl.Parent(); p.Type() == "var_declaration" {
		decl = p // var x = …: the comment is above the declaration
	}
	if cwtDocSaysCache(decl, false) {
		return true
	}
	for _, w := range cand.writes {
		if top := hpTopStatement(w.fn); top.Type() == "function_declaration" || top.Type() == "method_declaration" {
			if cwtDocSaysCache(top, true) {
				return true
			}
		}
	}
	return false
}

// typeKeyed reports whether the map is keyed by reflect.Type: one entry
// per type of the program, a bounded set however long the process runs.
func (c *cwtGo) typeKeyed(cand *cwtMapCand) bool {
	if k := c.mapKeyType(cand.decl); k != "" {
		return k == "reflect.Type"
	}
	for _, w := range cand.writes {
		if !c.typeExpr(w.key, 0) {
			return false
		}
	}
	return true
}

// mapKeyType returns the key type of a package-level map declaration, or
// "" when it is not written out (sync.Map).
func (c *cwtGo) mapKeyType(spec parsers.Node) string {
	mt := spec.Field("type")
	if mt.Type() != "map_type" {
		mt = parsers.Node{}
		if vals := spec.Field("value").NamedChildren(); len(vals) == 1 {
			v := Unparen(vals[0])
			switch v.Type() {
			case "composite_literal":
				mt = v.Field("type")
			case "call_expression":
				if a := hpArgs(v); len(a) > 0 {
					mt = a[0]
				}
			}
		}
	}
	if mt.Type() != "map_type" {
		return ""
	}
	return collapse(mt.Field("key").Text())
}

// typeExpr reports whether a key expression is a reflect.Type.
func (c *cwtGo) typeExpr(e parsers.Node, depth int) bool {
	e = Unparen(e)
	if depth > 3 {
		return false
	}
	switch e.Type() {
	case "call_expression":
		f := Unparen(e.Field("function"))
		if f.Text() == "reflect.TypeOf" {
			return true
		}
		return f.Type() == "selector_expression" && f.Field("field").Text() == "Type" && len(hpArgs(e)) == 0
	case "identifier":
		if d, ok := c.fs.Resolve(e); ok {
			if collapse(d.Type) == "reflect.Type" {
				return true
			}
			if !d.Init.IsNull() {
				return c.typeExpr(d.Init, depth+1)
			}
		}
	}
	return false
}

// cwtGoTestHelpers reports whether every write is made by a test helper
// (a function given a *testing.T, *testing.B or testing.TB): test support
// code, which lives as long as one test binary.
func cwtGoTestHelpers(cand *cwtMapCand) bool {
	for _, w := range cand.writes {
		fn := w.fn
		for !fn.IsNull() && !strings.Contains(fn.Field("parameters").Text(), "testing.") {
			fn = EnclosingFunction(fn)
		}
		if fn.IsNull() {
			return false
		}
	}
	return true
}
