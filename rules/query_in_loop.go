package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// QueryInLoop reports a database, ORM or cache call made once per loop
// iteration: the N+1 pattern.
var QueryInLoop = &Rule{
	ID:        "query-in-loop",
	Title:     "database or cache call repeated once per loop iteration",
	Doc:       doc("query-in-loop"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     checkQueryInLoop,
}

// How the check works, in one walk of the tree:
//
//   - The walk carries the chain of loops around the current node: loop
//     statements (for, for…of, while, do, Go for/range) and iteration
//     callbacks (xs.map(cb), xs.forEach(cb), lo.Map(xs, cb)…). A closure
//     inherits the chain only when it runs where it is written: iteration
//     callbacks, IIFEs, `go func(){}()`, promise executors, transaction and
//     retry wrappers. A handler registered inside a loop does not.
//   - At each outermost call of a call chain inside a loop, the chain is
//     matched against the client tables (clients.go): the receiver is
//     classified from imports, declared types and initialisers, and the
//     method says whether it queries, builds, batches or derives.
//   - A call to a function or method defined in the same file is followed
//     (memoised per function, recursion-guarded, at most three hops).
//   - Only then are the loops classified, lazily: a loop over a small
//     constant list, a bounded retry, pagination, a worker-spawning loop or
//     a chunked batch loop does not make a call "per item".

func checkQueryInLoop(pass *Pass) {
	if goTestSupportFile(pass) {
		return
	}
	c := newQILChecker(pass)
	if !c.relevant() {
		return
	}
	c.visit(pass.File.Root(), nil)
}

// qilLoop is one loop around the current node.
type qilLoop struct {
	node   parsers.Node // the loop statement, or the iteration call
	body   parsers.Node // the loop body, or the callback function
	anchor parsers.Node // where "loop here" points
	coll   parsers.Node // the collection a callback iterates (may be zero)
	// callback is true for iteration callbacks (map, forEach…), where break
	// and return do not leave the loop.
	callback bool
	state    int8 // 0 unknown, 1 per item, -1 not per item
	outer    *qilLoop
}

type qilChecker struct {
	pass     *Pass
	fs       *Facts
	k        *Knowledge
	cls      *ClientClassifier
	goF      bool
	src      []byte
	reported map[int]bool
	sums     map[int]*qilSummary
	classes  map[string]parsers.Node // class bodies by name (zero: none in this file)
	chainBuf []parsers.Node
	// sqlcIfaces: for each interface declared in this Go file, the methods
	// whose signatures take a context and use a sqlc package's types
	// (nil until computed).
	sqlcIfaces map[string]map[string]bool
}

func newQILChecker(pass *Pass) *qilChecker {
	k := pass.Knowledge
	if k == nil {
		k = &Knowledge{}
	}
	fs := pass.Facts()
	if fs == nil {
		fs = NewFacts(pass.File)
	}
	return &qilChecker{
		pass:     pass,
		fs:       fs,
		k:        k,
		cls:      NewClientClassifier(fs, k),
		goF:      pass.File.Lang == parsers.Go,
		src:      pass.File.Src,
		reported: map[int]bool{},
	}
}

// relevant is the cheap prefilter: a file that imports nothing database-
// or cache-like, mentions no well-known client and has no taught patterns
// cannot have findings.
func (c *qilChecker) relevant() bool {
	if len(c.k.QueryCalls) > 0 || len(c.k.QueryTypes) > 0 || c.cls.HasEvidence() {
		return true
	}
	for _, marker := range qilMarkers {
		if bytes.Contains(c.src, marker) {
			return true
		}
	}
	return false
}

var qilMarkers = [][]byte{
	[]byte("prisma"), []byte("Prisma"), []byte("redis"), []byte("Redis"), []byte("Queries"), []byte("DBTX"),
	[]byte(".findMany("), []byte(".findUnique("), []byte(".findFirst("),
	// ORM model statics on models imported from elsewhere.
	[]byte(".findById("), []byte(".findOne("), []byte(".findByPk("), []byte(".findAll("), []byte(".findOneBy("),
	[]byte(".find({"), []byte(".countDocuments("), []byte("AndUpdate("), []byte(".updateOne("), []byte(".deleteOne("),
	[]byte(".updateMany("), []byte(".deleteMany("), []byte(".insertOne("),
	// A TypeORM repository or a Knex instance reached through a project's
	// own connection object (this.connection.getRepository(ctx, E),
	// this.db('users')).
	[]byte("/sqlc\""), []byte(".getRepository("), []byte(".db("), []byte(".knex("), []byte(".trx("), []byte(".tx("),
	[]byte(".database("), []byte(".connection("),
	// GORM statements on a handle declared in another file.
	[]byte(".Model(&"), []byte(".Where(\""),
	// SQL text passed to a receiver declared elsewhere.
	[]byte("SELECT "), []byte("select "), []byte("INSERT INTO"), []byte("insert into"), []byte("UPDATE "),
	[]byte("DELETE FROM"), []byte("delete from"),
}

// visit walks the tree below n; loop is the innermost loop around n.
func (c *qilChecker) visit(n parsers.Node, loop *qilLoop) {
	switch n.Type() {
	case "for_statement", "for_in_statement", "while_statement", "do_statement":
		c.visitLoop(n, loop)
		return
	case "call_expression":
		c.visitCall(n, loop)
		return
	case "new_expression":
		c.visitNew(n, loop)
		return
	case "function_declaration", "function_expression", "function", "arrow_function", "method_definition",
		"generator_function_declaration", "generator_function", "method_declaration", "func_literal":
		// Defined here, run elsewhere: the loop does not carry over.
		c.visitChildren(n, nil)
		return
	case "comment", "string", "template_string", "interpreted_string_literal", "raw_string_literal", "number",
		"int_literal", "import_statement", "import_declaration", "type_annotation", "interface_declaration",
		"type_alias_declaration", "type_declaration":
		return
	}
	c.visitChildren(n, loop)
}

func (c *qilChecker) visitChildren(n parsers.Node, loop *qilLoop) {
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		c.visit(ch, loop)
	}
}

