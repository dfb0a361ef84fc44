package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// CacheWithoutTTL reports cache writes with no expiry and in-process caches
// with neither a TTL nor a size bound.
var CacheWithoutTTL = &Rule{
	ID:        "cache-without-ttl",
	Title:     "cache write with no expiry or bound",
	Doc:       doc("cache-without-ttl"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     checkCacheWithoutTTL,
}

func checkCacheWithoutTTL(p *Pass) {
	if p.File.Lang == parsers.Go {
		if goTestSupportFile(p) {
			return
		}
		cwtCheckGo(p)
		return
	}
	cwtCheckJS(p)
}

// Redis commands that write a key, by lower-case name, and how each can
// carry an expiry: "set" takes options; the others never do and need an
// EXPIRE on the same key.
const (
	cwtSetLike = iota + 1 // SET: options may carry EX/PX/EXAT/PXAT/KEEPTTL
	cwtNeedsExpire
	cwtMultiKey // MSET: several keys, any EXPIRE in the scope will do
)

var cwtRedisWrites = map[string]int{
	"set":   cwtSetLike,
	"setnx": cwtNeedsExpire, "hset": cwtNeedsExpire, "hmset": cwtNeedsExpire, "hsetnx": cwtNeedsExpire,
	"sadd": cwtNeedsExpire, "lpush": cwtNeedsExpire, "rpush": cwtNeedsExpire, "zadd": cwtNeedsExpire,
	"geoadd": cwtNeedsExpire, "pfadd": cwtNeedsExpire,
	"mset": cwtMultiKey, "msetnx": cwtMultiKey,
}

// Commands that give a key an expiry (or, for LTRIM, a bound).
var cwtRedisExpires = map[string]bool{
	"expire": true, "pexpire": true, "expireat": true, "pexpireat": true, "ltrim": true,
	"hexpire": true, "hpexpire": true,
}

var cwtTTLOptions = map[string]bool{"EX": true, "PX": true, "EXAT": true, "PXAT": true, "KEEPTTL": true, "EXPIRATION": true}

var cwtJSRedisModules = map[string]bool{"redis": true, "@redis/client": true, "ioredis": true, "@nestjs-modules/ioredis": true, "@liaoliaots/nestjs-redis": true}

// A cwtCmd is one Redis command found in the code: a method call
// (client.set(k, v)), a generic call (client.call("SET", k, v),
// client.sendCommand(["SET", k, v])) or an entry of a pipeline array.
type cwtCmd struct {
	anchor parsers.Node
	cmd    string // lower case
	args   []parsers.Node
	// list is true when options come as an argument list (ioredis,
	// sendCommand, redigo) rather than an options object.
	list  bool
	recv  parsers.Node
	scope parsers.Node
	label string // how to name the call in a message
}

// lower returns b lower-cased into buf when it fits (no allocation for
// map look-ups), or "" when it does not.
func cwtLower(buf *[24]byte, s string) string {
	if len(s) > len(buf) {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(s)])
}

// cwtMethod returns the receiver and method-name node of a call whose
// function is a member or selector expression.
func cwtMethod(call parsers.Node) (recv, name parsers.Node) {
	fn := Unparen(call.Field("function"))
	switch fn.Type() {
	case "member_expression":
		return fn.Field("object"), fn.Field("property")
	case "selector_expression":
		return fn.Field("operand"), fn.Field("field")
	}
	return parsers.Node{}, parsers.Node{}
}

type cwtJS struct {
	p  *Pass
	fs *Facts

	cmds    []cwtCmd
	expires []cwtCmd
	news    []parsers.Node
	sets    []parsers.Node // every x.set(…) call, for node-cache
	ioredis bool
	browser int // 0 not yet known, 1 browser code, bundler output or a one-run script/migration, 2 none (cwtBrowserFile, sapiIsScript)

	cands     map[string]*cwtMapCand
	returns   map[int][]parsers.Node // function ID -> return statements (only for memo candidates)
	needMemos bool
}

// cwtMapCand is a module-level Map or object that may be a cache.
type cwtMapCand struct {
	name     string
	decl     parsers.Node // variable_declarator
	id       parsers.Node
	isMap    bool
	sayCache bool
	bad      bool
	writes   []cwtMapWrite
	reads    []cwtMapWrite
}

type cwtMapWrite struct {
	node  parsers.Node // the write call or assignment
	key   parsers.Node
	value parsers.Node
	fn    parsers.Node
	// isValue: a read that yields the stored value (get, m[k], Load), not
	// only whether the key is present (has, in).
	isValue bool
}

