package rules

import (
	"regexp"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Statement runners: a loop that runs each statement of a script (split
// or parsed from SQL text, or collected by the splitter's callback) and
// executes the item itself — tx.Exec(stmt), db.Exec(part.Text), or
// EXPLAIN stmt through helpers. Every iteration runs a different
// statement; there is no repeated query to batch, so the loop is not a
// per-item loop for that call. The statement must be the item: SQL text
// that formats the item into a statement of its own (UPDATE … WHERE id =
// %d, pragma table_info(%s)) is still one query per item, and so is a
// statement list built per row in a loop.

// qilStmtNameRE names statement lists and their items.
var qilStmtNameRE = regexp.MustCompile(`(?i)stmt|statement|sqls?$|^sqls?|quer(y|ies)|script|ddl`)

// qilSplitRE names calls that cut SQL text into statements.
var qilSplitRE = regexp.MustCompile(`(?i)split|parse`)

// sqlTextExpr returns the argument of a SQL-running call that holds the
// statement text: the first argument that is not a context.
func sqlTextExpr(call parsers.Node) parsers.Node {
	_, m := Callee(call)
	if !sqlShapeMethods[m] {
		return parsers.Node{}
	}
	for _, a := range call.Field("arguments").NamedChildren() {
		if a.Type() == "comment" {
			continue
		}
		u := Unparen(a)
		if u.Type() == "identifier" {
			low := strings.ToLower(u.Text())
			if low == "ctx" || strings.HasSuffix(low, "ctx") || low == "context" {
				continue
			}
		}
		if u.Type() == "call_expression" && strings.HasPrefix(u.Text(), "context.") {
			continue
		}
		return a
	}
	return parsers.Node{}
}

// stmtRoot follows statement text back to the value it is: stmt,
// stmt.Text, stmt.Text(), string(buf), root[0], "EXPLAIN " + stmt,
// fmt.Sprintf("EXPLAIN %s", stmt), `EXPLAIN ${stmt}`. It returns the
// identifier, or a zero node when the text is a statement of its own with
// the value formatted into it.
func stmtRoot(e parsers.Node) parsers.Node {
	for depth := 0; depth < 8; depth++ {
		e = Unparen(e)
		switch e.Type() {
		case "identifier":
			return e
		case "selector_expression":
			e = e.Field("operand")
		case "member_expression":
			e = e.Field("object")
		case "index_expression", "subscript_expression":
			op := e.Field("operand")
			if op.IsNull() {
				op = e.Field("object")
			}
			e = op
		case "type_conversion_expression":
			e = e.Field("operand")
		case "call_expression":
			fn := Unparen(e.Field("function"))
			args := e.Field("arguments").NamedChildren()
			switch {
			case fn.Type() == "identifier" && fn.Text() == "string" && len(args) == 1:
				e = args[0]
			case (fn.Type() == "selector_expression" || fn.Type() == "member_expression") && len(args) == 0:
				// stmt.Text(), stmt.String(), s.trim()
				e = fn
			case fn.Text() == "fmt.Sprintf" && len(args) >= 2:
				f, ok := StringValue(args[0])
				if !ok || !sqlPrefixOnly(f) || len(args) != 2 {
					return parsers.Node{}
				}
				e = args[1]
			case fn.Text() == "strings.TrimSpace" && len(args) == 1:
				e = args[0]
			default:
				return parsers.Node{}
			}
		case "binary_expression":
			// "EXPLAIN " + stmt, stmt + ";"
			l, r := Unparen(e.Field("left")), Unparen(e.Field("right"))
			if !strings.Contains(e.Text(), "+") {
				return parsers.Node{}
			}
			switch {
			case isStringLit(l) && !isStringLit(r):
				if s, _ := StringValue(l); !sqlPrefixOnly(s) {
					return parsers.Node{}
				}
				e = r
			case isStringLit(r) && !isStringLit(l):
				if s, _ := StringValue(r); !sqlPrefixOnly(s) {
					return parsers.Node{}
				}
				e = l
			default:
				return parsers.Node{}
			}
		case "template_string":
			subs := 0
			var sub parsers.Node
			for ch := e.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
				if ch.Type() == "template_substitution" {
					subs++
					sub = ch.NamedChild(0)
				}
			}
			if subs != 1 || looksLikeSQL(strings.Trim(e.Text(), "`")) {
				return parsers.Node{}
			}
			lit := strings.TrimSpace(strings.Replace(strings.Trim(e.Text(), "`"), "${"+sub.Text()+"}", "", 1))
			if lit != "" && !sqlPrefixOnly(lit) {
				return parsers.Node{}
			}
			e = sub
		default:
			return parsers.Node{}
		}
	}
	return parsers.Node{}
}

func isStringLit(n parsers.Node) bool {
	switch n.Type() {
	case "string", "interpreted_string_literal", "raw_string_literal":
		return true
	}
	return false
}

// sqlPrefixOnly reports text that wraps a whole statement without being
// one: EXPLAIN, EXPLAIN ANALYZE, a trailing semicolon.
func sqlPrefixOnly(s string) bool {
	u := strings.ToUpper(strings.TrimSpace(s))
	u = strings.TrimSuffix(u, ";")
	u = strings.TrimSpace(strings.ReplaceAll(u, "%S", ""))
	switch u {
	case "", "EXPLAIN", "EXPLAIN ANALYZE", "EXPLAIN (FORMAT JSON)", "EXPLAIN FORMAT=JSON", "EXPLAIN QUERY PLAN":
		return true
	}
	return false
}

// paramNames lists a function's parameter names in order (Go receivers
// excluded).
func paramNames(fn parsers.Node) []string {
	ps := fn.Field("parameters")
	if ps.IsNull() {
		if p := fn.Field("parameter"); !p.IsNull() {
			return []string{p.Text()}
		}
		return nil
	}
	var out []string
	for _, p := range ps.NamedChildren() {
		switch p.Type() {
		case "comment":
			continue
		case "parameter_declaration", "variadic_parameter_declaration":
			names := 0
			for ch := p.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
				if ch.FieldName() == "name" {
					out = append(out, ch.Text())
					names++
				}
			}
			if names == 0 {
				out = append(out, "")
			}
		case "identifier":
			out = append(out, p.Text())
		case "required_parameter", "optional_parameter":
			out = append(out, p.Field("pattern").Text())
		case "assignment_pattern":
			out = append(out, p.Field("left").Text())
		default:
			out = append(out, "")
		}
	}
	return out
}