func (c *qilChecker) visitLoop(n parsers.Node, outer *qilLoop) {
	body := n.Field("body")
	if body.IsNull() {
		c.visitChildren(n, outer)
		return
	}
	l := &qilLoop{node: n, body: body, anchor: n, outer: outer}
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if ch.ID() == body.ID() {
			c.visit(ch, l)
		} else {
			// The header (condition, range expression, initialiser) runs
			// in the enclosing loop's context, not once per iteration of
			// this one.
			c.visit(ch, outer)
		}
	}
}

func (c *qilChecker) visitCall(n parsers.Node, loop *qilLoop) {
	if loop != nil && isChainTop(n) {
		c.check(n, loop)
	}
	fn := n.Field("function")
	if u := Unparen(fn); IsFunction(u) {
		// (async () => { … })(), go func() { … }(): runs here.
		c.visitChildren(u, loop)
	} else {
		c.visit(fn, loop)
	}
	args := n.Field("arguments")
	if args.IsNull() {
		return
	}
	var it qilIteration
	itDone := false
	invokes := -1
	for a := args.FirstChild(); !a.IsNull(); a = a.NextSibling() {
		u := Unparen(a)
		if !itDone && (IsFunction(u) || u.Type() == "identifier" && mayIterate(callFunc(n))) {
			it, itDone = c.iteration(n), true
		}
		if it.ok && a.ID() == it.cb.ID() {
			l := &qilLoop{node: n, body: u, anchor: it.anchor, coll: it.coll, callback: true, outer: loop}
			if IsFunction(u) {
				c.visitChildren(u, l)
				continue
			}
			if u.Type() == "identifier" {
				c.checkRef(u, l)
			}
			c.visit(a, loop)
			continue
		}
		if IsFunction(u) {
			if invokes < 0 {
				invokes = 0
				if c.invokesCallback(n) {
					invokes = 1
				}
			}
			if invokes == 1 {
				c.visitChildren(u, loop)
			} else {
				c.visitChildren(u, nil)
			}
			continue
		}
		c.visit(a, loop)
	}
	// Anything else (type arguments).
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if ch.ID() != fn.ID() && ch.ID() != args.ID() {
			c.visit(ch, loop)
		}
	}
}

// mayIterate is a cheap test for ids.map(loadUser): a method call whose
// name is an array iteration method.
func mayIterate(fn parsers.Node) bool {
	fn = Unparen(fn)
	return fn.Type() == "member_expression" && jsIterMethods[fn.Field("property").Text()]
}

// visitNew handles `new Promise((resolve) => …)`, whose executor runs now.
func (c *qilChecker) visitNew(n parsers.Node, loop *qilLoop) {
	ctor := n.Field("constructor")
	runsNow := ctor.Text() == "Promise"
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if ch.Type() != "arguments" {
			c.visit(ch, loop)
			continue
		}
		for a := ch.FirstChild(); !a.IsNull(); a = a.NextSibling() {
			if u := Unparen(a); IsFunction(u) {
				if runsNow {
					c.visitChildren(u, loop)
				} else {
					c.visitChildren(u, nil)
				}
				continue
			}
			c.visit(a, loop)
		}
	}
}

