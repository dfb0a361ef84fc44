package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// An mrFrame is a break (and, for loops, continue) target during a walk.
type mrFrame struct {
	loop                bool
	breakLive, contLive bool
	broke, continued    bool
	// owns: the resource is acquired inside this loop's body, so each
	// iteration has its own and must release it before the next.
	owns bool
}

// mrJumps is the walk state both languages share: the enclosing break and
// continue targets, the leaks found, and whether the walk gave up (a goto,
// a labelled jump) so that nothing it found can be trusted.
type mrJumps struct {
	frames []*mrFrame
	leaks  []mrLeak
	abort  bool
}

// jump walks a break or continue statement s with the resource live or
// not: it records the state at the target frame (a continue that leaves a
// per-iteration resource open leaks it). A labelled jump, or one with no
// target, aborts the walk. There is no fall-through after a jump.
func (w *mrJumps) jump(s parsers.Node, labelled, live bool) (bool, bool) {
	if labelled || len(w.frames) == 0 {
		w.abort = true
		return false, false
	}
	if s.Type() == "break_statement" {
		f := w.frames[len(w.frames)-1]
		f.breakLive = f.breakLive || live
		f.broke = true
		return false, false
	}
	for i := len(w.frames) - 1; i >= 0; i-- {
		if f := w.frames[i]; f.loop {
			if live && f.owns {
				w.leaks = append(w.leaks, mrLeak{how: mrLeakNext, node: s})
				live = false
			}
			f.contLive = f.contLive || live
			f.continued = true
			return false, false
		}
	}
	w.abort = true
	return false, false
}

// mrGoFlow walks a Go function body, tracking whether the resource is live
// (acquired and neither released nor covered by a deferred release).
// Every walk method takes the state on entry and returns the state on the
// fall-through path and whether there is one.
type mrGoFlow struct {
	mrJumps
	res *mrResource
	// errActive: the acquisition's error variable still holds the
	// acquisition's error, so `if err != nil` is the path where the
	// resource is nil.
	errActive bool
}

func (w *mrGoFlow) run() []mrLeak {
	live, falls := w.block(w.res.body, false)
	if falls && live && !w.abort {
		w.leaks = append(w.leaks, mrLeak{how: mrLeakEnd, node: mrLastChild(w.res.body)})
	}
	return w.leaks
}

// mrLastChild returns a node's last child (a block's closing brace).
func mrLastChild(n parsers.Node) parsers.Node {
	last := n
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		last = c
	}
	return last
}

func (w *mrGoFlow) block(b parsers.Node, live bool) (bool, bool) {
	return w.list(mrStatements(b), live)
}

// mrStatements returns the statements of a block or case clause: its named
// children without a field name, comments left out.
func mrStatements(n parsers.Node) []parsers.Node {
	var out []parsers.Node
	for c := n.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.IsNamed() && c.Type() != "comment" && c.FieldName() == "" {
			out = append(out, c)
		}
	}
	return out
}

func (w *mrGoFlow) list(stmts []parsers.Node, live bool) (bool, bool) {
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

func (w *mrGoFlow) stmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	switch s.Type() {
	case "block":
		return w.block(s, live)
	case "return_statement":
		if mrContainsRelease(r, s) || r.returns[s.ID()] {
			live = false // released, or handed to the caller
		}
		if live {
			w.leaks = append(w.leaks, mrLeak{how: mrLeakReturn, node: s})
		}
		return false, false
	case "defer_statement":
		// Any deferred call that mentions the resource is taken as its
		// release: defer rows.Close(), defer closeBody(resp), defer func()
		// { if err != nil { tx.Rollback() } }().
		if mrMentions(s, r.name) {
			live = false
		}
		return live, true
	case "go_statement":
		return live, true
	case "if_statement":
		return w.ifStmt(s, live)
	case "for_statement":
		return w.forStmt(s, live)
	case "expression_switch_statement", "type_switch_statement":
		return w.switchStmt(s, live, false)
	case "select_statement":
		return w.switchStmt(s, live, true)
	case "labeled_statement":
		for _, c := range s.NamedChildren() {
			if c.Type() != "label_name" && c.Type() != "comment" {
				return w.stmt(c, live)
			}
		}
		return live, true
	case "break_statement", "continue_statement":
		return w.jump(s, s.NamedChild(0).Type() == "label_name", live)
	case "goto_statement":
		w.abort = true
		return false, false
	case "fallthrough_statement", "empty_statement":
		return live, true
	case "expression_statement":
		if call := Unparen(s.NamedChild(0)); call.Type() == "call_expression" {
			switch mrGoTerminates(call) {
			case mrTermPanic:
				if mrContainsRelease(r, s) {
					live = false
				}
				if live {
					w.leaks = append(w.leaks, mrLeak{how: mrLeakPanic, node: s})
				}
				return false, false
			case mrTermExit:
				return false, false
			}
		}
	}
	return w.simple(s, live)
}

