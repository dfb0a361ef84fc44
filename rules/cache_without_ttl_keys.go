package rules

import (
	"github.com/hotpath-app/hotpath/parsers"
)

// cwtFixedKeys reports whether every key written to a module-level map
// comes from a fixed set: a literal, or a value looked up in a module-level
// table literal the file never changes (`PERIODS[req.params.period]`,
// `REGIONS[i % REGIONS.length]`), possibly through a local whose every
// assignment is such a value (`let p = PERIODS[x]; p = p || "all"`). The
// map then holds at most one entry per table value, whatever the traffic.
func cwtFixedKeys(fs *Facts, cand *cwtMapCand) bool {
	if len(cand.writes) == 0 {
		return false
	}
	tables := map[string]bool{}
	for _, w := range cand.writes {
		if !cwtFixedExpr(fs, w.key, parsers.Node{}, tables, 0) {
			return false
		}
	}
	return true
}

// cwtFixedExpr reports whether e takes values from a fixed set. self is
// the local being resolved (its own previous value is fixed by
// induction); tables caches the verdict on each table name.
func cwtFixedExpr(fs *Facts, e, self parsers.Node, tables map[string]bool, depth int) bool {
	e = Unparen(e)
	if depth > 4 || e.IsNull() {
		return false
	}
	if hpIsLiteral(e) {
		return true
	}
	switch e.Type() {
	case "undefined", "null", "true", "false":
		return true
	case "subscript_expression", "member_expression":
		o := Unparen(e.Field("object"))
		return o.Type() == "identifier" && cwtConstTable(fs, o, tables)
	case "binary_expression":
		switch e.Field("operator").Type() {
		case "||", "??":
			return cwtFixedExpr(fs, e.Field("left"), self, tables, depth+1) && cwtFixedExpr(fs, e.Field("right"), self, tables, depth+1)
		}
		return false
	case "ternary_expression":
		return cwtFixedExpr(fs, e.Field("consequence"), self, tables, depth+1) && cwtFixedExpr(fs, e.Field("alternative"), self, tables, depth+1)
	case "identifier":
		if !self.IsNull() && e.Text() == self.Text() {
			return true
		}
		d, ok := fs.Resolve(e)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() || !IsFunction(d.Scope) {
			return false
		}
		if !cwtFixedExpr(fs, d.Init, d.Node, tables, depth+1) {
			return false
		}
		fixed := true
		d.Scope.Walk(func(n parsers.Node) bool {
			if !fixed {
				return false
			}
			switch n.Type() {
			case "assignment_expression":
				if l := Unparen(n.Field("left")); l.Type() == "identifier" && l.Text() == d.Name {
					fixed = cwtFixedExpr(fs, n.Field("right"), d.Node, tables, depth+1)
				} else if l.Type() != "identifier" && l.Type() != "member_expression" && l.Type() != "subscript_expression" && cwtPatternMentions(l, d.Name) {
					fixed = false // ({ p } = …), [p] = …
				}
			case "augmented_assignment_expression":
				if Unparen(n.Field("left")).Text() == d.Name {
					fixed = false
				}
			case "update_expression":
				if Unparen(n.Field("argument")).Text() == d.Name {
					fixed = false
				}
			case "for_in_statement":
				if cwtPatternMentions(n.Field("left"), d.Name) {
					fixed = false
				}
			}
			return true
		})
		return fixed
	}
	return false
}

// cwtConstTable reports whether id names a module-level object or array
// literal that the file only ever reads: no assignment to it or to its
// elements, no mutating call, not handed to any function.
func cwtConstTable(fs *Facts, id parsers.Node, tables map[string]bool) bool {
	name := id.Text()
	if v, ok := tables[name]; ok {
		return v
	}
	tables[name] = false
	d, ok := fs.Resolve(id)
	if !ok || d.Kind != VarDecl || d.Scope.Type() != "program" {
		return false
	}
	switch Unparen(d.Init).Type() {
	case "object", "array":
	default:
		return false
	}
	if len(fs.Decls(name)) != 1 {
		return false
	}
	readOnly := true
	fs.File.Root().Walk(func(n parsers.Node) bool {
		if !readOnly {
			return false
		}
		if n.Type() != "identifier" || n.Text() != name || n.ID() == d.Node.ID() {
			return true
		}
		p := n.Parent()
		switch p.Type() {
		case "subscript_expression", "member_expression":
			if p.Field("object").ID() != n.ID() {
				return true // obj[TABLE] reads it as a key
			}
			g := p.Parent()
			switch g.Type() {
			case "assignment_expression", "augmented_assignment_expression":
				if g.Field("left").ID() == p.ID() {
					readOnly = false
				}
			case "update_expression":
				readOnly = false
			case "unary_expression":
				if g.Field("operator").Text() == "delete" {
					readOnly = false
				}
			case "call_expression":
				if g.Field("function").ID() == p.ID() {
					switch p.Field("property").Text() {
					case "includes", "indexOf", "find", "findIndex", "some", "every", "map", "filter", "forEach", "slice", "at", "hasOwnProperty", "join":
					default:
						readOnly = false // push, splice, sort, …
					}
				}
			}
		case "binary_expression":
			if p.Field("operator").Type() != "in" {
				readOnly = false
			}
		default:
			readOnly = false // reassigned, passed, returned, exported, spread …
		}
		return true
	})
	tables[name] = readOnly
	return readOnly
}

// cwtPatternMentions reports whether an identifier named name occurs in
// n, also as a destructuring shorthand ({ p } = …).
func cwtPatternMentions(n parsers.Node, name string) bool {
	found := false
	n.Walk(func(c parsers.Node) bool {
		if found {
			return false
		}
		if (c.Type() == "identifier" || c.Type() == "shorthand_property_identifier_pattern") && c.Text() == name {
			found = true
		}
		return true
	})
	return found
}
