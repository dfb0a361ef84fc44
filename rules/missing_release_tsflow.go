package rules

import (
	"github.com/hotpath-app/hotpath/parsers"
)

// An mrTry is a try statement enclosing the walk's position.
type mrTry struct {
	// inBody: the walk is in the try block (not its catch).
	inBody   bool
	hasCatch bool
	// catchLive: some throw reached the catch with the resource live;
	// catchSite is the first such throw.
	catchLive bool
	catchSite parsers.Node
	// finallyReleases: the finally block releases the resource, so every
	// path out of the try is covered.
	finallyReleases bool
}

// mrTSFlow walks a TypeScript or JavaScript function body. Besides return,
// throw and the end of the function, every await is a point where an
// exception can leave: it goes to the nearest catch, through finally
// blocks, and out of the function.
type mrTSFlow struct {
	mrJumps
	res   *mrResource
	tries []*mrTry
	// rethrow is, inside a catch block, the await whose exception is
	// being handled.
	rethrow parsers.Node
	// cbErr is the callback's error parameter while walking the body of a
	// callback acquisition: if (err) … is the path without a resource.
	cbErr string
}

func (w *mrTSFlow) run() []mrLeak {
	r := w.res
	w.walk(r.body, r.cb)
	for _, u := range r.units {
		if body := u.Field("body"); body.Type() == "statement_block" && !w.abort {
			w.cbErr = ""
			w.walk(body, true)
		}
	}
	return w.leaks
}

// walk follows one function body from its start.
func (w *mrTSFlow) walk(body parsers.Node, live bool) {
	w.cbErr = w.res.cbErr
	if body.Type() != "statement_block" {
		// An arrow function's expression body: what it evaluates to is
		// returned.
		w.returned(body, live)
		return
	}
	live, falls := w.block(body, live)
	if falls && live && !w.abort {
		w.leaks = append(w.leaks, mrLeak{how: mrLeakEnd, node: mrLastChild(body)})
	}
}

// handsOver reports whether a statement passes one of the resource's
// continuation callbacks: from there on the callback holds the resource.
func (w *mrTSFlow) handsOver(s parsers.Node) bool {
	for _, u := range w.res.units {
		if s.Contains(u) {
			return true
		}
	}
	return false
}

func (w *mrTSFlow) block(b parsers.Node, live bool) (bool, bool) {
	if b.Type() != "statement_block" {
		return w.stmt(b, live)
	}
	return w.list(mrStatements(b), live)
}

func (w *mrTSFlow) list(stmts []parsers.Node, live bool) (bool, bool) {
	for _, s := range stmts {
		if w.abort {
			return false, false
		}
		var falls bool
		live, falls = w.stmt(s, live)
		if !falls {
			return live, false
		}
	}
	return live, true
}

func (w *mrTSFlow) stmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	switch s.Type() {
	case "statement_block":
		return w.block(s, live)
	case "return_statement":
		w.returned(s, live)
		return false, false
	case "throw_statement":
		if mrContainsRelease(r, s) {
			return false, false
		}
		w.awaits(s, live)
		w.throwFrom(s, live, mrLeakThrow)
		return false, false
	case "if_statement":
		return w.ifStmt(s, live)
	case "for_statement", "for_in_statement", "while_statement", "do_statement":
		return w.loop(s, live)
	case "try_statement":
		return w.tryStmt(s, live)
	case "switch_statement":
		return w.switchStmt(s, live)
	case "labeled_statement":
		return w.stmt(s.Field("body"), live)
	case "break_statement", "continue_statement":
		return w.jump(s, !s.Field("label").IsNull(), live)
	case "function_declaration", "generator_function_declaration", "class_declaration", "empty_statement",
		"import_statement", "type_alias_declaration", "interface_declaration", "enum_declaration", "comment":
		return live, true
	}
	return w.simple(s, live)
}

// returned follows a return statement, or an arrow function's expression
// body.
func (w *mrTSFlow) returned(s parsers.Node, live bool) {
	r := w.res
	if w.rejects(s, live) || mrContainsRelease(r, s) || w.handsOver(s) {
		return
	}
	w.awaits(s, live)
	w.exitReturn(s, live)
}

// rejects reports whether a statement holds a promise chain on the
// resource that releases it on success; a rejection of the chain leaves
// from there like a throw.
func (w *mrTSFlow) rejects(s parsers.Node, live bool) bool {
	site := mrTSRejectSite(w.res, s)
	if site.IsNull() {
		return false
	}
	w.throwFrom(site, live, mrLeakReject)
	return true
}