func cwtCheckJS(p *Pass) {
	c := &cwtJS{p: p, fs: p.Facts()}
	c.ioredis = c.fs.Imports("ioredis") || c.fs.Imports("@nestjs-modules/ioredis")
	c.collectCandidates()
	// Cheap prefilter: a Redis client can only be named or imported with
	// "redis" in the text; lru-cache and node-cache are imports; caches in
	// Maps were found by the top-level scan above.
	if len(c.cands) == 0 && !c.fs.ImportsAny("lru-cache", "node-cache") && !hpContainsAny(p.File.Src, "redis", "Redis", "REDIS") {
		return
	}
	var buf [24]byte
	src := p.File.Src
	p.File.Root().Walk(func(n parsers.Node) bool {
		switch n.Type() {
		case "call_expression":
			c.call(n, &buf)
		case "new_expression":
			c.newExpr(n)
		case "identifier", "shorthand_property_identifier":
			if len(c.cands) > 0 {
				// Indexing with string(bytes) does not allocate.
				if cand := c.cands[string(src[n.StartByte():n.EndByte()])]; cand != nil && n.ID() != cand.id.ID() {
					c.ref(cand, n)
				}
			}
		case "return_statement":
			if c.needMemos {
				if fn := EnclosingFunction(n); !fn.IsNull() {
					c.returns[fn.ID()] = append(c.returns[fn.ID()], n)
				}
			}
		}
		return true
	})
	c.report()
}

func (c *cwtJS) call(n parsers.Node, buf *[24]byte) {
	recv, nameNode := cwtMethod(n)
	if nameNode.IsNull() {
		return
	}
	name := nameNode.Text()
	m := cwtLower(buf, name)
	if m == "" {
		return
	}
	if m == "set" {
		c.sets = append(c.sets, n)
	}
	kind, isWrite := cwtRedisWrites[m]
	isExp := cwtRedisExpires[m]
	switch {
	case isWrite || isExp:
		args := hpArgs(n)
		for len(args) > 0 && IsFunction(args[len(args)-1]) {
			args = args[:len(args)-1] // node-redis v3 callback
		}
		cmd := cwtCmd{anchor: n, cmd: m, args: args, list: c.ioredis, recv: recv, label: collapse(Unparen(n.Field("function")).Text())}
		if isWrite {
			_ = kind
			c.cmds = append(c.cmds, cmd)
		} else {
			c.expires = append(c.expires, cmd)
		}
	case m == "call" || m == "send_command" || m == "sendcommand":
		args := hpArgs(n)
		if len(args) == 0 {
			return
		}
		list := args
		if m == "sendcommand" {
			if Unparen(args[0]).Type() != "array" {
				return
			}
			list = Unparen(args[0]).NamedChildren()
		}
		c.addListCmd(n, recv, list, collapse(Unparen(n.Field("function")).Text()))
	case m == "multi" || m == "pipeline" || m == "batch":
		args := hpArgs(n)
		if len(args) == 1 && Unparen(args[0]).Type() == "array" {
			for _, e := range Unparen(args[0]).NamedChildren() {
				if e.Type() == "array" {
					c.addListCmd(e, recv, e.NamedChildren(), collapse(Unparen(n.Field("function")).Text()))
				}
			}
		}
	}
}

// addListCmd records ["SET", k, v, "EX", 60]-style commands.
func (c *cwtJS) addListCmd(anchor, recv parsers.Node, list []parsers.Node, label string) {
	if len(list) == 0 {
		return
	}
	name, ok := StringValue(list[0])
	if !ok {
		return
	}
	m := strings.ToLower(name)
	cmd := cwtCmd{anchor: anchor, cmd: m, args: list[1:], list: true, recv: recv, label: label + "(\"" + name + "\", …)"}
	if _, w := cwtRedisWrites[m]; w {
		c.cmds = append(c.cmds, cmd)
	} else if cwtRedisExpires[m] {
		c.expires = append(c.expires, cmd)
	}
}

func (c *cwtJS) newExpr(n parsers.Node) {
	ctor := Unparen(n.Field("constructor"))
	root := RootIdent(ctor)
	if root.IsNull() {
		return
	}
	im, ok := c.fs.Import(root.Text())
	if !ok {
		return
	}
	if im.Module == "lru-cache" || im.Module == "node-cache" {
		c.news = append(c.news, n)
	}
}