// stmtParam returns the index of fn's parameter that the statement text
// e is, or -1.
func stmtParam(fn, e parsers.Node) int {
	if e.IsNull() {
		return -1
	}
	r := stmtRoot(e)
	if r.IsNull() {
		return -1
	}
	for i, p := range paramNames(fn) {
		if p != "" && p == r.Text() {
			return i
		}
	}
	return -1
}

// loopValue returns a loop's item variable and collection.
func loopValue(l *qilLoop) (value string, coll parsers.Node) {
	if l.callback {
		if IsFunction(l.body) {
			return firstParamName(l.body), l.coll
		}
		return "", parsers.Node{}
	}
	n := l.node
	switch n.Type() {
	case "for_in_statement":
		left := Unparen(n.Field("left"))
		if left.Type() == "identifier" {
			return left.Text(), n.Field("right")
		}
	case "for_statement":
		for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
			if ch.Type() != "range_clause" {
				continue
			}
			vars := ch.Field("left").NamedChildren()
			if len(vars) == 2 && vars[1].Type() == "identifier" {
				return vars[1].Text(), ch.Field("right")
			}
		}
	}
	return "", parsers.Node{}
}

// runsStatements reports whether the loop l runs the statements of a
// script and the call executes the item itself (see above).
func (c *qilChecker) runsStatements(h *qilHit, l *qilLoop) bool {
	if h.stmt.IsNull() {
		return false
	}
	v, coll := loopValue(l)
	if v == "" || coll.IsNull() {
		return false
	}
	r := stmtRoot(h.stmt)
	if r.IsNull() {
		return false
	}
	if r.Text() != v {
		// root := p.Parse(stmt.Text): a value made from the item inside
		// the loop body.
		d, ok := c.fs.Resolve(r)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() || !l.body.Contains(d.Node) || !mentionsIdent(d.Init, v) {
			return false
		}
	}
	if !c.statementList(coll) && !(qilStmtNameRE.MatchString(v) && qilStmtNameRE.MatchString(lastName(coll))) {
		return false
	}
	return !c.builtPerItem(coll)
}

// statementList reports a collection cut from SQL text: a split or parse
// call, directly or through the variable it was assigned to.
func (c *qilChecker) statementList(coll parsers.Node) bool {
	coll = unawait(Unparen(coll))
	if coll.Type() == "identifier" {
		d, ok := c.fs.Resolve(coll)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() {
			return false
		}
		coll = unawait(Unparen(d.Init))
	}
	if coll.Type() != "call_expression" {
		return false
	}
	_, m := Callee(coll)
	return qilSplitRE.MatchString(m)
}