func (w *mrTSFlow) simple(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	if s.ID() == r.stmt.ID() {
		return true, true
	}
	if w.rejects(s, live) {
		return false, true
	}
	if mrContainsRelease(r, s) || w.handsOver(s) {
		return false, true
	}
	if mrTSAssigns(s, r.name) {
		return false, true
	}
	w.awaits(s, live)
	return live, true
}

// mrTSAssigns reports whether a statement assigns the variable.
func mrTSAssigns(s parsers.Node, name string) bool {
	found := false
	s.Walk(func(c parsers.Node) bool {
		if found || IsFunction(c) {
			return false
		}
		if c.Type() == "assignment_expression" && mrIsName(c.Field("left"), name) {
			found = true
		}
		return true
	})
	return found
}

// awaits treats the first await under n (outside nested functions) as a
// point where an exception can leave.
func (w *mrTSFlow) awaits(n parsers.Node, live bool) {
	if !live {
		return
	}
	var site parsers.Node
	n.Walk(func(c parsers.Node) bool {
		if !site.IsNull() || IsFunction(c) {
			return false
		}
		if c.Type() == "await_expression" && !w.setupAwait(c) {
			site = c
			return false
		}
		return true
	})
	if !site.IsNull() {
		w.throwFrom(site, live, mrLeakAwait)
	}
}

// setupAwait reports awaits that set the resource itself up
// (queryRunner.connect(), queryRunner.startTransaction()): documented
// examples put them before the try, and a failure there holds nothing.
func (w *mrTSFlow) setupAwait(a parsers.Node) bool {
	call := Unparen(a.NamedChild(0))
	if call.Type() != "call_expression" {
		return false
	}
	recv, m := Callee(call)
	return w.res.kind == mrTSRunner && mrIsName(recv, w.res.name) && (m == "connect" || m == "startTransaction")
}

// throwFrom sends an exception raised at node to the nearest catch, or
// out of the function, where a live resource leaks unless a finally block
// releases it.
func (w *mrTSFlow) throwFrom(node parsers.Node, live bool, how int) {
	if !live {
		return
	}
	for i := len(w.tries) - 1; i >= 0; i-- {
		t := w.tries[i]
		if t.finallyReleases {
			return
		}
		if t.inBody && t.hasCatch {
			t.catchLive = true
			if t.catchSite.IsNull() {
				t.catchSite = node
			}
			return
		}
	}
	l := mrLeak{how: how, node: node}
	if how == mrLeakThrow {
		l.origin = w.rethrow
	}
	w.leaks = append(w.leaks, l)
}

func (w *mrTSFlow) exitReturn(node parsers.Node, live bool) {
	if !live {
		return
	}
	for i := len(w.tries) - 1; i >= 0; i-- {
		if w.tries[i].finallyReleases {
			return
		}
	}
	w.leaks = append(w.leaks, mrLeak{how: mrLeakReturn, node: node})
}

func (w *mrTSFlow) ifStmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	cond := s.Field("condition")
	if mrContainsRelease(r, cond) {
		live = false
	}
	w.awaits(cond, live)
	thenLive, elseLive := live, live
	c := Unparen(cond)
	if w.cbErr != "" {
		if mrTSErrPath(c, w.cbErr) {
			thenLive = false // if (err) return next(err): no connection there
		}
		if c.Type() == "unary_expression" && c.Field("operator").Type() == "!" && mrIsName(c.Field("argument"), w.cbErr) {
			elseLive = false
		}
	}
	switch {
	case mrIsName(c, r.name), mrGoCompares(c, r.name, "!=", false), mrGoCompares(c, r.name, "!==", false):
		elseLive = false // if (client) …: no client on the else path
	case c.Type() == "unary_expression" && c.Field("operator").Type() == "!" && mrIsName(c.Field("argument"), r.name),
		mrGoCompares(c, r.name, "==", false), mrGoCompares(c, r.name, "===", false):
		thenLive = false
	}
	l1, f1 := w.stmt(s.Field("consequence"), thenLive)
	l2, f2 := elseLive, true
	if alt := s.Field("alternative"); !alt.IsNull() {
		// else_clause holds the statement.
		inner := alt
		if alt.Type() == "else_clause" {
			inner = alt.NamedChild(0)
			for inner.Type() == "comment" {
				inner = inner.NextNamedSibling()
			}
		}
		l2, f2 = w.stmt(inner, elseLive)
	}
	return (f1 && l1) || (f2 && l2), f1 || f2
}

