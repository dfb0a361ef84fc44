package rules

import "github.com/hotpath-app/hotpath/parsers"

// A memo whose answers are literals: a lookup whose hit returns the value
// found, and, on a miss, one of several literal answers stored under the
// key and returned at once.
//
//	if v, ok := lookups.Load(email); ok { return v.(bool), nil }
//	…
//	if noRows { lookups.Store(email, false); return false, nil }
//	lookups.Store(email, true)
//	return true, nil
//
// The literal stored is the answer computed for the key, as a call's
// result would be. One constant stored for every key is an initial state
// (get-or-create), and literals stored without being returned at once are
// a status being tracked; neither counts.

// cwtLiteralMemo reports whether some function stores at least two
// distinct literal answers under the same key, each immediately returned,
// after a lookup of that key whose hit returns the value found. valueVar
// names the variable a lookup binds the value found to ("" if none).
func cwtLiteralMemo(fs *Facts, cand *cwtMapCand, valueVar func(read parsers.Node) (vars []string, value string)) bool {
	for i, w := range cand.writes {
		if !cwtScalarLiteral(w.value) {
			continue
		}
		answers := map[string]bool{}
		first := w
		all := true
		for j, o := range cand.writes {
			if o.fn.ID() != w.fn.ID() || !hpSameExpr(fs, o.key, w.key) {
				continue
			}
			if j < i {
				all = false // judged from the first write of the group
				break
			}
			if !cwtScalarLiteral(o.value) || !cwtReturnedNext(o.node, o.value) {
				all = false
				break
			}
			answers[collapse(Unparen(o.value).Text())] = true
			if o.node.StartByte() < first.node.StartByte() {
				first = o
			}
		}
		if !all || len(answers) < 2 {
			continue
		}
		for _, r := range cand.reads {
			if !r.isValue || r.fn.ID() != w.fn.ID() || r.node.EndByte() > first.node.StartByte() || !hpSameExpr(fs, r.key, w.key) {
				continue
			}
			vars, value := valueVar(r.node)
			lk := cwtLookup{fn: w.fn, read: r.node, write: first.node, vars: vars, value: value, valueReads: cwtValueReads(fs, cand, w)}
			if lk.hitReturnsValue() {
				return true
			}
		}
	}
	return false
}

// hitReturnsValue reports whether an if statement between the lookup and
// the write tests the lookup and returns the value found.
func (l cwtLookup) hitReturnsValue() bool {
	tests := func(cond parsers.Node) bool {
		return !cond.IsNull() && (hpInside(l.read, cond) || hpMentionsAny(cond, l.vars))
	}
	found := false
	l.fn.Field("body").Walk(func(c parsers.Node) bool {
		if found || IsFunction(c) || c.StartByte() > l.write.StartByte() {
			return false
		}
		if c.Type() == "if_statement" && c.EndByte() <= l.write.StartByte() && c.EndByte() >= l.read.EndByte() &&
			(tests(c.Field("condition")) || tests(c.Field("initializer"))) && l.returnsValue(c.Field("consequence")) {
			found = true
		}
		return !found
	})
	return found
}

// cwtScalarLiteral reports a boolean, number or string literal (not nil,
// null or undefined, which mark absence).
func cwtScalarLiteral(e parsers.Node) bool {
	e = Unparen(e)
	switch e.Type() {
	case "true", "false", "number", "int_literal", "float_literal", "rune_literal":
		return true
	case "unary_expression":
		return cwtScalarLiteral(e.NamedChild(0)) && e.Field("operator").Type() == "-"
	}
	_, ok := StringValue(e)
	return ok
}

// cwtReturnedNext reports whether the statement after the write returns
// the same literal (among its results).
func cwtReturnedNext(write, value parsers.Node) bool {
	st := write
	if st.Parent().Type() == "expression_statement" {
		st = st.Parent()
	}
	next := st.NextNamedSibling()
	for !next.IsNull() && next.Type() == "comment" {
		next = next.NextNamedSibling()
	}
	if next.Type() != "return_statement" {
		return false
	}
	want := collapse(Unparen(value).Text())
	for _, e := range next.NamedChildren() {
		if e.Type() == "expression_list" {
			for _, x := range e.NamedChildren() {
				if collapse(Unparen(x).Text()) == want {
					return true
				}
			}
			continue
		}
		if collapse(Unparen(e).Text()) == want {
			return true
		}
	}
	return false
}

// cwtGoValueVar returns the variables a Go lookup binds and the one
// holding the value found: v in `v, ok := m[k]`, "" for `_, ok := m[k]`.
func cwtGoValueVar(read parsers.Node) ([]string, string) {
	vars := cwtGoReadVars(read)
	e := read
	for e.Parent().Type() == "parenthesized_expression" || e.Parent().Type() == "type_assertion_expression" {
		e = e.Parent()
	}
	list := e.Parent()
	if list.Type() != "expression_list" || list.FieldName() != "right" {
		return vars, ""
	}
	left := list.Parent().Field("left").NamedChildren()
	if len(left) == 0 || left[0].Type() != "identifier" || left[0].Text() == "_" {
		return vars, ""
	}
	return vars, left[0].Text()
}

// cwtJSValueVar returns the variable a JS lookup's value is bound to.
func cwtJSValueVar(read parsers.Node) ([]string, string) {
	vars := cwtJSReadVars(read)
	if len(vars) == 1 {
		return vars, vars[0]
	}
	return vars, ""
}