func (w *mrGoFlow) simple(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	if s.ID() == r.stmt.ID() {
		w.errActive = r.errName != "" && r.errName != "_"
		return true, true
	}
	if mrGoAssigns(s, r.name) {
		// Reassigned: a new resource or nil; stop following the old one.
		live = false
	}
	if w.errActive && mrGoAssigns(s, r.errName) {
		w.errActive = false
	}
	if live && mrContainsRelease(r, s) {
		live = false
	}
	return live, true
}

// Ways a Go call ends the path.
const (
	mrTermNone = iota
	mrTermPanic
	mrTermExit
)

func mrGoTerminates(call parsers.Node) int {
	recv, m := Callee(call)
	if recv.IsNull() && m == "panic" {
		return mrTermPanic
	}
	if recv.IsNull() {
		return mrTermNone
	}
	rt := recv.Text()
	switch {
	case rt == "os" && m == "Exit":
		return mrTermExit
	case strings.HasPrefix(m, "Fatal"), (rt == "log" || rt == "klog") && strings.HasPrefix(m, "Panic"):
		return mrTermExit
	}
	return mrTermNone
}

// mrGoAssigns reports whether a statement assigns the variable name (as a
// whole: rows, err = …; err := …).
func mrGoAssigns(s parsers.Node, name string) bool {
	if name == "" || name == "_" {
		return false
	}
	switch s.Type() {
	case "short_var_declaration", "assignment_statement":
		for _, l := range s.Field("left").NamedChildren() {
			if l.Type() == "identifier" && l.Text() == name {
				return true
			}
		}
	case "var_declaration":
		found := false
		s.Walk(func(c parsers.Node) bool {
			if c.Type() == "identifier" && c.FieldName() == "name" && c.Text() == name {
				found = true
			}
			return !found
		})
		return found
	}
	return false
}

func (w *mrGoFlow) ifStmt(s parsers.Node, live bool) (bool, bool) {
	r := w.res
	shadow := false
	if init := s.Field("initializer"); !init.IsNull() {
		if init.Type() == "short_var_declaration" && mrGoAssigns(init, r.errName) {
			shadow = true // if err := …; err != nil: a new err
		} else if w.errActive && mrGoAssigns(init, r.errName) {
			w.errActive = false
		}
		if mrGoAssigns(init, r.name) {
			live = false
		}
		if live && mrContainsRelease(r, init) {
			live = false
		}
	}
	cond := s.Field("condition")
	if live && mrContainsRelease(r, cond) {
		live = false
	}
	thenLive, elseLive := live, live
	if w.errActive && !shadow {
		if mrGoErrPath(cond, r.errName) {
			thenLive = false
		}
		if mrGoCompares(cond, r.errName, "==", false) {
			elseLive = false
		}
	}
	if r.gormTx && mrGoGormErrPath(s, r.name) {
		thenLive = false
	}
	if mrGoCompares(cond, r.name, "!=", false) {
		elseLive = false
	}
	if mrGoCompares(cond, r.name, "==", true) {
		thenLive = false
	}
	before := w.errActive
	l1, f1 := w.block(s.Field("consequence"), thenLive)
	err1 := w.errActive
	w.errActive = before
	l2, f2 := elseLive, true
	if alt := s.Field("alternative"); !alt.IsNull() {
		l2, f2 = w.stmt(alt, elseLive)
	}
	err2 := w.errActive
	// After the if, err still holds the acquisition's error only if it
	// does on every path that falls through with the resource live (an
	// acquisition in one branch and another query in the other: the
	// other path has no resource to leak).
	live1, live2 := f1 && l1, f2 && l2
	switch {
	case live1 && live2:
		w.errActive = err1 && err2
	case live1:
		w.errActive = err1
	case live2:
		w.errActive = err2
	default:
		w.errActive = err1 || err2
	}
	return live1 || live2, f1 || f2
}