// mrTSErrPath reports whether a condition holds only when the callback's
// error is set: err, err != null, err !== undefined, err && …
func mrTSErrPath(c parsers.Node, errName string) bool {
	c = Unparen(c)
	if mrIsName(c, errName) || mrGoCompares(c, errName, "!=", false) || mrGoCompares(c, errName, "!==", false) {
		return true
	}
	if c.Type() == "binary_expression" && c.Field("operator").Type() == "&&" {
		return mrTSErrPath(c.Field("left"), errName) || mrTSErrPath(c.Field("right"), errName)
	}
	return false
}

func (w *mrTSFlow) loop(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	body := s.Field("body")
	infinite := false
	switch s.Type() {
	case "for_statement":
		cond := s.Field("condition")
		infinite = cond.IsNull() || cond.Type() == "empty_statement" ||
			(cond.Type() == "expression_statement" && Unparen(cond.NamedChild(0)).Type() == "true")
		for _, f := range []string{"initializer", "condition", "increment"} {
			if h := s.Field(f); !h.IsNull() {
				if mrContainsRelease(r, h) {
					live = false
				}
				w.awaits(h, live)
			}
		}
	case "for_in_statement":
		w.awaits(s.Field("right"), live)
		for c := s.FirstChild(); !c.IsNull(); c = c.NextSibling() {
			if c.Type() == "await" {
				w.throwFrom(s, live, mrLeakAwait) // for await: each step can throw
				break
			}
		}
	case "while_statement", "do_statement":
		cond := s.Field("condition")
		infinite = Unparen(cond).Type() == "true"
		if s.Type() == "while_statement" {
			w.awaits(cond, live)
		}
	}
	f := &mrFrame{loop: true, owns: body.Contains(r.stmt)}
	w.frames = append(w.frames, f)
	lb, fb := w.stmt(body, live)
	w.frames = w.frames[:len(w.frames)-1]
	if f.owns && fb && lb {
		w.leaks = append(w.leaks, mrLeak{how: mrLeakNext, node: mrLastChild(body)})
		lb = false
	}
	out, falls := f.breakLive, f.broke
	if !infinite {
		entry := live
		if s.Type() == "do_statement" {
			entry = false // the body runs at least once
			if !fb && !f.continued {
				return out, falls
			}
		}
		out = out || entry || (fb && lb) || f.contLive
		falls = true
	}
	return out, falls
}

func (w *mrTSFlow) tryStmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	handler, fin := s.Field("handler"), s.Field("finalizer")
	t := &mrTry{inBody: true, hasCatch: !handler.IsNull(), finallyReleases: !fin.IsNull() && mrContainsRelease(r, fin)}
	w.tries = append(w.tries, t)
	lb, fb := w.block(s.Field("body"), live)
	t.inBody = false
	lc, fc := false, false
	if !handler.IsNull() {
		saved := w.rethrow
		w.rethrow = t.catchSite
		lc, fc = w.block(handler.Field("body"), t.catchLive)
		w.rethrow = saved
	}
	w.tries = w.tries[:len(w.tries)-1]
	out, falls := (fb && lb) || (fc && lc), fb || fc
	if !fin.IsNull() {
		lf, ff := w.block(fin.Field("body"), out)
		if !ff {
			return false, false
		}
		out = lf
	}
	return out, falls
}

func (w *mrTSFlow) switchStmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	val := s.Field("value")
	if mrContainsRelease(r, val) {
		live = false
	}
	w.awaits(val, live)
	f := &mrFrame{}
	w.frames = append(w.frames, f)
	hasDefault := false
	prevFalls, prevLive := false, false
	for _, c := range s.Field("body").NamedChildren() {
		if c.Type() != "switch_case" && c.Type() != "switch_default" {
			continue
		}
		if c.Type() == "switch_default" {
			hasDefault = true
		}
		entry := live || (prevFalls && prevLive)
		prevLive, prevFalls = w.list(c.FieldAll("body"), entry)
	}
	w.frames = w.frames[:len(w.frames)-1]
	out := f.breakLive || (prevFalls && prevLive)
	falls := f.broke || prevFalls
	if !hasDefault {
		out, falls = out || live, true
	}
	return out, falls
}
