package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// MissingRelease reports a pooled connection, transaction, result set or
// response body acquired without a release on every path.
var MissingRelease = &Rule{
	ID:        "missing-release",
	Title:     "pooled resource not released on every path",
	Doc:       doc("missing-release"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Error,
	Check:     checkMissingRelease,
}

// How missing-release works, in one place:
//
//  1. A byte prefilter skips files that mention no acquiring method.
//  2. One walk over the tree finds acquiring calls (pool.connect(),
//     db.QueryContext(…), http.Get(…), …) whose result is bound to a plain
//     variable by a statement of the function body. Each kind checks that
//     the receiver or the variable's use looks like that resource
//     (mrKind.match); otherwise the call is left alone.
//  3. A scan of the enclosing function looks at every use of the variable:
//     returned, stored, captured by a goroutine or a callback that releases
//     it, or passed to a function that does not visibly borrow it — then it
//     is someone else's to release and nothing is reported (mrScan).
//  4. A small structured control-flow walk (mrGoFlow, mrTSFlow) follows the
//     function from its first statement: the resource is live from the
//     acquisition until a release or a deferred/finally release; every
//     return, throw, panic, end of function — and in TypeScript every
//     await that can throw — reached while it is live is a leak. Anything
//     the walk cannot model (goto, labelled jumps) abandons the resource.
//  5. The first leak (explicit exits before awaits) is reported at the
//     acquiring call, naming the path; a Go fix inserts the defer after the
//     error check when that is mechanical.

func checkMissingRelease(p *Pass) {
	if !mrPrefilter(p) || goTestSupportFile(p) {
		return
	}
	var found []*mrResource
	p.File.Root().Walk(func(n parsers.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		if r := mrAcquisition(p, n); r != nil {
			found = append(found, r)
		}
		return true
	})
	for _, r := range found {
		mrAnalyze(p, r)
	}
}

// Method and function names that may acquire something, per language family,
// for the byte prefilter.
var (
	mrGoWords = [][]byte{[]byte("Query"), []byte("Begin"), []byte("Conn("), []byte("Acquire("), []byte("Prepare"),
		[]byte(".Do("), []byte(".Get("), []byte(".Post"), []byte(".Head("), []byte(".Rows("), []byte("GetContext(")}
	mrJSWords = [][]byte{[]byte("connect("), []byte("getConnection("), []byte("createQueryRunner("),
		[]byte("transaction("), []byte("acquire("), []byte("reserve("), []byte("startTransaction(")}
)

func mrPrefilter(p *Pass) bool {
	words := mrJSWords
	if p.File.Lang == parsers.Go {
		words = mrGoWords
	}
	for _, w := range words {
		if bytes.Contains(p.File.Src, w) {
			return true
		}
	}
	if p.Knowledge != nil {
		for _, res := range p.Knowledge.Resources {
			m := res.Acquire
			if i := strings.LastIndex(m, "."); i >= 0 {
				m = m[i+1:]
			}
			if m == "" || strings.ContainsAny(m, "*?[") || bytes.Contains(p.File.Src, []byte(m)) {
				return true
			}
		}
	}
	return false
}

// An mrKind is a kind of pooled resource: how it is released and how the
// message talks about it.
type mrKind struct {
	// pathRelease are methods on the resource that release it on the path
	// where they are called (Close, release, Commit, Rollback).
	pathRelease []string
	// poolRelease are methods on any receiver that release the resource
	// passed as their argument (generic-pool's pool.release(res)).
	poolRelease []string
	// body: an HTTP response, released by resp.Body.Close().
	body bool
	// verb is the past participle the message uses: "closed".
	verb string
	// releaseCall is the release written out for the resource, with %s for
	// its name: "%s.Close()".
	releaseCall string
	// trx: a transaction; the TypeScript advice talks about rollback.
	trx bool
}

func (k *mrKind) releases(method string) bool { return mrIn(method, k.pathRelease) }

// An mrResource is one acquisition under analysis.
type mrResource struct {
	kind *mrKind
	// name is the variable bound to the resource.
	name string
	// errName is the Go error variable assigned with it ("" or "_": none).
	errName string
	// call is the acquiring call, where the finding starts.
	call parsers.Node
	// stmt is the statement that binds the variable.
	stmt parsers.Node
	fn   parsers.Node
	body parsers.Node
	// what names the acquisition in messages: "db.QueryContext",
	// "pool.connect()".
	what string
	// rollbackArgs is the argument text for a Go deferred Rollback ("ctx"
	// for pgx).
	rollbackArgs string

	// Callback acquisitions (pool.getConnection((err, conn) => …)): the
	// resource is a parameter of fn, live from its first statement except
	// where cbErr is set.
	cb    bool
	cbErr string
	// releaseFn is a parameter that releases when called (pg's done).
	releaseFn string
	// gormTx: a GORM transaction from the one-result Begin(); `if
	// tx.Error != nil` right after it is the path without a transaction.
	gormTx bool
	// returns are the return statements of fn that hand the resource to
	// the caller (Go): the resource is released on those paths only.
	returns map[int]bool
	// then: acquired by pool.getConnection().then(conn => …).
	then bool
	// facts are the file's facts, to look into same-file helpers.
	facts *Facts
	// units are callbacks given to a method of the resource
	// (conn.query(sql, (err, rows) => { … conn.release() })): the resource
	// lives on in them, and each is walked on its own.
	units []parsers.Node
}

// Leak kinds, in reporting priority.
const (
	mrLeakReturn = iota
	mrLeakThrow
	mrLeakPanic
	mrLeakNext // dropped before the next loop iteration (continue or end of body)
	mrLeakEnd
	mrLeakAwait
	mrLeakReject // a promise chain on the resource rejects past its releases
)

// An mrLeak is one path on which a live resource leaves the function.
type mrLeak struct {
	how  int
	node parsers.Node
	// origin is, for a rethrow from a catch block, the await that threw.
	origin parsers.Node
}

func mrAnalyze(p *Pass, r *mrResource) {
	sc := mrScan(p, r)
	if sc.escapes {
		return
	}
	var leaks []mrLeak
	if p.File.Lang == parsers.Go {
		w := &mrGoFlow{res: r}
		leaks = w.run()
		if w.abort {
			return
		}
	} else {
		w := &mrTSFlow{res: r}
		leaks = w.run()
		if w.abort {
			return
		}
	}
	if len(leaks) == 0 {
		return
	}
	best := leaks[0]
	for _, l := range leaks[1:] {
		if l.how < best.how || (l.how == best.how && l.node.StartByte() < best.node.StartByte()) {
			best = l
		}
	}
	d := Diagnostic{Node: r.call}
	if r.cb {
		// The call spans its whole callback; the callee starts at the same
		// place and keeps the range on one line.
		d.Node = r.call.Field("function")
	}
	if p.File.Lang == parsers.Go {
		d.Message = mrGoMessage(p, r, best, sc.released)
		d.Fix = mrGoFix(p, r)
	} else {
		d.Message = mrTSMessage(p, r, best, sc.released)
	}
	if rel := mrRelated(r, best); rel != "" {
		d.Related = []RelatedNode{{Node: best.node, Message: rel}}
	}
	p.Report(d)
}

func mrRelated(r *mrResource, l mrLeak) string {
	name := r.name
	if r.kind.body {
		name += ".Body"
	}
	switch l.how {
	case mrLeakReturn:
		return "returns here with " + name + " still open"
	case mrLeakThrow:
		return "throws here with " + name + " still open"
	case mrLeakPanic:
		return "panics here with " + name + " still open"
	case mrLeakNext:
		return "the next iteration starts here with " + name + " still open"
	case mrLeakEnd:
		return "the function ends here with " + name + " still open"
	case mrLeakAwait:
		return "this can throw while " + name + " is still open"
	case mrLeakReject:
		return "this can reject while " + name + " is still open"
	}
	return ""
}

func mrGoMessage(p *Pass, r *mrResource, l mrLeak, everReleased bool) string {
	name := r.name
	if r.kind.body {
		name += ".Body"
	}
	advice := "defer " + fmt.Sprintf(r.kind.releaseCall, r.name)
	if r.kind.trx {
		advice = "defer " + r.name + ".Rollback(" + r.rollbackArgs + ")"
	}
	switch {
	case mrInLoop(r):
		advice = mrGoLoopAdvice(r)
	case r.errName != "" && r.errName != "_":
		advice = "add " + advice + " after the error check"
	default:
		advice = "add " + advice + " right after it"
	}
	subject := fmt.Sprintf("%s from %s", name, r.what)
	if !everReleased {
		return fmt.Sprintf("%s is never %s (%s)", subject, r.kind.verb, advice)
	}
	line := l.node.StartLine()
	switch l.how {
	case mrLeakPanic:
		return fmt.Sprintf("%s is not %s on the panic at line %d (%s)", subject, r.kind.verb, line, advice)
	case mrLeakNext:
		return fmt.Sprintf("%s is not %s before the next loop iteration at line %d (%s)", subject, r.kind.verb, line, mrGoLoopAdvice(r))
	case mrLeakEnd:
		return fmt.Sprintf("%s is not %s when the function ends at line %d (%s)", subject, r.kind.verb, l.node.EndLine(), advice)
	}
	return fmt.Sprintf("%s is not %s on the return at line %d (%s)", subject, r.kind.verb, line, advice)
}

// mrGoLoopAdvice is the advice for a per-iteration resource: a defer would
// pile up until the function returns, so the loop body belongs in a
// function of its own, or the resource is closed on every path of the body.
func mrGoLoopAdvice(r *mrResource) string {
	return fmt.Sprintf("close it on every path of the loop body, or move the body into a function with defer %s", fmt.Sprintf(r.kind.releaseCall, r.name))
}

// mrInLoop reports whether the acquisition sits in a loop of its function.
func mrInLoop(r *mrResource) bool {
	for p := r.stmt.Parent(); !p.IsNull() && p.ID() != r.fn.ID(); p = p.Parent() {
		switch p.Type() {
		case "for_statement", "for_in_statement", "while_statement", "do_statement":
			return true
		}
	}
	return false
}

func mrTSMessage(p *Pass, r *mrResource, l mrLeak, everReleased bool) string {
	subject := fmt.Sprintf("%s from %s", r.name, r.what)
	rel := fmt.Sprintf(r.kind.releaseCall, r.name)
	advice := "release it in a finally block"
	if r.cb {
		advice = "release it on every path of the callback"
		if r.then {
			advice = "release it in a finally block in the callback"
		}
		if !everReleased {
			return fmt.Sprintf("%s is never %s: call %s when the callback is done with it", subject, r.kind.verb, rel)
		}
	}
	if r.kind.trx {
		advice = fmt.Sprintf("commit it at the end of a try block and call %s.rollback() in its catch", r.name)
	}
	if !everReleased {
		if r.kind.trx {
			return fmt.Sprintf("%s is never %s: %s", subject, r.kind.verb, advice)
		}
		return fmt.Sprintf("%s is never %s: call %s in a finally block", subject, r.kind.verb, rel)
	}
	switch l.how {
	case mrLeakReject:
		return fmt.Sprintf("%s is not %s when %s rejects: %s", subject, r.kind.verb, mrDescribeAwait(l.node), mrRejectAdvice(r, l.node))
	case mrLeakAwait:
		return fmt.Sprintf("%s is not %s when %s throws: %s", subject, r.kind.verb, mrDescribeAwait(l.node), advice)
	case mrLeakThrow:
		if !l.origin.IsNull() {
			return fmt.Sprintf("%s is not %s when %s throws (the catch block rethrows at line %d): %s",
				subject, r.kind.verb, mrDescribeAwait(l.origin), l.node.StartLine(), advice)
		}
		return fmt.Sprintf("%s is not %s on the throw at line %d: %s", subject, r.kind.verb, l.node.StartLine(), advice)
	case mrLeakNext:
		return fmt.Sprintf("%s is not %s before the next loop iteration at line %d: %s", subject, r.kind.verb, l.node.StartLine(), advice)
	case mrLeakEnd:
		return fmt.Sprintf("%s is not %s when the function ends at line %d: %s", subject, r.kind.verb, l.node.EndLine(), advice)
	}
	return fmt.Sprintf("%s is not %s on the return at line %d: %s", subject, r.kind.verb, l.node.StartLine(), advice)
}

// Methods whose await reads as "the query on line N".
var mrQueryMethods = map[string]bool{
	"query": true, "execute": true, "exec": true, "run": true, "manager": true, "raw": true, "insert": true,
	"update": true, "delete": true, "select": true, "save": true, "find": true, "findOne": true, "first": true,
}

// pg-promise's query methods (sco.none(…), sco.manyOrNone(…)), which read
// as a query unless the receiver is Promise (Promise.any).
var mrPgPromiseQuery = map[string]bool{
	"none": true, "one": true, "oneOrNone": true, "many": true, "manyOrNone": true, "any": true, "result": true,
	"multi": true, "multiResult": true,
}

// mrDescribeAwait names a throwing await: "the query on line 14", "the call
// to fetchUser() on line 9", "the await on line 3".
func mrDescribeAwait(n parsers.Node) string {
	e := n
	if e.Type() == "await_expression" {
		e = Unparen(e.NamedChild(0))
	}
	line := n.StartLine()
	if e.Type() == "call_expression" {
		// a chain such as trx("users").insert(…).returning("*"): name the
		// first method that reads as a query.
		for c := e; c.Type() == "call_expression"; {
			recv, m := Callee(c)
			if mrQueryMethods[m] || mrIsTaggedTemplate(c) || (mrPgPromiseQuery[m] && !recv.IsNull() && !mrTextIs(recv, "Promise")) {
				return fmt.Sprintf("the %s on line %d", mrQueryNoun(m), line)
			}
			fn := Unparen(c.Field("function"))
			if fn.Type() != "member_expression" {
				break
			}
			c = Unparen(fn.Field("object"))
		}
		fn := Unparen(e.Field("function"))
		txt := collapse(fn.Text())
		if len(txt) <= 40 && !strings.ContainsAny(txt, "(\n") {
			return fmt.Sprintf("the call to %s() on line %d", txt, line)
		}
	}
	return fmt.Sprintf("the await on line %d", line)
}

func mrQueryNoun(m string) string {
	switch m {
	case "insert", "update", "delete", "select", "save":
		return m
	}
	return "query"
}

// mrIn reports whether s is one of list.
func mrIn(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// mrCloseish reports whether a helper's name says it releases what it is
// given: closeBody, safeClose, drainAndClose, releaseConn, rollbackTx.
func mrCloseish(name string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"close", "release", "dispose", "cleanup", "drain", "discard", "destroy", "rollback", "teardown"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// mrCalleeName returns the name of what a call calls: the method or the
// function identifier.
func mrCalleeName(call parsers.Node) string {
	_, m := Callee(call)
	return m
}

// mrShort returns an expression's text with whitespace collapsed, cut to a
// readable length.
func mrShort(n parsers.Node) string {
	t := collapse(n.Text())
	if len(t) > 40 {
		t = "…" + t[len(t)-39:]
	}
	return t
}