// mrGoGormErrPath reports whether an if statement tests a GORM
// transaction's Error for non-nil: `if tx.Error != nil` or `if err :=
// tx.Error; err != nil`. Begin failed there and there is no transaction.
func mrGoGormErrPath(s parsers.Node, name string) bool {
	isErrField := func(n parsers.Node) bool {
		n = Unparen(n)
		return n.Type() == "selector_expression" && n.Field("field").Text() == "Error" && mrIsName(n.Field("operand"), name)
	}
	cond := Unparen(s.Field("condition"))
	if cond.Type() != "binary_expression" || cond.Field("operator").Type() != "!=" {
		return false
	}
	l, rt := Unparen(cond.Field("left")), Unparen(cond.Field("right"))
	if l.Type() == "nil" {
		l, rt = rt, l
	}
	if rt.Type() != "nil" {
		return false
	}
	if isErrField(l) {
		return true
	}
	init := s.Field("initializer")
	if l.Type() != "identifier" || init.Type() != "short_var_declaration" {
		return false
	}
	lhs, rhs := init.Field("left").NamedChildren(), init.Field("right").NamedChildren()
	return len(lhs) == 1 && len(rhs) == 1 && lhs[0].Text() == l.Text() && isErrField(rhs[0])
}

// mrGoCompares reports whether cond is `name op nil`; with conj, also
// when that comparison is one side of a && (true only when it holds).
func mrGoCompares(cond parsers.Node, name, op string, conj bool) bool {
	cond = Unparen(cond)
	if cond.Type() != "binary_expression" {
		return false
	}
	o := cond.Field("operator").Type()
	l, rt := Unparen(cond.Field("left")), Unparen(cond.Field("right"))
	if o == "&&" && conj {
		return mrGoCompares(l, name, op, conj) || mrGoCompares(rt, name, op, conj)
	}
	if o != op {
		return false
	}
	isNil := func(n parsers.Node) bool { return n.Type() == "nil" || n.Type() == "null" || n.Type() == "undefined" }
	return (mrIsName(l, name) && isNil(rt)) || (mrIsName(rt, name) && isNil(l))
}

// mrGoErrPath reports whether the then-branch of `if cond` runs only when
// the acquisition failed: cond tests the error (err != nil, errors.Is(err,
// …), err != nil && …) and does not test it for nil; in a || every side
// must test it (err != nil || resp.StatusCode != 200 still leaks).
func mrGoErrPath(cond parsers.Node, errName string) bool {
	cond = Unparen(cond)
	if cond.Type() == "binary_expression" && cond.Field("operator").Type() == "||" {
		return mrGoErrPath(cond.Field("left"), errName) && mrGoErrPath(cond.Field("right"), errName)
	}
	if cond.Type() == "binary_expression" && cond.Field("operator").Type() == "&&" {
		return mrGoErrPath(cond.Field("left"), errName) || mrGoErrPath(cond.Field("right"), errName)
	}
	if !mrMentions(cond, errName) {
		return false
	}
	nilTest := false
	cond.Walk(func(n parsers.Node) bool {
		if mrGoCompares(n, errName, "==", false) {
			nilTest = true
		}
		if n.Type() == "unary_expression" && n.Field("operator").Type() == "!" {
			nilTest = true // !errors.Is(err, …): cannot tell
		}
		return !nilTest
	})
	return !nilTest
}

func (w *mrGoFlow) forStmt(s parsers.Node, live bool) (bool, bool) {
	body := s.Field("body")
	infinite := true
	for _, c := range s.NamedChildren() {
		if c.ID() == body.ID() || c.Type() == "comment" {
			continue
		}
		if c.Type() == "for_clause" && c.Field("condition").IsNull() {
			continue
		}
		infinite = false
	}
	f := &mrFrame{loop: true, owns: body.Contains(w.res.stmt)}
	w.frames = append(w.frames, f)
	lb, fb := w.block(body, live)
	w.frames = w.frames[:len(w.frames)-1]
	if f.owns && fb && lb {
		// Each iteration acquires its own; this one is dropped at the end of
		// the body.
		w.leaks = append(w.leaks, mrLeak{how: mrLeakNext, node: mrLastChild(body)})
		lb = false
	}
	out, falls := f.breakLive, f.broke
	if !infinite {
		out = out || live || (fb && lb) || f.contLive
		falls = true
	}
	return out, falls
}