// report decides on the collected facts.
func (c *cwtJS) report() {
	for i := range c.expires {
		c.expires[i].scope = hpOutermostFunction(c.expires[i].anchor)
	}
	for _, cmd := range c.cmds {
		if !c.isRedis(cmd.recv, 0) {
			continue
		}
		cmd.scope = hpOutermostFunction(cmd.anchor)
		c.checkCmd(cmd)
	}
	for _, n := range c.news {
		c.checkNew(n)
	}
	for _, cand := range c.cands {
		c.checkCand(cand)
	}
}

func (c *cwtJS) checkCmd(cmd cwtCmd) {
	kind := cwtRedisWrites[cmd.cmd]
	switch kind {
	case cwtSetLike:
		if len(cmd.args) < 2 {
			return
		}
		ttl, unknown := cwtJSSetOptions(cmd.args[2:])
		if ttl || unknown || c.expiredInScope(cmd, cmd.args[0]) {
			return
		}
		advice := "pass `{ EX: seconds }` (or PX/EXAT/KEEPTTL) as the options argument"
		if cmd.list {
			advice = "pass `'EX', seconds` (or PX/EXAT/KEEPTTL) in the arguments"
		}
		c.p.Reportf(cmd.anchor, "`%s` stores a Redis key with no expiry: it stays in memory until something deletes it; %s, use SETEX, or EXPIRE the key in the same transaction", cwtShort(cmd.label), advice)
	case cwtNeedsExpire, cwtMultiKey:
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
		if (cmd.cmd == "lpush" || cmd.cmd == "rpush") && cwtQueueKey(key) {
			return
		}
		if cwtJSKeyFromCaller(c.fs, cmd) {
			return
		}
		what := "the key"
		if !key.IsNull() {
			what = "`" + cwtShort(collapse(key.Text())) + "`"
		}
		c.p.Reportf(cmd.anchor, "`%s` writes %s in Redis and nothing in this function gives it an expiry, so it lives until deleted; call `expire(key, seconds)` on the same key (in the same MULTI/pipeline)", cwtShort(cmd.label), what)
	}
}

