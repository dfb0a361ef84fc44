package rules

import "github.com/hotpath-app/hotpath/parsers"

// An expiration declared without a value (0) in the function that writes
// the key, and set only inside `if` statements without an else:
//
//	var bannerTTL time.Duration
//	if d, err := time.ParseDuration(q); err == nil && d > 0 {
//		bannerTTL = d
//	}
//	rdb.Set(ctx, k, v, bannerTTL) // 0, so no expiry, when the if does not run
//
// Only the plainest shape counts: the variable is mentioned nowhere else
// in the function (no check such as `if ttl == 0`, no `&ttl`, no closure,
// no switch or loop that sets it), so the path that skips the `if` reaches
// the write with the zero value.

// zeroUnlessIf reports whether the identifier use, declared by d, is 0 on
// the path that skips every `if` that sets it, and returns the line of the
// first such `if`.
func (c *cwtGo) zeroUnlessIf(use parsers.Node, d Decl) (int, bool) {
	if !d.Init.IsNull() || d.Node.Parent().Type() != "var_spec" || len(d.Node.Parent().FieldAll("name")) != 1 {
		return 0, false
	}
	fn := EnclosingFunction(use)
	if fn.IsNull() || d.Scope.ID() != fn.ID() || !fn.Contains(d.Node) {
		return 0, false
	}
	name := use.Text()
	firstIf := 0
	ok := true
	fn.Field("body").Walk(func(n parsers.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "identifier" || !mrTextIs(n, name) || n.ID() == d.Node.ID() || n.ID() == use.ID() {
			return true
		}
		if r, found := c.fs.Resolve(n); !found || r.Node.ID() != d.Node.ID() {
			return true // another variable of the same name
		}
		line, set := cwtSetOnlyInIf(n, fn, use)
		if !set {
			ok = false
			return false
		}
		if firstIf == 0 || line < firstIf {
			firstIf = line
		}
		return true
	})
	if !ok || firstIf == 0 {
		return 0, false
	}
	return firstIf, true
}

// cwtSetOnlyInIf reports whether the mention n is the whole left side of
// a plain `x = …` statement inside the consequence of an `if` with no
// else, not inside a loop, switch or closure, that does not contain the
// use; it returns that if's line.
func cwtSetOnlyInIf(n, fn, use parsers.Node) (int, bool) {
	left := n.Parent()
	if left.Type() != "expression_list" || left.FieldName() != "left" || len(left.NamedChildren()) != 1 {
		return 0, false
	}
	as := left.Parent()
	if as.Type() != "assignment_statement" || as.Field("operator").Type() != "=" || as.StartByte() > use.StartByte() {
		return 0, false
	}
	if as.Parent().Type() != "block" || as.Parent().Parent().Type() != "if_statement" {
		return 0, false
	}
	ifSt := as.Parent().Parent()
	if as.Parent().FieldName() != "consequence" || !ifSt.Field("alternative").IsNull() || hpInside(use, ifSt) {
		return 0, false
	}
	for p := ifSt.Parent(); !p.IsNull() && p.ID() != fn.ID(); p = p.Parent() {
		switch p.Type() {
		case "block", "if_statement":
		default:
			return 0, false // a loop, switch, select or closure
		}
	}
	return ifSt.StartLine(), true
}