func (w *mrGoFlow) switchStmt(s parsers.Node, live bool, isSelect bool) (bool, bool) {
	r := w.res
	for _, fld := range []string{"initializer", "value"} {
		if h := s.Field(fld); !h.IsNull() && live && mrContainsRelease(r, h) {
			live = false
		}
	}
	var cases []parsers.Node
	hasDefault := false
	for _, c := range s.NamedChildren() {
		switch c.Type() {
		case "expression_case", "type_case", "communication_case":
			cases = append(cases, c)
		case "default_case":
			cases = append(cases, c)
			hasDefault = true
		}
	}
	f := &mrFrame{}
	w.frames = append(w.frames, f)
	out, falls := false, false
	prevFall, prevLive := false, false
	tagless := s.Type() == "expression_switch_statement" && s.Field("value").IsNull()
	for _, c := range cases {
		entry := live || (prevFall && prevLive)
		if tagless && w.errActive && c.Type() == "expression_case" && !prevFall {
			// switch { case err != nil: … } is an if.
			if vals := c.Field("value").NamedChildren(); len(vals) == 1 && mrGoErrPath(vals[0], r.errName) {
				entry = false
			}
		}
		stmts := mrStatements(c)
		l, fl := w.list(stmts, entry)
		prevFall = false
		if fl && len(stmts) > 0 && stmts[len(stmts)-1].Type() == "fallthrough_statement" {
			prevFall, prevLive = true, l
			continue
		}
		if fl {
			out, falls = out || l, true
		}
	}
	w.frames = w.frames[:len(w.frames)-1]
	out, falls = out || f.breakLive, falls || f.broke
	if !hasDefault && !isSelect {
		out, falls = out || live, true
	}
	return out, falls
}

// mrGoFix offers the mechanical fix: the defer after the error check that
// follows the acquisition.
func mrGoFix(p *Pass, r *mrResource) *Fix {
	if r.errName == "" || r.errName == "_" || mrInLoop(r) {
		return nil
	}
	next := r.stmt.NextNamedSibling()
	for next.Type() == "comment" {
		next = next.NextNamedSibling()
	}
	if next.Type() != "if_statement" || !next.Field("initializer").IsNull() || !next.Field("alternative").IsNull() ||
		!mrGoCompares(next.Field("condition"), r.errName, "!=", false) {
		return nil
	}
	stmts := mrStatements(next.Field("consequence"))
	if len(stmts) == 0 {
		return nil
	}
	if last := stmts[len(stmts)-1].Type(); last != "return_statement" && last != "continue_statement" && last != "break_statement" {
		if !(last == "expression_statement" && mrGoTerminates(Unparen(stmts[len(stmts)-1].NamedChild(0))) != mrTermNone) {
			return nil
		}
	}
	// The if must end its line, so that whole lines can be replaced.
	endLine := next.EndLine()
	if strings.TrimSpace(p.File.Line(endLine)) != "}" {
		return nil
	}
	line := p.File.Line(r.stmt.StartLine())
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	var deferLine string
	switch {
	case r.kind.trx:
		deferLine = fmt.Sprintf("defer %s.Rollback(%s)", r.name, r.rollbackArgs)
	case r.kind.body, len(r.kind.pathRelease) > 0:
		deferLine = "defer " + fmt.Sprintf(r.kind.releaseCall, r.name)
	default:
		return nil
	}
	if r.kind == mrGoPgConn && mrHasDirectRelease(r) {
		// pgxpool's Release must not run twice.
		return nil
	}
	var b strings.Builder
	for l := next.StartLine(); l <= endLine; l++ {
		b.WriteString(p.File.Line(l))
		b.WriteByte('\n')
	}
	b.WriteString(indent + deferLine)
	return &Fix{
		Description: "add " + deferLine + " after the error check",
		StartLine:   next.StartLine(),
		EndLine:     endLine,
		Replacement: b.String(),
	}
}

func mrHasDirectRelease(r *mrResource) bool { return mrContainsRelease(r, r.body) }