// isChainTop reports whether call is the outermost call of a chain: not
// the receiver of a further method call (db.query(…).then(…) has its top
// at then).
func isChainTop(call parsers.Node) bool {
	p := call.Parent()
	for p.Type() == "parenthesized_expression" || p.Type() == "non_null_expression" {
		call, p = p, p.Parent()
	}
	if (p.Type() == "member_expression" && call.FieldName() == "object") ||
		(p.Type() == "selector_expression" && call.FieldName() == "operand") {
		if p.FieldName() == "function" && p.Parent().Type() == "call_expression" {
			return false
		}
		// `await a.b().c<T>()` reads as `(await a.b().c)<T>()`.
		if g := p.Parent(); g.Type() == "await_expression" && g.FieldName() == "function" && g.Parent().Type() == "call_expression" {
			return false
		}
		return true
	}
	return true
}

// check reports the chain topped by call if it queries and runs once per
// iteration of a loop around it.
func (c *qilChecker) check(top parsers.Node, loop *qilLoop) {
	if c.reported[top.ID()] {
		return
	}
	h := c.dbCall(top)
	if h == nil {
		h = c.helperHit(top)
	}
	if h == nil || ddlStatement(h.stmt) {
		return
	}
	l := c.perItemLoop(top, loop, h)
	if l == nil {
		return
	}
	c.reported[top.ID()] = true
	c.report(top, h, l)
}

// checkRef handles a local function passed by name to an iteration call:
// ids.map(loadUser).
func (c *qilChecker) checkRef(id parsers.Node, l *qilLoop) {
	if c.reported[id.ID()] {
		return
	}
	if d, ok := c.fs.Resolve(id); ok && !IsFunction(Unparen(d.Init)) {
		return
	}
	if _, ok := c.fs.Import(id.Text()); ok {
		return
	}
	for _, fn := range c.fs.Functions(id.Text()) {
		if !isPlainFunction(fn) {
			continue
		}
		if s := c.summary(fn); s != nil && len(s.via) < qilMaxHops {
			if !c.qualifies(l) {
				return
			}
			h := &qilHit{name: s.name, cl: s.cl, op: s.op, via: append([]string{id.Text()}, s.via...)}
			c.reported[id.ID()] = true
			c.report(id, h, l)
			return
		}
	}
}

// perItemLoop returns the innermost loop around call that runs it once per
// item, or nil.
func (c *qilChecker) perItemLoop(call parsers.Node, loop *qilLoop, h *qilHit) *qilLoop {
	for l := loop; l != nil; l = l.outer {
		if !c.qualifies(l) {
			continue
		}
		if h != nil && c.itemIsModel(h, l) {
			// The loop picks the table; loops around it repeat a walk
			// over tables.
			return nil
		}
		if h != nil && (c.runsStatements(h, l) || c.itemIsClient(h, l)) {
			continue
		}
		if !l.callback && (exitsLoop(call, l) || fallbackSearch(call, l)) {
			continue
		}
		return l
	}
	return nil
}

func (c *qilChecker) report(at parsers.Node, h *qilHit, l *qilLoop) {
	what := h.name
	if len(h.via) > 0 {
		what = strings.Join(h.via, " → ") + " → " + h.name
	}
	var where string
	if l.callback {
		where = fmt.Sprintf("once per element of %s on line %d", c.loopName(l), l.anchor.StartLine())
	} else {
		where = fmt.Sprintf("once per iteration of the loop on line %d", l.anchor.StartLine())
	}
	cost := "N+1 queries"
	if h.cl.Kind == CacheClient {
		cost = "one cache round trip per item"
	} else if h.op != qilRead {
		cost = "one write per item"
	}
	fix := fixHint(h)
	if len(h.via) > 0 {
		fix = "load what " + h.via[0] + " needs for all items before the loop: " + fix
	}
	msg := fmt.Sprintf("%s runs %s (%s); %s", what, where, cost, fix)
	c.pass.Report(Diagnostic{
		Node:    at,
		Message: msg,
		Related: []RelatedNode{{Node: l.anchor, Message: "loop here"}},
	})
}

// loopName names an iteration callback's call: "users.map", "lo.Map".
func (c *qilChecker) loopName(l *qilLoop) string {
	fn := l.node.Field("function")
	s := renderExpr(fn, 0)
	if len(s) > 48 {
		if i := strings.LastIndex(s, "."); i > 0 {
			s = "…" + s[i:]
		}
	}
	return s
}
