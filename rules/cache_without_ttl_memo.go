package rules

import (
	"regexp"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Recognising a map that is used as a cache whatever its name: the
// get-or-compute shape (look a key up, compute the value when it is
// missing, store it under the same key), or documentation that says so.
// Shared by the TypeScript/JavaScript and Go halves of cache-without-ttl.

// cwtCacheWords matches documentation that calls a variable a cache;
// cwtCachingWords documentation that says a function caches (a function
// that mentions "the build cache" may do nothing of the kind).
var (
	cwtCacheWords   = regexp.MustCompile(`\b(cach(e|es|ed|ing)|memo(s|i[sz](e|es|ed|ing|ation))?)\b`)
	cwtCachingWords = regexp.MustCompile(`\b(cach(es|ed|ing)|memoi[sz](es|ed|ing))\b`)
)

// cwtDocSaysCache reports whether the comment lines directly above n (its
// doc comment, not a trailing comment of an earlier line) call it a cache
// (a variable) or say that it caches (a function, verbs only).
func cwtDocSaysCache(n parsers.Node, function bool) bool {
	t := strings.ToLower(hpLeadingComments(n))
	if t == "" {
		return false
	}
	t = strings.ReplaceAll(t, "cache-control", "")
	if function {
		return cwtCachingWords.MatchString(t)
	}
	return cwtCacheWords.MatchString(t)
}

// hpLeadingComments returns the text of the comments on the lines right
// above n, each on a line of its own.
func hpLeadingComments(n parsers.Node) string {
	var parts []string
	next := n
	for c := n.PrevNamedSibling(); !c.IsNull() && c.Type() == "comment"; c = c.PrevNamedSibling() {
		if c.EndLine() < next.StartLine()-1 {
			break
		}
		if prev := c.PrevNamedSibling(); !prev.IsNull() && prev.EndLine() >= c.StartLine() {
			break // a trailing comment of the code before it
		}
		parts = append(parts, c.Text())
		next = c
	}
	return strings.Join(parts, "\n")
}

// hpTopStatement returns the top-level statement that contains n (n itself
// when it is one).
func hpTopStatement(n parsers.Node) parsers.Node {
	for !n.IsNull() {
		p := n.Parent()
		if p.IsNull() || p.Type() == "program" || p.Type() == "source_file" {
			return n
		}
		n = p
	}
	return n
}

// hpMentions reports whether the identifier name occurs under n, outside
// nested functions when skipFuncs is set.
func hpMentions(n parsers.Node, name string) bool {
	if name == "" || !mrTextHas(n, name) {
		return false
	}
	found := false
	n.Walk(func(c parsers.Node) bool {
		if found {
			return false
		}
		if (c.Type() == "identifier" || c.Type() == "shorthand_property_identifier") && mrTextIs(c, name) {
			found = true
		}
		return true
	})
	return found
}

// hpMentionsAny reports whether any of the names occurs under n.
func hpMentionsAny(n parsers.Node, names []string) bool {
	for _, v := range names {
		if hpMentions(n, v) {
			return true
		}
	}
	return false
}

// hpInside reports whether n lies within outer's byte range.
func hpInside(n, outer parsers.Node) bool {
	return n.StartByte() >= outer.StartByte() && n.EndByte() <= outer.EndByte()
}

// A cwtLookup is a lookup of a key followed by a write under the same key
// in one function.
type cwtLookup struct {
	fn, read, write parsers.Node
	// vars are the variables bound by the lookup (tested by conditions);
	// value is the one holding the value found ("" for has/in, `_, ok`).
	vars  []string
	value string
	// valueReads are the function's reads of the value under the same key.
	valueReads []parsers.Node
}

// cwtValueReads returns the reads of w's key in w's function that yield
// the stored value.
func cwtValueReads(fs *Facts, cand *cwtMapCand, w cwtMapWrite) []parsers.Node {
	var out []parsers.Node
	for _, r := range cand.reads {
		if r.isValue && r.fn.ID() == w.fn.ID() && hpSameExpr(fs, r.key, w.key) {
			out = append(out, r.node)
		}
	}
	return out
}

// usesValueIn reports whether n uses the value found: it mentions the
// lookup's value variable or reads the key's value again.
func (l cwtLookup) usesValueIn(n parsers.Node) bool {
	for _, r := range l.valueReads {
		if hpInside(r, n) {
			return true
		}
	}
	return l.value != "" && hpMentions(n, l.value)
}

// usesValueAfter reports whether the value found (or stored) is used
// after the write.
func (l cwtLookup) usesValueAfter() bool {
	end := l.write.EndByte()
	for _, r := range l.valueReads {
		if r.StartByte() >= end {
			return true
		}
	}
	if l.value == "" {
		return false
	}
	found := false
	l.fn.Field("body").Walk(func(c parsers.Node) bool {
		if found || c.EndByte() <= end {
			return false
		}
		if c.StartByte() >= end && c.Type() == "identifier" && mrTextIs(c, l.value) {
			found = true
		}
		return !found
	})
	return found
}

// guarded reports whether the write is the miss path of a get-or-compute:
// it sits in a branch whose condition tests the lookup and the value is
// used afterwards (`if (!hit) { hit = load(k); m.set(k, hit) } use(hit)`),
// or an earlier test of the lookup returns the value found (`if (hit)
// return hit`). A registry's duplicate check, which never uses the value
// it finds, is neither.
func (l cwtLookup) guarded() bool {
	tests := func(cond parsers.Node) bool {
		return !cond.IsNull() && (hpInside(l.read, cond) || hpMentionsAny(cond, l.vars))
	}
	for p := l.write.Parent(); !p.IsNull() && p.ID() != l.fn.ID(); p = p.Parent() {
		switch p.Type() {
		case "if_statement":
			if (tests(p.Field("condition")) || tests(p.Field("initializer"))) && l.usesValueAfter() {
				return true
			}
		case "ternary_expression":
			if tests(p.Field("condition")) && l.usesValueAfter() {
				return true
			}
		}
	}
	guarded := false
	l.fn.Field("body").Walk(func(c parsers.Node) bool {
		if guarded || IsFunction(c) || c.StartByte() > l.write.StartByte() {
			return false
		}
		if c.Type() == "if_statement" && c.EndByte() <= l.write.StartByte() && c.EndByte() >= l.read.EndByte() &&
			(tests(c.Field("condition")) || tests(c.Field("initializer"))) && l.returnsValue(c.Field("consequence")) {
			guarded = true
		}
		return !guarded
	})
	return guarded
}

// returnsValue reports whether a branch returns the value found.
func (l cwtLookup) returnsValue(n parsers.Node) bool {
	found := false
	n.Walk(func(c parsers.Node) bool {
		if found || IsFunction(c) {
			return false
		}
		if c.Type() == "return_statement" && l.usesValueIn(c) {
			found = true
		}
		return !found
	})
	return found
}

// cwtAssignedBetween returns the right-hand sides assigned to name in fn
// between the byte offsets from and to (outside nested functions), and
// whether its address is passed to a call there (Go: Decode(&v)).
func cwtAssignedBetween(fn parsers.Node, name string, from, to uint32) (rhs []parsers.Node, addressed bool) {
	fn.Field("body").Walk(func(c parsers.Node) bool {
		if IsFunction(c) || c.EndByte() <= from || c.StartByte() > to {
			return false
		}
		if c.StartByte() < from {
			return true // encloses the lookup: look inside only
		}
		switch c.Type() {
		case "assignment_expression": // JS
			if left := c.Field("left"); mrIsName(left, name) {
				rhs = append(rhs, c.Field("right"))
			} else if bound, defaults := cwtPatternBinds(left, name); bound {
				// ({ payload: v } = await verify(t)): v is a part of the
				// right-hand side, or its default.
				rhs = append(rhs, c.Field("right"))
				rhs = append(rhs, defaults...)
			}
		case "short_var_declaration", "assignment_statement": // Go
			if c.Type() == "assignment_statement" && c.Field("operator").Type() != "=" {
				break
			}
			l, r := c.Field("left").NamedChildren(), c.Field("right").NamedChildren()
			for i, x := range l {
				if !mrIsName(x, name) {
					continue
				}
				if len(l) == len(r) {
					rhs = append(rhs, r[i])
				} else if len(r) == 1 {
					rhs = append(rhs, r[0]) // v, err := f()
				}
			}
		case "unary_expression":
			if c.Field("operator").Type() == "&" && mrIsName(c.Field("operand"), name) && c.Parent().Type() == "argument_list" {
				addressed = true
			}
		}
		return true
	})
	return rhs, addressed
}

// cwtPatternBinds reports whether a JS destructuring pattern (object or
// array) assigns name, and returns the default values it may take instead
// ({ a: name = 0 }).
func cwtPatternBinds(pat parsers.Node, name string) (bound bool, defaults []parsers.Node) {
	pat = Unparen(pat)
	if pat.Type() != "object_pattern" && pat.Type() != "array_pattern" {
		return false, nil
	}
	var visit func(n parsers.Node) bool
	visit = func(n parsers.Node) bool {
		switch n.Type() {
		case "identifier", "shorthand_property_identifier_pattern":
			return mrTextIs(n, name)
		case "pair_pattern":
			return visit(n.Field("value"))
		case "object_assignment_pattern", "assignment_pattern":
			if visit(n.Field("left")) {
				defaults = append(defaults, n.Field("right"))
				return true
			}
			return false
		case "object_pattern", "array_pattern", "rest_pattern":
			for _, c := range n.NamedChildren() {
				if visit(c) {
					return true
				}
			}
		}
		return false
	}
	return visit(pat), defaults
}
