package rules

import (
	"bytes"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Small helpers shared by cache-without-ttl and sync-api-in-async. Their
// names carry an "hp" prefix so they cannot collide with helpers other
// rules add to the package.

// hpContainsAny reports whether src contains any of the words.
func hpContainsAny(src []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// hpOutermostFunction returns the outermost function around n (n itself
// when n is a function at top level), or the file root at top level.
func hpOutermostFunction(n parsers.Node) parsers.Node {
	out := parsers.Node{}
	if IsFunction(n) {
		out = n
	}
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if IsFunction(p) {
			out = p
		}
	}
	if out.IsNull() {
		return n.File().Root()
	}
	return out
}

// hpIsAsync reports whether a JS function node carries the async keyword.
func hpIsAsync(fn parsers.Node) bool {
	for c := fn.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		switch c.Type() {
		case "async":
			return true
		case "formal_parameters", "statement_block", "identifier", "property_identifier":
			if c.IsNamed() {
				return false
			}
		}
	}
	return false
}

// hpArgs returns the named arguments of a call (comments excluded).
func hpArgs(call parsers.Node) []parsers.Node {
	var out []parsers.Node
	args := call.Field("arguments")
	for c := args.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.IsNamed() && c.Type() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// hpJSParams returns a JS function's parameter names and type texts.
func hpJSParams(fn parsers.Node) (names, types []string) {
	if p := fn.Field("parameter"); !p.IsNull() {
		return []string{p.Text()}, []string{""}
	}
	params := fn.Field("parameters")
	for c := params.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		switch c.Type() {
		case "identifier":
			names = append(names, c.Text())
			types = append(types, "")
		case "required_parameter", "optional_parameter":
			names = append(names, c.Field("pattern").Text())
			types = append(types, typeText(c.Field("type")))
		case "assignment_pattern":
			names = append(names, c.Field("left").Text())
			types = append(types, "")
		case "object_pattern", "array_pattern", "rest_pattern":
			names = append(names, c.Text())
			types = append(types, "")
		}
	}
	return names, types
}

// hpLastSegment returns the last name of a member or selector chain:
// "redis" for this.deps.redis.
func hpLastSegment(e parsers.Node) string {
	e = Unparen(e)
	switch e.Type() {
	case "member_expression":
		return e.Field("property").Text()
	case "selector_expression":
		return e.Field("field").Text()
	case "identifier", "field_identifier", "property_identifier", "this":
		return e.Text()
	}
	return ""
}

// hpIsLiteral reports whether e is a literal (string, number, true/false,
// null) in either language.
func hpIsLiteral(e parsers.Node) bool {
	e = Unparen(e)
	switch e.Type() {
	case "number", "true", "false", "null", "undefined", "int_literal", "float_literal", "rune_literal", "nil":
		return true
	}
	_, ok := StringValue(e)
	return ok
}

// hpSameExpr reports whether two expressions visibly denote the same value:
// equal text, or one is a variable initialised to the other.
func hpSameExpr(fs *Facts, a, b parsers.Node) bool {
	ta, tb := collapse(Unparen(a).Text()), collapse(Unparen(b).Text())
	if ta == tb {
		return true
	}
	init := func(e parsers.Node) string {
		e = Unparen(e)
		if e.Type() != "identifier" {
			return ""
		}
		if d, ok := fs.Resolve(e); ok && !d.Init.IsNull() && d.Kind == VarDecl {
			return collapse(Unparen(d.Init).Text())
		}
		return ""
	}
	ia, ib := init(a), init(b)
	return (ia != "" && ia == tb) || (ib != "" && ib == ta) || (ia != "" && ia == ib)
}

// hpNameHas reports whether name contains any of the lower-case parts,
// ignoring case.
func hpNameHas(name string, parts ...string) bool {
	l := strings.ToLower(name)
	for _, p := range parts {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}
