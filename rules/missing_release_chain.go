package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Promise chains on the resource.
//
// A release written in a then() callback of a chain that starts with a
// call on the resource,
//
//	client.query(sql).then((res) => { client.release(); return res.rows; })
//
// runs only when the query succeeds. When it rejects, the rejection passes
// every then() callback, and the client stays checked out unless a
// rejection handler (then's second argument, catch()) or a finally()
// further down the chain releases it. Such a chain is a release on the
// success path, and a point where the resource can leak on the other.

// mrChainLinks are the methods that continue a promise chain.
var mrChainLinks = map[string]bool{"then": true, "catch": true, "finally": true}

// mrChainNext returns the call that continues a chain after cur
// (cur.then(…), cur.catch(…), cur.finally(…)) and its method, or the zero
// Node.
func mrChainNext(cur parsers.Node) (parsers.Node, string) {
	m := cur.Parent()
	if m.Type() != "member_expression" || m.Field("object").ID() != cur.ID() {
		return parsers.Node{}, ""
	}
	prop := m.Field("property").Text()
	call := m.Parent()
	if !mrChainLinks[prop] || call.Type() != "call_expression" || call.Field("function").ID() != m.ID() {
		return parsers.Node{}, ""
	}
	return call, prop
}

// mrChainRoot returns, for a call that is a link of a promise chain
// (x.then(…)), the call the chain starts with: client.query(…) for
// client.query(…).then(…).catch(…).
func mrChainRoot(link parsers.Node) parsers.Node {
	c := link
	for c.Type() == "call_expression" {
		fn := Unparen(c.Field("function"))
		if fn.Type() != "member_expression" || !mrChainLinks[fn.Field("property").Text()] {
			return c
		}
		c = Unparen(fn.Field("object"))
	}
	return parsers.Node{}
}

// mrOnResource reports whether a call is a method call on the resource.
func mrOnResource(r *mrResource, call parsers.Node) bool {
	recv, _ := Callee(call)
	return !recv.IsNull() && mrIsName(recv, r.name)
}

// mrTSChainCallback reports whether fn is a callback of a promise chain
// that starts with a call on the resource made by the resource's own
// function (or by another such callback): a release there is this
// function's, on the paths the chain reaches it.
func mrTSChainCallback(r *mrResource, fn parsers.Node) bool {
	for depth := 0; depth < 8; depth++ {
		args := fn.Parent()
		if args.Type() != "arguments" {
			return false
		}
		link := args.Parent()
		f := Unparen(link.Field("function"))
		if link.Type() != "call_expression" || f.Type() != "member_expression" || !mrChainLinks[f.Field("property").Text()] {
			return false
		}
		root := mrChainRoot(link)
		if root.IsNull() || !mrOnResource(r, root) {
			return false
		}
		outer := EnclosingFunction(root)
		if outer.ID() == r.fn.ID() || mrIsUnit(r, outer) {
			return true
		}
		fn = outer
	}
	return false
}

// mrTSRejectSite returns, under n (outside nested functions), the first
// call on the resource that starts a promise chain whose callbacks release
// the resource when it succeeds but not when it rejects; or the zero Node.
func mrTSRejectSite(r *mrResource, n parsers.Node) parsers.Node {
	if !mrTextHas(n, r.name) || !mrTextHas(n, ".then") {
		return parsers.Node{}
	}
	var site parsers.Node
	n.Walk(func(c parsers.Node) bool {
		if !site.IsNull() || (IsFunction(c) && c.ID() != n.ID()) {
			return false
		}
		if c.Type() == "call_expression" && mrOnResource(r, c) && mrChainLeaksOnReject(r, c) {
			site = c
			return false
		}
		return true
	})
	return site
}

// mrChainLeaksOnReject follows the chain that starts at root and reports
// whether a then() callback releases the resource while a rejection of
// root reaches the end of the chain, or a handler that swallows it, with
// no release on its way.
func mrChainLeaksOnReject(r *mrResource, root parsers.Node) bool {
	released := func(args []parsers.Node, i int) bool {
		return i < len(args) && mrContainsRelease(r, args[i])
	}
	onSuccess := false    // a callback releases on the success path
	pending := true       // a rejection of root is still travelling down the chain
	rejectOK := false     // released on the rejection's path
	handled := false      // a handler that does not release took the rejection
	releaseAfter := false // a link after that handler releases
	for cur := root; ; {
		call, m := mrChainNext(cur)
		if call.IsNull() {
			break
		}
		args := call.Field("arguments").NamedChildren()
		rel := false
		for i := range args {
			if released(args, i) {
				rel = true
			}
		}
		if handled && rel {
			releaseAfter = true
		}
		switch m {
		case "then":
			if released(args, 0) {
				onSuccess = true
			}
			if pending && len(args) >= 2 {
				pending = false
				if released(args, 1) {
					rejectOK = true
				} else {
					handled = true
				}
			}
		case "catch":
			if pending {
				pending = false
				if released(args, 0) {
					rejectOK = true
				} else {
					handled = true
				}
			}
		case "finally":
			if released(args, 0) {
				onSuccess = true
				if pending {
					pending = false
					rejectOK = true
				}
			}
		}
		cur = call
	}
	// After a handler that does not release, the chain goes on with
	// whatever it returned: a later release may still run.
	return onSuccess && !rejectOK && !(handled && releaseAfter)
}

// mrRejectAdvice is the advice for a leak on a promise chain's rejection.
func mrRejectAdvice(r *mrResource, site parsers.Node) string {
	chain := "the promise chain"
	if strings.HasPrefix(mrDescribeAwait(site), "the query ") {
		chain = "the query's promise chain"
	}
	if r.kind.trx {
		return fmt.Sprintf("call %s.rollback() in a .catch() on %s", r.name, chain)
	}
	return fmt.Sprintf("release it in a .finally() on %s", chain)
}
