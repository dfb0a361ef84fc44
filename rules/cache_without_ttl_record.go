package rules

import "github.com/hotpath-app/hotpath/parsers"

// A memo whose value is a record built from a remote answer:
//
//	const hit = resolved.get(key)
//	if (hit) return hit
//	const body = await (await fetch(url)).json()
//	const point = { lat: body.lat, lng: body.lon }
//	resolved.set(key, point)
//	return point
//
// The object (or array) literal is the answer computed for the key, as the
// awaited value itself would be. An empty container to be filled, per-key
// state built from constants and the clock (a rate window), or a record
// whose fields are changed after it is stored (per-request state) is not.

// builtFromAwait reports whether an object or array literal stored by w
// takes at least one of its values from an awaited result in w's function,
// does not copy the map or the lookup, and is not changed in place there.
func (c *cwtJS) builtFromAwait(cand *cwtMapCand, w cwtMapWrite, lit parsers.Node, vars []string, depth int) bool {
	if depth > 3 || len(lit.NamedChildren()) == 0 {
		return false
	}
	if hpMentions(lit, cand.name) || hpMentionsAny(lit, vars) {
		return false
	}
	awaited := false
	for _, part := range lit.NamedChildren() {
		switch part.Type() {
		case "comment":
			continue
		case "method_definition", "spread_element", "shorthand_property_identifier":
			if part.Type() == "shorthand_property_identifier" && c.awaitDerived(w.fn, part, depth+1) {
				awaited = true
			}
			continue
		case "pair":
			part = part.Field("value")
		}
		if IsFunction(Unparen(part)) {
			return false // an object with behaviour: a lock, a limiter
		}
		if !awaited && c.awaitDerived(w.fn, part, depth+1) {
			awaited = true
		}
	}
	if !awaited {
		return false
	}
	names := append([]string(nil), vars...)
	switch p := lit.Parent(); p.Type() {
	case "variable_declarator":
		if id := p.Field("name"); id.Type() == "identifier" {
			names = append(names, id.Text())
		}
	case "assignment_expression":
		if id := p.Field("left"); id.Type() == "identifier" {
			names = append(names, id.Text())
		}
	}
	return !cwtChangedInPlace(w.fn, names)
}

// awaitDerived reports whether an expression in fn awaits a result or
// reads a local variable of fn that was given one (const body = await
// res.json(); … body.results[0].lat).
func (c *cwtJS) awaitDerived(fn, e parsers.Node, depth int) bool {
	if depth > 5 || e.IsNull() {
		return false
	}
	found := false
	seen := map[string]bool{}
	e.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.ID() != e.ID() && IsFunction(n) {
			return false
		}
		switch n.Type() {
		case "await_expression":
			found = true
		case "identifier", "shorthand_property_identifier":
			name := n.Text()
			if seen[name] {
				break
			}
			seen[name] = true
			if p := n.Parent(); p.Type() == "member_expression" && p.Field("property").ID() == n.ID() {
				break
			}
			d, ok := c.fs.Resolve(n)
			if !ok || d.Kind != VarDecl || !fn.Contains(d.Node) {
				break
			}
			if !d.Init.IsNull() && d.Init.ID() != e.ID() && c.awaitDerived(fn, d.Init, depth+1) {
				found = true
				break
			}
			// A destructuring declaration: const { rows } = await q(…).
			if dd := d.Node.Parent(); dd.Type() == "variable_declarator" && dd.Field("name").ID() != d.Node.ID() {
				if v := dd.Field("value"); !v.IsNull() && c.awaitDerived(fn, v, depth+1) {
					found = true
					break
				}
			}
			rhs, _ := cwtAssignedBetween(fn, name, d.Node.EndByte(), n.StartByte())
			for _, r := range rhs {
				if r.ID() != e.ID() && c.awaitDerived(fn, r, depth+1) {
					found = true
					break
				}
			}
		}
		return !found
	})
	return found
}

// cwtChangedInPlace reports whether fn assigns to a field of one of the
// named variables, or calls a mutating method on it or on one of its
// fields (st.count++, st.steps.push(p), Object.assign(st, …)).
func cwtChangedInPlace(fn parsers.Node, names []string) bool {
	rooted := func(e parsers.Node) bool {
		e = Unparen(e)
		for e.Type() == "member_expression" || e.Type() == "subscript_expression" || e.Type() == "non_null_expression" {
			if e.Type() == "non_null_expression" {
				e = Unparen(e.NamedChild(0))
			} else {
				e = Unparen(e.Field("object"))
			}
		}
		if e.Type() != "identifier" {
			return false
		}
		for _, n := range names {
			if e.Text() == n {
				return true
			}
		}
		return false
	}
	field := func(e parsers.Node) bool {
		e = Unparen(e)
		return (e.Type() == "member_expression" || e.Type() == "subscript_expression") && rooted(e)
	}
	changed := false
	fn.Walk(func(n parsers.Node) bool {
		if changed {
			return false
		}
		switch n.Type() {
		case "assignment_expression", "augmented_assignment_expression":
			changed = field(n.Field("left"))
		case "update_expression":
			changed = field(n.Field("argument"))
		case "unary_expression":
			changed = n.Field("operator").Type() == "delete" && field(n.Field("argument"))
		case "call_expression":
			f := Unparen(n.Field("function"))
			if f.Type() != "member_expression" {
				break
			}
			switch f.Field("property").Text() {
			case "push", "unshift", "splice", "pop", "shift", "add", "set", "delete", "clear", "sort", "reverse", "fill":
				changed = rooted(f.Field("object"))
			case "assign":
				if Unparen(f.Field("object")).Text() == "Object" {
					if a := hpArgs(n); len(a) > 0 {
						changed = rooted(a[0])
					}
				}
			}
		}
		return !changed
	})
	return changed
}