// builtPerItem reports a list that the function around it fills in a
// loop (append(stmts, …) or stmts.push(…) inside a for, or inside an
// iteration callback): then it holds one statement per data item.
func (c *qilChecker) builtPerItem(coll parsers.Node) bool {
	coll = Unparen(coll)
	if coll.Type() != "identifier" {
		return false
	}
	name := coll.Text()
	if d, ok := c.fs.Resolve(coll); ok && d.Kind == VarDecl && !d.Init.IsNull() {
		// const updates = rows.map((r) => `UPDATE …`): one per row, unless
		// the list was cut from SQL text first (text.split(";").map(trim)).
		init := unawait(Unparen(d.Init))
		mapped := false
		for init.Type() == "call_expression" {
			recv, m := Callee(init)
			if qilSplitRE.MatchString(m) {
				mapped = false
				break
			}
			if m == "map" || m == "flatMap" || m == "Map" {
				mapped = true
			}
			init = Unparen(recv)
		}
		if mapped {
			return true
		}
	}
	scope := EnclosingFunction(coll)
	if scope.IsNull() {
		scope = coll.File().Root()
	}
	found := false
	scope.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() != "call_expression" {
			return true
		}
		fn := Unparen(n.Field("function"))
		grows := false
		if fn.Text() == "append" {
			grows = Unparen(argAt(n, 0)).Text() == name
		} else if recv, m := Callee(n); (m == "push" || m == "unshift") && Unparen(recv).Text() == name {
			grows = true
		}
		if grows && c.inLoopWithin(n, scope) {
			found = true
		}
		return !found
	})
	return found
}

// inLoopWithin reports whether n sits in a loop statement or an iteration
// callback below scope, without crossing another function.
func (c *qilChecker) inLoopWithin(n, scope parsers.Node) bool {
	for p := n.Parent(); !p.IsNull() && p.ID() != scope.ID(); p = p.Parent() {
		switch p.Type() {
		case "for_statement", "for_in_statement", "while_statement", "do_statement":
			return true
		}
		if IsFunction(p) {
			q := p.Parent()
			for q.Type() == "parenthesized_expression" {
				q = q.Parent()
			}
			if q.Type() == "arguments" {
				if it := c.iteration(q.Parent()); it.ok {
					return true
				}
			}
			return false
		}
	}
	return false
}

func mentionsIdent(e parsers.Node, name string) bool {
	found := false
	e.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "identifier" && n.Text() == name {
			found = true
		}
		return !found
	})
	return found
}

// lastName is the last name of an expression: stmts, s.stmts, split.
func lastName(e parsers.Node) string {
	s := renderExpr(Unparen(e), 0)
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	return strings.TrimSuffix(s, "()")
}

// itemIsClient reports scatter-gather: the loop's items are the clients
// themselves (replicas, shards, per-backend queriers) and the call asks the
// item — for _, q := range queriers { q.Select(…) }, also through a
// goroutine's parameter of the same name. Each iteration talks to a
// different server once. Documents and models that run their own queries
// (doc.save()) are items of data and stay reported.
func (c *qilChecker) itemIsClient(h *qilHit, l *qilLoop) bool {
	if h.recv.IsNull() || len(h.via) > 0 || h.cl.Role != RoleConn {
		return false
	}
	v, _ := loopValue(l)
	if v == "" || h.recv.Text() != v {
		return false
	}
	if d, ok := c.fs.Resolve(h.recv); ok && d.Kind == VarDecl && l.body.Contains(d.Node) {
		// Re-bound inside the body (db := shards[id%n]): picked per item.
		return false
	}
	return true
}

// itemIsModel reports a loop whose items are the entity classes a
// shape-known repository is opened on, or the tables a member-called Knex
// instance queries: for (const field of relationFields)
// conn.getRepository(ctx, field.entity).findOne(…) queries one table per
// item, which no batched query replaces.
func (c *qilChecker) itemIsModel(h *qilHit, l *qilLoop) bool {
	if h.model.IsNull() || len(h.via) > 0 {
		return false
	}
	v, _ := loopValue(l)
	if v == "" {
		return false
	}
	r := RootIdent(h.model)
	if r.IsNull() {
		return false
	}
	if r.Text() == v {
		return true
	}
	d, ok := c.fs.Resolve(r)
	return ok && d.Kind == VarDecl && !d.Init.IsNull() && l.body.Contains(d.Node) && mentionsIdent(d.Init, v)
}

// modelParam reports a shape-known repository opened on an entity that
// is a parameter of fn (or a member of one).
func modelParam(fs *Facts, fn, model parsers.Node) bool {
	if model.IsNull() {
		return false
	}
	r := RootIdent(model)
	if r.IsNull() || r.Type() != "identifier" {
		return false
	}
	d, ok := fs.Resolve(r)
	return ok && d.Kind == ParamDecl && d.Scope.ID() == fn.ID()
}