// cwtShort trims a call label for a message.
func cwtShort(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// cwtQueueKey reports whether a list key names a work queue, which is
// drained by a consumer rather than expired.
func cwtQueueKey(key parsers.Node) bool {
	return hpNameHas(key.Text(), "queue", "job", "task", "inbox", "outbox", "stream")
}

// expiredInScope reports whether an EXPIRE-like command on the same key
// (any key when key is the zero Node) runs in the same outermost function.
func (c *cwtJS) expiredInScope(cmd cwtCmd, key parsers.Node) bool {
	for _, e := range c.expires {
		if e.scope.ID() != cmd.scope.ID() || !c.isRedis(e.recv, 0) {
			continue
		}
		if key.IsNull() || len(e.args) == 0 || hpSameExpr(c.fs, key, e.args[0]) {
			return true
		}
	}
	return false
}

// cwtJSSetOptions inspects the arguments after SET's key and value: an
// options object ({ EX: 60 }) or an argument list ('EX', 60).
func cwtJSSetOptions(opts []parsers.Node) (ttl, unknown bool) {
	if len(opts) == 0 {
		return false, false
	}
	first := Unparen(opts[0])
	if first.Type() == "object" {
		for _, pr := range first.NamedChildren() {
			switch pr.Type() {
			case "pair":
				k := pr.Field("key")
				key := k.Text()
				if s, ok := StringValue(k); ok {
					key = s
				} else if k.Type() == "computed_property_name" {
					unknown = true
					continue
				}
				if cwtTTLOptions[strings.ToUpper(key)] {
					ttl = true
				}
			case "shorthand_property_identifier":
				if cwtTTLOptions[strings.ToUpper(pr.Text())] {
					ttl = true
				}
			case "spread_element":
				unknown = true
			}
		}
		return ttl, unknown
	}
	for i, o := range opts {
		o = Unparen(o)
		if s, ok := StringValue(o); ok {
			if cwtTTLOptions[strings.ToUpper(s)] {
				ttl = true
			}
			continue
		}
		if o.Type() == "number" {
			continue
		}
		// A non-literal is fine right after EX/PX (the TTL value);
		// anywhere else it may be the mode itself.
		if i > 0 {
			if s, ok := StringValue(opts[i-1]); ok && cwtTTLOptions[strings.ToUpper(s)] {
				continue
			}
		}
		unknown = true
	}
	return ttl, unknown
}

// isRedis reports whether a receiver is a Redis client, transaction or
// pipeline.
func (c *cwtJS) isRedis(recv parsers.Node, depth int) bool {
	if depth > 5 || recv.IsNull() {
		return false
	}
	recv = Unparen(recv)
	if recv.Type() == "await_expression" {
		recv = Unparen(recv.NamedChild(0))
	}
	switch recv.Type() {
	case "identifier":
		name := recv.Text()
		if im, ok := c.fs.Import(name); ok {
			if cwtJSRedisModules[im.Module] || im.Module == "node-cache" || im.Module == "lru-cache" {
				return false
			}
			local := strings.HasPrefix(im.Module, ".") || strings.HasPrefix(im.Module, "@/") || strings.HasPrefix(im.Module, "~/") || strings.HasPrefix(im.Module, "src/")
			return cwtRedisName(name) || (local && cwtRedisName(path.Base(im.Module)) && !hpNameHas(name, "cache", "service", "store"))
		}
		if d, ok := c.fs.Resolve(recv); ok {
			if c.redisInit(d.Init, depth) || c.redisType(d.Type) {
				return true
			}
			if d.Type != "" || cwtKnownNonRedis(d.Init) {
				return false
			}
		}
		return cwtRedisName(name)
	case "member_expression":
		if Unparen(recv.Field("object")).Type() == "this" {
			if d, ok := c.fs.ResolveExpr(recv); ok {
				if c.redisInit(d.Init, depth) || c.redisType(d.Type) {
					return true
				}
				if d.Type != "" || cwtKnownNonRedis(d.Init) {
					return false
				}
			}
		}
		return cwtRedisName(recv.Field("property").Text())
	case "call_expression":
		inner, nm := cwtMethod(recv)
		m := strings.ToLower(nm.Text())
		_, w := cwtRedisWrites[m]
		if m == "multi" || m == "pipeline" || m == "batch" || m == "duplicate" || w || cwtRedisExpires[m] ||
			m == "get" || m == "del" || m == "incr" || m == "hget" {
			return c.isRedis(inner, depth+1)
		}
	}
	return false
}

// cwtKnownNonRedis reports initialisers that certainly are not Redis
// clients (literals, Maps, other constructors).
func cwtKnownNonRedis(init parsers.Node) bool {
	init = Unparen(init)
	switch init.Type() {
	case "object", "array", "string", "number", "template_string", "true", "false", "null":
		return true
	case "new_expression":
		name := Unparen(init.Field("constructor")).Text()
		return !strings.Contains(name, "Redis") && name != "Cluster"
	}
	return false
}

func (c *cwtJS) redisInit(init parsers.Node, depth int) bool {
	init = Unparen(init)
	if init.Type() == "await_expression" {
		init = Unparen(init.NamedChild(0))
	}
	switch init.Type() {
	case "call_expression":
		fn := Unparen(init.Field("function"))
		switch fn.Type() {
		case "identifier":
			if im, ok := c.fs.Import(fn.Text()); ok && cwtJSRedisModules[im.Module] {
				return im.Name == "createClient" || im.Name == "createCluster"
			}
			return c.redisFactoryCall(init)
		case "member_expression":
			prop := fn.Field("property").Text()
			if prop == "createClient" || prop == "createCluster" {
				if r := RootIdent(fn); !r.IsNull() {
					if im, ok := c.fs.Import(r.Text()); ok && cwtJSRedisModules[im.Module] {
						return true
					}
				}
			}
			switch strings.ToLower(prop) {
			case "multi", "pipeline", "batch", "duplicate", "connect":
				return c.isRedis(fn.Field("object"), depth+1)
			}
		}
	case "new_expression":
		if r := RootIdent(init.Field("constructor")); !r.IsNull() {
			if im, ok := c.fs.Import(r.Text()); ok && cwtJSRedisModules[im.Module] {
				return true
			}
		}
	case "identifier":
		return c.isRedis(init, depth+1)
	}
	return false
}

func (c *cwtJS) redisType(t string) bool {
	if t == "" {
		return false
	}
	if strings.Contains(t, "Redis") {
		return cwtRedisName(t)
	}
	if c.ioredis {
		for _, s := range []string{"Cluster", "Pipeline", "ChainableCommander"} {
			if t == s || strings.HasPrefix(t, s+" ") {
				return true
			}
		}
	}
	return false
}

// cwtRedisName reports whether a variable or property name says it is a
// Redis client itself, not a wrapper that may apply its own TTL.
func cwtRedisName(name string) bool {
	l := strings.ToLower(name)
	if !strings.Contains(l, "redis") {
		return false
	}
	for _, w := range []string{"service", "manager", "helper", "util", "wrapper", "repo", "store", "cache", "module", "option", "config", "url", "key", "lock", "provider"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	return true
}

// checkNew inspects new LRUCache(…) and new NodeCache(…).
func (c *cwtJS) checkNew(n parsers.Node) {
	root := RootIdent(n.Field("constructor"))
	im, _ := c.fs.Import(root.Text())
	args := hpArgs(n)
	switch im.Module {
	case "lru-cache":
		if len(args) == 0 {
			c.p.Reportf(n, "`%s` creates an LRU cache with no `max`, `maxSize` or `ttl`: it never evicts and grows with every key; pass `{ max: N }` and/or `{ ttl: ms }`", cwtShort(collapse(n.Text())))
			return
		}
		a := Unparen(args[0])
		if a.Type() == "number" && cwtJSNumberIs(a, "0") {
			// lru-cache v6 and earlier: new LRU(0) is max = Infinity.
			c.p.Reportf(n, "`%s` creates an LRU cache with no bound (max 0 means no limit): it never evicts and grows with every key; pass `{ max: N }` and/or `{ ttl: ms }`", cwtShort(collapse(n.Text())))
			return
		}
		if a.Type() != "object" {
			return // new LRU(500) or options from a variable
		}
		keys, unknown := cwtObjectKeys(a)
		if unknown {
			return
		}
		// Only max, maxSize and ttl (maxAge before v7) bound the cache, and
		// 0 means "no limit" for each; length, maxEntrySize, stale, dispose
		// only shape how entries are measured or evicted.
		var zero []string
		for _, k := range []string{"max", "maxSize", "ttl", "maxAge"} {
			v, ok := keys[k]
			if !ok {
				continue
			}
			if !cwtJSNumberIs(v, "0") && !cwtJSNumberIs(v, "Infinity") && Unparen(v).Text() != "Infinity" {
				return
			}
			zero = append(zero, "`"+k+": "+collapse(Unparen(v).Text())+"`")
		}
		why := ""
		if len(zero) > 0 {
			why = " (" + strings.Join(zero, ", ") + " means no limit)"
		}
		c.p.Reportf(n, "this LRU cache has no `max`, `maxSize` or `ttl`%s: it never evicts and grows with every key; add `max: N` and/or `ttl: ms` to its options", why)
	case "node-cache":
		var ttl parsers.Node
		if len(args) > 0 {
			a := Unparen(args[0])
			if a.Type() != "object" {
				return
			}
			keys, unknown := cwtObjectKeys(a)
			if unknown {
				return
			}
			if mk, ok := keys["maxKeys"]; ok && !cwtJSNumberIs(mk, "-1") {
				return // bounded
			}
			if v, ok := keys["stdTTL"]; ok {
				if !cwtJSNumberIs(v, "0") {
					return
				}
				ttl = v
			}
		}
		if c.allSetsHaveTTL(n) {
			return
		}
		if !ttl.IsNull() {
			c.p.Reportf(n, "`stdTTL: 0` makes this NodeCache keep every entry forever, with no bound; set `stdTTL` to a number of seconds (or `maxKeys`)")
			return
		}
		c.p.Reportf(n, "this NodeCache has no `stdTTL`: entries never expire and nothing bounds it; pass `{ stdTTL: seconds }` (and `maxKeys`), or a TTL on every `set`")
	}
}

// allSetsHaveTTL reports whether the NodeCache built by n is named and every
// set on that name passes a per-key TTL.
func (c *cwtJS) allSetsHaveTTL(n parsers.Node) bool {
	var name string
	switch p := n.Parent(); p.Type() {
	case "variable_declarator":
		name = p.Field("name").Text()
	case "assignment_expression":
		name = hpLastSegment(p.Field("left"))
	case "public_field_definition", "field_definition":
		name = p.Field("name").Text()
		if name == "" {
			name = p.Field("property").Text()
		}
	}
	if name == "" {
		return false
	}
	seen := 0
	for _, s := range c.sets {
		recv, _ := cwtMethod(s)
		if hpLastSegment(recv) != name {
			continue
		}
		seen++
		if len(hpArgs(s)) < 3 {
			return false
		}
	}
	return seen > 0
}

func cwtJSNumberIs(v parsers.Node, want string) bool {
	v = Unparen(v)
	if v.Type() == "unary_expression" {
		return strings.ReplaceAll(v.Text(), " ", "") == want
	}
	return v.Type() == "number" && v.Text() == want
}

// cwtObjectKeys returns the keys of an object literal and whether some key
// cannot be known (spread, computed).
func cwtObjectKeys(obj parsers.Node) (map[string]parsers.Node, bool) {
	keys := map[string]parsers.Node{}
	unknown := false
	for _, pr := range obj.NamedChildren() {
		switch pr.Type() {
		case "pair":
			k := pr.Field("key")
			if s, ok := StringValue(k); ok {
				keys[s] = pr.Field("value")
			} else if k.Type() == "computed_property_name" {
				unknown = true
			} else {
				keys[k.Text()] = pr.Field("value")
			}
		case "shorthand_property_identifier":
			keys[pr.Text()] = pr
		case "spread_element":
			unknown = true
		}
	}
	return keys, unknown
}

// collectCandidates finds module-level Maps and objects that may be caches.
func (c *cwtJS) collectCandidates() {
	root := c.p.File.Root()
	for st := root.FirstChild(); !st.IsNull(); st = st.NextSibling() {
		if st.Type() != "lexical_declaration" && st.Type() != "variable_declaration" {
			continue
		}
		for _, d := range st.NamedChildren() {
			if d.Type() != "variable_declarator" {
				continue
			}
			id := d.Field("name")
			if id.Type() != "identifier" {
				continue
			}
			v := Unparen(d.Field("value"))
			isMap := false
			switch v.Type() {
			case "new_expression":
				if Unparen(v.Field("constructor")).Text() != "Map" {
					continue
				}
				isMap = true
			case "object":
				if len(v.NamedChildren()) != 0 {
					continue
				}
			case "call_expression":
				if collapse(v.Text()) != "Object.create(null)" {
					continue
				}
			default:
				continue
			}
			say := hpNameHas(id.Text(), "cache", "memo")
			if c.cands == nil {
				c.cands = map[string]*cwtMapCand{}
			}
			c.cands[id.Text()] = &cwtMapCand{name: id.Text(), decl: d, id: id, isMap: isMap, sayCache: say}
			if !say {
				c.needMemos = true
			}
		}
	}
	if c.needMemos {
		c.returns = map[int][]parsers.Node{}
	}
}

// ref classifies one use of a candidate's name.
func (c *cwtJS) ref(cand *cwtMapCand, r parsers.Node) {
	if cand.bad {
		return
	}
	if len(c.fs.Decls(cand.name)) > 1 {
		if d, ok := c.fs.Resolve(r); !ok || d.Node.ID() != cand.id.ID() {
			return // a different variable of the same name
		}
	}
	if r.Type() == "shorthand_property_identifier" {
		cand.bad = true // { cache }: exported or handed over
		return
	}
	p := r.Parent()
	fn := EnclosingFunction(r)
	switch p.Type() {
	case "member_expression":
		if p.Field("object").ID() != r.ID() {
			return // obj.cache: a property, not our variable
		}
		g := p.Parent()
		if g.Type() != "call_expression" || g.Field("function").ID() != p.ID() {
			if p.Field("property").Text() == "size" && !cwtJSCompared(p) {
				return // cache.size logged or exported as a metric bounds nothing
			}
			cand.bad = true // a size check, passed as a method value, …
			return
		}
		args := hpArgs(g)
		switch p.Field("property").Text() {
		case "get", "has":
			if len(args) > 0 {
				cand.reads = append(cand.reads, cwtMapWrite{node: g, key: args[0], fn: fn, isValue: p.Field("property").Text() == "get"})
			}
		case "keys", "values", "entries", "forEach":
		case "set":
			if len(args) >= 2 && !fn.IsNull() && !hpIsLiteral(args[0]) {
				cand.writes = append(cand.writes, cwtMapWrite{node: g, key: args[0], value: args[1], fn: fn})
			}
		default:
			cand.bad = true // delete, clear, …
		}
	case "subscript_expression":
		if p.Field("object").ID() != r.ID() {
			cand.bad = true // other[cache]
			return
		}
		g := p.Parent()
		switch g.Type() {
		case "assignment_expression", "augmented_assignment_expression":
			if g.Field("left").ID() == p.ID() {
				key := p.Field("index")
				if !fn.IsNull() && !hpIsLiteral(key) {
					val := g.Field("right")
					if g.Type() == "augmented_assignment_expression" {
						val = g // cache[k] += n derives from the old value
					}
					cand.writes = append(cand.writes, cwtMapWrite{node: g, key: key, value: val, fn: fn})
				}
				return
			}
		case "unary_expression":
			if strings.HasPrefix(g.Text(), "delete") {
				cand.bad = true
				return
			}
		}
		cand.reads = append(cand.reads, cwtMapWrite{node: p, key: p.Field("index"), fn: fn, isValue: true})
	case "binary_expression":
		if p.Field("right").ID() == r.ID() && p.Field("operator").Type() == "in" {
			cand.reads = append(cand.reads, cwtMapWrite{node: p, key: p.Field("left"), fn: fn})
			return
		}
		cand.bad = true
	default:
		cand.bad = true // reassigned, passed, returned, exported, …
	}
}

func (c *cwtJS) checkCand(cand *cwtMapCand) {
	if cand.bad || len(cand.writes) == 0 || cwtRegistryOnly(c.fs, cand) || cwtFixedKeys(c.fs, cand) {
		return
	}
	if c.browser == 0 {
		c.browser = 2
		if cwtBrowserFile(c.p, c.fs) || sapiIsScript(c.p.File) {
			c.browser = 1
		}
	}
	if c.browser == 1 {
		return
	}
	if !cand.sayCache && !c.memoPattern(cand) && !c.docSaysCache(cand) && !cwtLiteralMemo(c.fs, cand, cwtJSValueVar) {
		return
	}
	kind := "object"
	fix := "delete entries when they go stale"
	if cand.isMap {
		kind = "Map"
	}
	c.p.Report(Diagnostic{
		Node:    cand.decl,
		Message: fmt.Sprintf("module-level %s `%s` is used as a cache that only grows: entries are added per call and never deleted, expired or bounded, so memory grows with every distinct key; use an LRU with `max`/`ttl` (lru-cache) or %s", kind, cand.name, fix),
		Related: []RelatedNode{{Node: cand.writes[0].node, Message: "entry added here"}},
	})
}

// memoPattern recognises get-or-compute memoisation in one function — a
// lookup of a key, a freshly computed value stored under the same key
// when the lookup missed (or before returning it) — which marks a Map as
// a cache whatever its name.
func (c *cwtJS) memoPattern(cand *cwtMapCand) bool {
	for _, w := range cand.writes {
		for _, r := range cand.reads {
			if r.fn.ID() != w.fn.ID() || r.node.EndByte() > w.node.StartByte() || !hpSameExpr(c.fs, r.key, w.key) {
				continue
			}
			vars := cwtJSReadVars(r.node)
			if !c.fresh(cand, w, r, w.value, vars, 0) {
				continue
			}
			lk := cwtLookup{fn: w.fn, read: r.node, write: w.node, vars: vars}
			if r.isValue && len(vars) == 1 {
				lk.value = vars[0]
			}
			lk.valueReads = cwtValueReads(c.fs, cand, w)
			if lk.guarded() || c.returnsValue(cand, w) {
				return true
			}
		}
	}
	return false
}

// returnsValue reports whether w's function returns the stored value or
// reads it back from the map in a return.
func (c *cwtJS) returnsValue(cand *cwtMapCand, w cwtMapWrite) bool {
	val := collapse(Unparen(w.value).Text())
	for _, ret := range c.returns[w.fn.ID()] {
		e := ret.NamedChild(0)
		if e.IsNull() {
			continue
		}
		t := collapse(Unparen(e).Text())
		if t == val || strings.Contains(t, cand.name+".get(") || strings.Contains(t, cand.name+"[") {
			return true
		}
	}
	return false
}

// cwtJSReadVars returns the variable a lookup's result is bound to:
// `const hit = cache.get(k)`, `let n = counts.get(k) ?? 0`.
func cwtJSReadVars(read parsers.Node) []string {
	e := read
	for {
		p := e.Parent()
		switch p.Type() {
		case "parenthesized_expression", "await_expression", "as_expression", "non_null_expression", "satisfies_expression":
			e = p
			continue
		case "binary_expression":
			if op := p.Field("operator").Type(); op == "??" || op == "||" {
				e = p
				continue
			}
		case "variable_declarator":
			if p.Field("value").ID() == e.ID() && p.Field("name").Type() == "identifier" {
				return []string{p.Field("name").Text()}
			}
		case "assignment_expression":
			if p.Field("right").ID() == e.ID() && p.Field("left").Type() == "identifier" {
				return []string{p.Field("left").Text()}
			}
		}
		return nil
	}
}

// fresh reports whether a value stored in the map is computed for the key
// (a call, an await, a value read from elsewhere) — not a container to be
// filled in place (`[]`, `new Set()`), a flag, a per-key object built
// with new (a lock, a limiter), nor something derived from the map or
// from the lookup itself (a counter).
func (c *cwtJS) fresh(cand *cwtMapCand, w, r cwtMapWrite, v parsers.Node, vars []string, depth int) bool {
	if depth > 3 || v.IsNull() {
		return false
	}
	v = Unparen(v)
	for v.Type() == "await_expression" || v.Type() == "as_expression" || v.Type() == "non_null_expression" {
		v = Unparen(v.NamedChild(0))
	}
	switch v.Type() {
	case "template_string":
		// A constant template is a flag; one with substitutions is computed.
		if !strings.Contains(v.Text(), "${") {
			return false
		}
	case "object", "array":
		// A record assembled from what a remote call returned is computed
		// for the key; an empty container, or per-key state built from
		// constants (and the clock) or changed after it is stored, is not.
		return c.builtFromAwait(cand, w, v, vars, depth)
	case "number", "string", "true", "false", "null", "undefined", "regex",
		"arrow_function", "function_expression", "function", "class", "augmented_assignment_expression":
		return false
	case "new_expression":
		if Unparen(v.Field("constructor")).Text() != "Promise" {
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
			// The lookup's variable, refilled before the write: let hit =
			// m.get(k); if (!hit) { hit = await load(k); m.set(k, hit) }.
			rhs, _ := cwtAssignedBetween(w.fn, name, r.node.EndByte(), w.node.StartByte())
			if len(rhs) == 0 {
				// const v = m.get(k) ?? (await load(k)); m.set(k, v): the
				// fallback is computed.
				return c.freshFallback(cand, w, r, vars, depth)
			}
			for _, e := range rhs {
				if !c.fresh(cand, w, r, e, vars, depth+1) {
					return false
				}
			}
			return true
		}
		// Another variable: computed in this function. A parameter or a
		// module constant is stored as given, as a registry does.
		d, ok := c.fs.Resolve(v)
		if !ok || d.Kind != VarDecl || !w.fn.Contains(d.Node) {
			return false
		}
		if !d.Init.IsNull() {
			return c.fresh(cand, w, r, d.Init, vars, depth+1)
		}
		// Declared without a value and filled in this function before the
		// write: let rows; [rows] = await pool.query(…).
		rhs, _ := cwtAssignedBetween(w.fn, name, d.Node.EndByte(), w.node.StartByte())
		if len(rhs) == 0 {
			return false
		}
		for _, e := range rhs {
			if !c.fresh(cand, w, r, e, vars, depth+1) {
				return false
			}
		}
		return true
	}
	return !hpMentions(v, cand.name) && !hpMentionsAny(v, vars)
}

// freshFallback reports whether the lookup is `m.get(k) ?? fallback` (or
// ||) with a freshly computed fallback.
func (c *cwtJS) freshFallback(cand *cwtMapCand, w, r cwtMapWrite, vars []string, depth int) bool {
	e := r.node
	for e.Parent().Type() == "parenthesized_expression" || e.Parent().Type() == "await_expression" {
		e = e.Parent()
	}
	b := e.Parent()
	if b.Type() != "binary_expression" || b.Field("left").ID() != e.ID() {
		return false
	}
	if op := b.Field("operator").Type(); op != "??" && op != "||" {
		return false
	}
	return c.fresh(cand, w, r, b.Field("right"), vars, depth+1)
}

// cwtJSCompared reports whether an expression (cache.size) is an operand
// of a comparison: a size check that bounds the map.
func cwtJSCompared(e parsers.Node) bool {
	p := e.Parent()
	for p.Type() == "parenthesized_expression" {
		p = p.Parent()
	}
	if p.Type() != "binary_expression" {
		return false
	}
	switch p.Field("operator").Type() {
	case "<", ">", "<=", ">=", "==", "===", "!=", "!==":
		return true
	}
	return false
}

// docSaysCache reports whether the declaration's doc comment, or that of
// a function that adds entries, calls the map a cache.
func (c *cwtJS) docSaysCache(cand *cwtMapCand) bool {
	if cwtDocSaysCache(hpTopStatement(cand.decl), false) {
		return true
	}
	for _, w := range cand.writes {
		if top := hpTopStatement(w.fn); top.ID() != w.node.File().Root().ID() && cwtDocSaysCache(top, true) {
			return true
		}
	}
	return false
}
