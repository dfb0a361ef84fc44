package rules

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Loop classification: does a loop run its body once per item of some
// collection (a finding) or for another reason — a bounded retry, a small
// constant list, pagination, polling, a pool of workers (not a finding)?

var (
	// "tries" only as a word or a camelCase part: maxTries, tries — not
	// entries, countries.
	qilRetryRE  = regexp.MustCompile(`(?i:retr(y|ies)|attempt|\btry\b)|(^|[^A-Za-z])tries|Tries|(^|_)TRIES`)
	qilPageRE   = regexp.MustCompile(`(?i)page|cursor|offset|token|marker|continu|more|after|lastid|last_id|lastkey|startkey|since|skip`)
	qilWorkerRE = regexp.MustCompile(`(?i)worker|concurren|parallel|thread|numcpu|procs|shard|partition|goroutine|consumer`)
	qilBatchRE  = regexp.MustCompile(`(?i)chunk|batch`)
	qilSleepRE  = regexp.MustCompile(`(?i)sleep|delay|backoff|settimeout|wait(ms|for)?\(|time\.after`)
)

// qilCounterRE takes the counter of a loop's update (v++, i += 1).
var qilCounterRE = regexp.MustCompile(`^\s*(?:\+\+|--)?\s*([A-Za-z_$][\w$]*)\s*(?:\+\+|--|\+=\s*1\s*$)`)

// qilSmallBound is the largest constant loop count that counts as "a
// small constant list" rather than N items.
const qilSmallBound = 10

// qilSmallList is the largest literal list that counts as constant.
const qilSmallList = 20

// qualifies reports (and caches) whether a loop runs once per item.
func (c *qilChecker) qualifies(l *qilLoop) bool {
	if l.state == 0 {
		l.state = -1
		if c.classifyLoop(l) {
			l.state = 1
		}
	}
	return l.state > 0
}

func (c *qilChecker) classifyLoop(l *qilLoop) bool {
	if l.callback {
		return c.classifyCallback(l)
	}
	n := l.node
	switch n.Type() {
	case "for_in_statement":
		right, left := n.Field("right"), n.Field("left")
		if c.constCollection(right) {
			return false
		}
		if qilBatchRE.MatchString(left.Text()) || chunkList(right) {
			return false
		}
		if c.pageStream(right) {
			return false
		}
		if l := Unparen(left); l.Type() == "identifier" && qilStepRE.MatchString(right.Text()) && runsStep(n.Field("body"), l.Text(), "") {
			return false
		}
		return true
	case "for_statement":
		if c.goF {
			return c.classifyGoFor(n)
		}
		cond := n.Field("condition")
		if cond.Type() == "expression_statement" {
			cond = cond.NamedChild(0)
		} else if cond.Type() == "empty_statement" {
			cond = parsers.Node{}
		}
		return c.classifyCounting(n.Field("initializer"), cond, n.Field("increment"), n.Field("body"))
	case "while_statement", "do_statement":
		return c.classifyCondLoop(n.Field("condition"), n.Field("body"))
	}
	return false
}

func (c *qilChecker) classifyCallback(l *qilLoop) bool {
	if !l.coll.IsNull() && c.constCollection(l.coll) {
		return false
	}
	if !l.coll.IsNull() && chunkList(l.coll) {
		return false
	}
	if IsFunction(l.body) {
		if p := firstParamName(l.body); p != "" && qilBatchRE.MatchString(p) {
			return false
		}
	}
	// prisma.$transaction(items.map(i => prisma.item.update(…))) and
	// db.batch([...]) send the operations together.
	call := l.node
	p := call.Parent()
	for p.Type() == "parenthesized_expression" {
		p = p.Parent()
	}
	if p.Type() == "arguments" || p.Type() == "array" {
		if p.Type() == "array" {
			p = p.Parent()
		}
		if _, m := Callee(p.Parent()); m == "$transaction" || m == "batch" || m == "transaction" || m == "multi" {
			return false
		}
	}
	if p.Type() == "variable_declarator" {
		// const ops = items.map(…); await prisma.$transaction(ops)
		name := p.Field("name").Text()
		scope := EnclosingFunction(call)
		if scope.IsNull() {
			scope = call.File().Root()
		}
		src := c.src[scope.StartByte():scope.EndByte()]
		if bytes.Contains(src, []byte("$transaction("+name)) || bytes.Contains(src, []byte("batch("+name)) {
			return false
		}
	}
	return true
}

// chunkList reports whether a loop's collection is a list of chunks or
// batches (chunks, idBatches, chunkedIds, _.chunk(ids, 100)) rather than
// the items of one chunk (chunk, batch, batchIds), which are iterated one
// item at a time.
func chunkList(coll parsers.Node) bool {
	coll = Unparen(coll)
	if coll.Type() == "call_expression" {
		_, m := Callee(coll)
		if qilBatchRE.MatchString(m) {
			return true
		}
	}
	name := strings.ToLower(renderExpr(coll, 0))
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSuffix(name, "()")
	if !qilBatchRE.MatchString(name) {
		return false
	}
	return strings.HasSuffix(name, "chunks") || strings.HasSuffix(name, "batches") ||
		strings.HasPrefix(name, "chunked") || strings.HasPrefix(name, "batched") || strings.Contains(name, "chunksof")
}

// pageStreams are stream factories whose iterations are pages of keys:
// ioredis' scanStream family hands back one SCAN reply (an array) per
// iteration.
var pageStreams = setOf("scanStream", "sscanStream", "hscanStream", "zscanStream")

// pageStream reports a loop over a stream of pages (for await (const keys
// of redis.scanStream(…))), directly or through a variable: each
// iteration is one page, so a call made once per iteration is pagination.
func (c *qilChecker) pageStream(coll parsers.Node) bool {
	for hops := 0; hops < 3; hops++ {
		coll = unawait(coll)
		switch coll.Type() {
		case "call_expression":
			_, m := Callee(coll)
			return pageStreams[m]
		case "identifier":
			d, ok := c.fs.Resolve(coll)
			if !ok || d.Kind != VarDecl || d.Init.IsNull() || d.Index > 0 {
				return false
			}
			coll = d.Init
		default:
			return false
		}
	}
	return false
}

func firstParamName(fn parsers.Node) string {
	if p := fn.Field("parameter"); !p.IsNull() {
		return p.Text()
	}
	ps := fn.Field("parameters")
	first := ps.NamedChild(0)
	if first.IsNull() {
		return ""
	}
	if pat := first.Field("pattern"); !pat.IsNull() {
		return pat.Text()
	}
	if name := first.Field("name"); !name.IsNull() {
		return name.Text()
	}
	return first.Text()
}

// classifyGoFor classifies a Go for statement.
func (c *qilChecker) classifyGoFor(n parsers.Node) bool {
	var rc, fc, cond parsers.Node
	body := n.Field("body")
	for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if !ch.IsNamed() || ch.ID() == body.ID() || ch.Type() == "comment" {
			continue
		}
		switch ch.Type() {
		case "range_clause":
			rc = ch
		case "for_clause":
			fc = ch
		default:
			cond = ch
		}
	}
	switch {
	case !rc.IsNull():
		right, left := Unparen(rc.Field("right")), rc.Field("left")
		if right.Type() == "int_literal" {
			v, err := strconv.ParseInt(right.Text(), 0, 64)
			return err != nil || v > qilSmallBound
		}
		if c.constCollection(right) || c.embeddedListing(right, 0) {
			return false
		}
		if qilBatchRE.MatchString(left.Text()) || chunkList(right) {
			return false
		}
		if vars := left.NamedChildren(); len(vars) == 2 && vars[1].Type() == "identifier" && qilStepRE.MatchString(right.Text()) &&
			runsStep(body, vars[1].Text(), "") {
			return false
		}
		// range over a subscription or ticker: an event loop, not a list.
		switch right.Type() {
		case "call_expression":
			_, m := Callee(right)
			switch m {
			case "Channel", "Messages", "Events", "Subscribe", "Updates", "Watch", "Tick", "Notifications", "Chan", "Results":
				return false
			}
		case "selector_expression":
			if right.Field("field").Text() == "C" {
				return false
			}
		case "identifier":
			if qilWorkerRE.MatchString(right.Text()) || qilRetryRE.MatchString(right.Text()) {
				return false
			}
			// for i := range n { go worker() }: spawning a pool.
			if len(left.NamedChildren()) <= 1 && spawnsGoroutines(body) && !indexes(body, right.Text()) {
				return false
			}
		}
		return true
	case !fc.IsNull():
		return c.classifyCounting(fc.Field("initializer"), fc.Field("condition"), fc.Field("update"), body)
	case !cond.IsNull():
		return c.classifyCondLoop(cond, body)
	}
	return consumesQueue(body) || readsStream(body)
}

// classifyCounting classifies for (init; cond; update) loops.
func (c *qilChecker) classifyCounting(init, cond, update, body parsers.Node) bool {
	if cond.IsNull() || cond.Type() == "true" {
		return consumesQueue(body) || readsStream(body)
	}
	header := init.Text() + " " + cond.Text() + " " + update.Text()
	if stepsThroughRange(cond, update) {
		// for day := from; day.Before(to); day = day.AddDate(0, 0, 1). The
		// page-name test would read `.After(` as a cursor name.
		return !qilRetryRE.MatchString(header) && !qilWorkerRE.MatchString(header) && !qilBatchRE.MatchString(header) &&
			!spawnsGoroutines(body) && !sleepsAndExits(body)
	}
	if qilRetryRE.MatchString(header) || qilPageRE.MatchString(header) || qilWorkerRE.MatchString(header) ||
		qilBatchRE.MatchString(header) {
		return false
	}
	if chunkStep(update) {
		// for (i = 0; i < rows.length; i += CHUNK): one chunk per iteration.
		return false
	}
	if m := qilCounterRE.FindStringSubmatch(update.Text()); m != nil && runsStep(body, "", m[1]) {
		// for v := from; v < latest; v++ { steps[v](tx) }
		return false
	}
	ct := cond.Text()
	if strings.Contains(ct, ".length") || strings.Contains(ct, "len(") || strings.Contains(ct, ".size") || strings.Contains(ct, ".Len()") {
		return true
	}
	if c.walksChain(cond, update) || c.walksChain(cond, body) {
		// for (n = first; n; n = await load(n.parentId))
		return true
	}
	if cond.Type() == "binary_expression" {
		for _, side := range []parsers.Node{cond.Field("left"), cond.Field("right")} {
			side = Unparen(side)
			if side.Type() == "number" || side.Type() == "int_literal" {
				v, err := strconv.ParseFloat(side.Text(), 64)
				if err == nil && v <= qilSmallBound {
					return false
				}
				return true
			}
		}
		if spawnsGoroutines(body) || sleepsAndExits(body) {
			return false
		}
		return true
	}
	return c.classifyCondLoop(cond, body)
}

// rangeCompare are methods that compare a loop variable with the end of a
// range: time.Time's Before/After/Equal, Compare, Less.
var rangeCompare = setOf("Before", "After", "Equal", "Compare", "Less", "LessThan", "isBefore", "isAfter", "isSameOrBefore", "isSameOrAfter", "lt", "lte", "gt", "gte")

// rangeStep are methods that step a loop variable to the next value of a
// range: day.AddDate(0, 0, 1), t.Add(time.Hour), d.add(1, "day"), Next().
var rangeStep = setOf("AddDate", "Add", "Next", "add", "plus", "next", "addDays")

// stepsThroughRange reports a counting loop that walks a range of values
// (days, hours, versions) one step at a time: the condition compares the
// variable with the end of the range through a method, and the update
// assigns the variable its next value. It runs once per value in the range.
func stepsThroughRange(cond, update parsers.Node) bool {
	cond = Unparen(cond)
	if cond.Type() == "unary_expression" {
		cond = Unparen(cond.Field("operand"))
		if cond.IsNull() {
			return false
		}
	}
	if cond.Type() != "call_expression" {
		return false
	}
	recv, m := Callee(cond)
	recv = Unparen(recv)
	if !rangeCompare[m] || recv.Type() != "identifier" {
		return false
	}
	v := recv.Text()
	var left, right parsers.Node
	switch update.Type() {
	case "assignment_statement":
		left, right = update.Field("left").NamedChild(0), update.Field("right").NamedChild(0)
	case "assignment_expression":
		left, right = update.Field("left"), update.Field("right")
	default:
		return false
	}
	if Unparen(left).Text() != v {
		return false
	}
	right = Unparen(right)
	if right.Type() != "call_expression" {
		return false
	}
	srecv, sm := Callee(right)
	return rangeStep[sm] && Unparen(srecv).Text() == v
}

// chunkStep reports a counting loop's update that steps by more than a
// few items: i += CHUNK, i = i + size, i += 500.
func chunkStep(update parsers.Node) bool {
	var step parsers.Node
	switch update.Type() {
	case "augmented_assignment_expression":
		if update.Field("operator").Text() != "+=" && !strings.Contains(update.Text(), "+=") {
			return false
		}
		step = update.Field("right")
	case "assignment_expression":
		r := Unparen(update.Field("right"))
		if r.Type() != "binary_expression" || r.Field("operator").Type() != "+" {
			return false
		}
		l := collapse(update.Field("left").Text())
		switch {
		case collapse(r.Field("left").Text()) == l:
			step = r.Field("right")
		case collapse(r.Field("right").Text()) == l:
			step = r.Field("left")
		default:
			return false
		}
	case "assignment_statement": // Go
		if update.Field("operator").Text() != "+=" {
			return false
		}
		step = update.Field("right").NamedChild(0)
	default:
		return false
	}
	step = Unparen(step)
	if step.IsNull() {
		return false
	}
	if step.Type() == "number" || step.Type() == "int_literal" {
		v, err := strconv.ParseFloat(step.Text(), 64)
		return err == nil && v > qilSmallBound
	}
	return true
}

// classifyCondLoop classifies while/do loops and Go condition-only loops.
// They count as per-item only with evidence of items: a cursor (rows.Next(),
// cursor.hasNext()) or a work queue drained in the body.
func (c *qilChecker) classifyCondLoop(cond, body parsers.Node) bool {
	cond = Unparen(cond)
	if cond.IsNull() || cond.Type() == "true" || cond.Text() == "1" {
		return consumesQueue(body) || readsStream(body)
	}
	if hasCursorCall(cond) {
		return !sleepsAndExits(body) && !c.readsTerminal(cond)
	}
	ct := cond.Text()
	if qilRetryRE.MatchString(ct) || qilPageRE.MatchString(ct) {
		return false
	}
	if c.walksChain(cond, body) || takesFromQueue(cond) || indexedByCounter(cond, body) {
		return true
	}
	if strings.Contains(ct, ".length") || strings.Contains(ct, "len(") || strings.Contains(ct, ".size") {
		// while (queue.length) { queue.shift() … }, while (i < ids.length) { ids[i] … }
		if consumesQueue(body) {
			return true
		}
		for _, coll := range lengthOperands(cond) {
			if indexes(body, coll) {
				return true
			}
		}
	}
	return false
}

// takesFromQueue reports a condition that takes the next item off an
// in-memory queue: while ((job = queue.shift())). An awaited take
// (await queue.pop()) claims work from elsewhere: a polling loop.
func takesFromQueue(cond parsers.Node) bool {
	found := false
	cond.Walk(func(n parsers.Node) bool {
		if found || IsFunction(n) || n.Type() == "await_expression" {
			return false
		}
		if n.Type() == "call_expression" {
			switch _, m := Callee(n); m {
			case "shift", "pop", "dequeue", "Dequeue", "PopFront", "popleft":
				found = true
			}
		}
		return !found
	})
	return found
}

// indexedByCounter reports a loop whose condition compares a counter that
// the body uses as an index: while (i < n) { … items[i] … }.
func indexedByCounter(cond, body parsers.Node) bool {
	if cond.Type() != "binary_expression" {
		return false
	}
	switch cond.Field("operator").Text() {
	case "<", "<=", ">", ">=", "!=", "!==":
	default:
		return false
	}
	for _, side := range [...]parsers.Node{cond.Field("left"), cond.Field("right")} {
		side = Unparen(side)
		if side.Type() == "identifier" && indexesWith(body, side.Text()) {
			return true
		}
	}
	return false
}

// indexesWith reports whether body indexes some collection with the
// identifier name (xs[i]).
func indexesWith(body parsers.Node, name string) bool {
	found := false
	walkBody(body, func(n parsers.Node) bool {
		if found {
			return false
		}
		var idx parsers.Node
		switch n.Type() {
		case "subscript_expression":
			idx = n.Field("index")
		case "index_expression":
			idx = n.Field("index")
		default:
			return true
		}
		idx = Unparen(idx)
		found = idx.Type() == "identifier" && idx.Text() == name
		return !found
	})
	return found
}

// walksChain reports a loop that follows a chain of rows one query at a
// time: a variable of the condition is reassigned from a query (or a
// helper of this file that queries) keyed by one of its own fields, as in
// `node = await Folder.findByPk(node.parentId)`. Pagination (page,
// cursor, offset… names, or a bare id as the key) and polling (a claim
// that does not read the previous item) are left alone.
func (c *qilChecker) walksChain(cond, region parsers.Node) bool {
	if cond.IsNull() || region.IsNull() {
		return false
	}
	var names []string
	cond.Walk(func(n parsers.Node) bool {
		if IsFunction(n) {
			return false
		}
		if n.Type() == "identifier" && len(names) < 8 {
			names = append(names, n.Text())
		}
		return true
	})
	if len(names) == 0 {
		return false
	}
	found := false
	walkBody(region, func(n parsers.Node) bool {
		if found {
			return false
		}
		var left, right parsers.Node
		switch n.Type() {
		case "assignment_expression":
			left, right = Unparen(n.Field("left")), n.Field("right")
		case "assignment_statement":
			left, right = n.Field("left").NamedChild(0), n.Field("right").NamedChild(0)
		default:
			return true
		}
		if left.Type() != "identifier" || !containsString(names, left.Text()) {
			return true
		}
		found = c.keyedByOwnField(right, left.Text())
		if !found {
			// Through a temporary: const parent = await load(node.parentId);
			// node = parent.
			if init := tempInit(c.fs, right, region); !init.IsNull() {
				found = c.keyedByOwnField(init, left.Text())
			}
		}
		return !found
	})
	if found && qilSleepRE.Match(region.File().Src[region.StartByte():region.EndByte()]) {
		// Re-reading a row while waiting for it to change: polling.
		return false
	}
	return found
}

// tempInit returns the initialiser of a variable declared inside region
// that e names (the temporary of `const up = await load(n.parentId); n =
// up`), or the zero Node.
func tempInit(fs *Facts, e parsers.Node, region parsers.Node) parsers.Node {
	e = Unparen(e)
	if e.Type() != "identifier" {
		return parsers.Node{}
	}
	d, ok := fs.Resolve(e)
	if !ok || d.Kind != VarDecl || d.Index > 0 || d.Init.IsNull() || !region.Contains(d.Node) {
		return parsers.Node{}
	}
	if p := d.Init.Parent(); p.Type() == "range_clause" || d.Init.Type() == "range_clause" {
		return parsers.Node{}
	}
	return d.Init
}

// keyedByOwnField reports whether e contains a query call (or a call of a
// local helper that queries) whose arguments read a field of name other
// than its id: load(node.parentId), findUnique({ where: { id: e.managerId } }).
func (c *qilChecker) keyedByOwnField(e parsers.Node, name string) bool {
	found := false
	budget := 64
	e.Walk(func(n parsers.Node) bool {
		if found || budget <= 0 || IsFunction(n) {
			return false
		}
		budget--
		if n.Type() != "call_expression" || !isChainTop(n) {
			return true
		}
		reads := false
		for _, call := range c.chain(n) {
			// Model.query().findById(node.parentId).select(…): the key
			// may sit in any call of the chain.
			if argsReadField(call, name) {
				reads = true
				break
			}
		}
		if !reads {
			return true
		}
		if c.dbCall(n) != nil || c.helperHit(n) != nil {
			found = true
		}
		return !found
	})
	return found
}

// argsReadField reports whether a call's arguments read name.<field>,
// with a field that is neither a bare id nor a page token.
func argsReadField(call parsers.Node, name string) bool {
	found := false
	call.Field("arguments").Walk(func(n parsers.Node) bool {
		if found || IsFunction(n) {
			return false
		}
		var obj, prop parsers.Node
		switch n.Type() {
		case "member_expression":
			obj, prop = Unparen(n.Field("object")), n.Field("property")
		case "selector_expression":
			obj, prop = Unparen(n.Field("operand")), n.Field("field")
		default:
			return true
		}
		if obj.Type() != "identifier" || obj.Text() != name {
			return true
		}
		p := prop.Text()
		switch l := strings.ToLower(p); l {
		case "id", "_id", "key", "pk", "uuid", strings.ToLower(name) + "id", strings.ToLower(name) + "_id":
			// The row's own key: re-reading the same row.
			return true
		}
		if qilPageRE.MatchString(p) {
			return true
		}
		found = true
		return false
	})
	return found
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// lengthOperands returns X for each X.length and len(X) in a condition.
func lengthOperands(cond parsers.Node) []string {
	var out []string
	cond.Walk(func(n parsers.Node) bool {
		switch n.Type() {
		case "member_expression":
			if n.Field("property").Text() == "length" {
				out = append(out, collapse(Unparen(n.Field("object")).Text()))
			}
		case "call_expression":
			if n.Field("function").Text() == "len" {
				out = append(out, collapse(Unparen(argAt(n, 0)).Text()))
			}
		}
		return true
	})
	return out
}

// hasCursorCall reports a cursor or iterator step in a loop condition:
// rows.Next(), cursor.Next(ctx), await cursor.hasNext(), it.next(),
// scanner.Scan(), dec.More().
func hasCursorCall(cond parsers.Node) bool {
	found := false
	cond.Walk(func(n parsers.Node) bool {
		if found || IsFunction(n) {
			return false
		}
		if n.Type() == "call_expression" {
			switch _, m := Callee(n); m {
			case "Next", "next", "hasNext", "HasNext", "Scan", "More", "NextRow", "nextRow", "NextResultSet", "TryNext", "tryNext":
				found = true
			}
		}
		return !found
	})
	return found
}

// readsTerminal reports a loop over lines typed at a terminal (a scanner
// on os.Stdin): it runs once per line the user types, an event loop.
func (c *qilChecker) readsTerminal(cond parsers.Node) bool {
	found := false
	cond.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "call_expression" {
			if recv, m := Callee(n); m == "Scan" && recv.Type() == "identifier" {
				if d, ok := c.fs.Resolve(recv); ok && strings.Contains(d.Init.Text(), "os.Stdin") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// walkBody walks a loop body without entering nested functions.
func walkBody(body parsers.Node, fn func(parsers.Node) bool) {
	body.Walk(func(n parsers.Node) bool {
		if n.ID() != body.ID() && IsFunction(n) {
			return false
		}
		return fn(n)
	})
}

// consumesQueue reports whether a loop body takes items off a queue:
// queue.shift(), stack.pop(), q = q[1:].
func consumesQueue(body parsers.Node) bool {
	found := false
	walkBody(body, func(n parsers.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "call_expression":
			switch _, m := Callee(n); m {
			case "shift", "pop", "dequeue", "Dequeue", "PopFront", "Pop", "Shift", "popleft", "poll":
				found = true
			case "splice":
				// queue.splice(i, 1) takes one item; queue.splice(0, 200)
				// takes a batch.
				found = Unparen(argAt(n, 1)).Text() == "1"
			}
		case "assignment_statement":
			// q = q[1:]
			r := n.Field("right").NamedChild(0)
			if r.Type() == "slice_expression" && collapse(r.Field("operand").Text()) == collapse(n.Field("left").Text()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// readsStream reports whether an unbounded loop body reads one record per
// iteration: r.Read(), stream.Recv(), reader.readLine().
func readsStream(body parsers.Node) bool {
	found := false
	walkBody(body, func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "call_expression" {
			switch _, m := Callee(n); m {
			case "Recv", "Read", "ReadString", "ReadLine", "ReadBytes", "ReadRecord", "recv", "readLine", "ReadMessage", "FetchMessage":
				found = true
			}
		}
		return !found
	})
	return found
}

// sleepsAndExits reports a retry shape: the body sleeps or backs off and
// can leave the loop.
func sleepsAndExits(body parsers.Node) bool {
	sleeps, exits := false, false
	walkBody(body, func(n parsers.Node) bool {
		switch n.Type() {
		case "call_expression":
			if !sleeps && qilSleepRE.MatchString(renderExpr(n.Field("function"), 0)+"(") {
				sleeps = true
			}
		case "break_statement", "return_statement":
			exits = true
		}
		return !(sleeps && exits)
	})
	if !sleeps {
		// await new Promise(r => setTimeout(r, ms)) sits inside a function.
		sleeps = qilSleepRE.Match(body.File().Src[body.StartByte():body.EndByte()])
	}
	return sleeps && exits
}

// spawnsGoroutines reports whether a loop body starts goroutines (go f(),
// g.Go(func…)): a worker pool is started once per worker, not per item.
func spawnsGoroutines(body parsers.Node) bool {
	found := false
	walkBody(body, func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "go_statement" {
			found = true
		} else if n.Type() == "call_expression" {
			if _, m := Callee(n); m == "Go" {
				found = true
			}
		}
		return !found
	})
	return found
}

// indexes reports whether body indexes name (name[i]).
func indexes(body parsers.Node, name string) bool {
	found := false
	body.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "index_expression":
			found = collapse(Unparen(n.Field("operand")).Text()) == name
		case "subscript_expression":
			found = collapse(Unparen(n.Field("object")).Text()) == name
		}
		return !found
	})
	return found
}

// constCollection reports whether e is a small constant list: a literal
// array, slice or object, a constant bound to one, Object.values(Enum), an
// UPPER_CASE constant.
func (c *qilChecker) constCollection(e parsers.Node) bool {
	return c.constCollectionDepth(e, 0)
}

func (c *qilChecker) constCollectionDepth(e parsers.Node, depth int) bool {
	if depth > 3 {
		return false
	}
	e = Unparen(e)
	switch e.Type() {
	case "array", "object":
		n := 0
		for ch := e.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
			switch ch.Type() {
			case "spread_element":
				return false
			case "comment":
				continue
			case "pair":
				// Array.from({ length: n }, …) iterates n times.
				if ch.Field("key").Text() == "length" {
					v, err := strconv.ParseFloat(Unparen(ch.Field("value")).Text(), 64)
					return err == nil && v <= qilSmallBound
				}
			case "shorthand_property_identifier":
				if ch.Text() == "length" {
					return false
				}
			}
			if ch.IsNamed() {
				n++
			}
		}
		return n > 0 && n <= qilSmallList
	case "composite_literal":
		body := e.Field("body")
		n := 0
		for ch := body.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
			if ch.IsNamed() && ch.Type() != "comment" {
				n++
			}
		}
		switch e.Field("type").Type() {
		case "slice_type", "array_type", "map_type", "implicit_length_array_type":
			return n > 0 && n <= qilSmallList
		}
		return false
	case "call_expression":
		// Object.keys(X), Object.values(Status), Object.entries(CONFIG)
		recv, m := Callee(e)
		if recv.Text() == "Object" && (m == "keys" || m == "values" || m == "entries") {
			arg := Unparen(argAt(e, 0))
			if arg.Type() == "identifier" && isUpperIdent(arg.Text()) {
				return true
			}
			return c.constCollectionDepth(arg, depth+1)
		}
		return false
	case "identifier":
		name := e.Text()
		if d, ok := c.fs.Resolve(e); ok {
			if d.Kind != VarDecl || d.Init.IsNull() {
				return false
			}
			init := Unparen(d.Init)
			switch init.Type() {
			case "array", "object", "composite_literal":
			default:
				return false
			}
			if !c.constCollectionDepth(init, depth+1) || c.mutated(name) {
				return false
			}
			if !c.goF {
				// Only const bindings (or module-level ones) are constant.
				decl := d.Node.Parent().Parent()
				if decl.Type() == "lexical_declaration" && !strings.HasPrefix(decl.Text(), "const") && scopeOf(d.Node).Type() != "program" {
					return false
				}
			}
			return true
		}
		return isConstName(name)
	case "member_expression", "selector_expression":
		// Config.TABLES, this.SUPPORTED_LOCALES
		prop := e.Field("property")
		if prop.IsNull() {
			prop = e.Field("field")
		}
		return isConstName(prop.Text())
	}
	return false
}

// embeddedListing reports a Go collection listed from an embedded file
// system (a //go:embed variable of type embed.FS): fs.Glob(migrationsFS,
// "…"), fs.ReadDir(seedFS, "…"), seedFS.ReadDir("…"), directly, through
// the variable it was assigned to, or through one call that takes such a
// listing (versionsOf(names)). The files are part of the binary — shipped
// migration or seed scripts — so the loop runs a fixed number of times.
func (c *qilChecker) embeddedListing(e parsers.Node, depth int) bool {
	if !c.goF || depth > 3 {
		return false
	}
	e = Unparen(e)
	switch e.Type() {
	case "identifier":
		d, ok := c.fs.Resolve(e)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() || d.Index > 0 {
			return false
		}
		return c.embeddedListing(d.Init, depth+1)
	case "call_expression":
		recv, m := Callee(e)
		switch m {
		case "Glob", "ReadDir":
			if Unparen(recv).Text() == "fs" {
				return c.isEmbedFS(argAt(e, 0))
			}
			return c.isEmbedFS(recv)
		}
		if depth > 1 {
			return false
		}
		for _, a := range e.Field("arguments").NamedChildren() {
			if u := Unparen(a); u.Type() == "identifier" && c.embeddedListing(u, depth+1) {
				return true
			}
		}
	}
	return false
}

// isEmbedFS reports a variable declared as an embed.FS.
func (c *qilChecker) isEmbedFS(e parsers.Node) bool {
	e = Unparen(e)
	if e.Type() != "identifier" {
		return false
	}
	d, ok := c.fs.Resolve(e)
	return ok && d.Type == "embed.FS"
}

// isConstName reports UPPER_SNAKE_CASE names (conventionally constants).
func isConstName(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= 'A' && b <= 'Z':
			letters++
		case b >= '0' && b <= '9', b == '_':
		default:
			return false
		}
	}
	return letters >= 2
}

// mutated reports whether the file appends to or pushes onto a name. A
// JavaScript list that set-up code extends with literal items
// (list.push({ … }) outside any loop or callback) stays a constant list:
// each such call adds a fixed item written in the code.
func (c *qilChecker) mutated(name string) bool {
	for _, pat := range [...]string{"append(" + name, name + ".splice(", name + ".add("} {
		if bytes.Contains(c.src, []byte(pat)) {
			return true
		}
	}
	if !bytes.Contains(c.src, []byte(name+".push(")) && !bytes.Contains(c.src, []byte(name+".unshift(")) {
		return false
	}
	if c.goF {
		return true
	}
	grows := false
	c.pass.File.Root().Walk(func(n parsers.Node) bool {
		if grows {
			return false
		}
		if n.Type() != "call_expression" {
			return true
		}
		recv, m := Callee(n)
		if (m != "push" && m != "unshift") || Unparen(recv).Text() != name {
			return true
		}
		grows = !literalItems(n) || repeats(n)
		return !grows
	})
	return grows
}

// literalItems reports whether every argument of a call is a literal
// object, array, string or number.
func literalItems(call parsers.Node) bool {
	args := call.Field("arguments")
	n := 0
	for _, a := range args.NamedChildren() {
		switch Unparen(a).Type() {
		case "comment":
			continue
		case "object", "array", "string", "number":
			n++
		default:
			return false
		}
	}
	return n > 0
}

// repeats reports whether the call n sits in a loop or in a function
// passed to a call (a forEach or map callback, an event handler), or makes
// its item from the parameters of the function it is in: then it can add
// any number of different items.
func repeats(n parsers.Node) bool {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		switch p.Type() {
		case "for_statement", "for_in_statement", "while_statement", "do_statement":
			return true
		}
		if IsFunction(p) {
			if a := p.Parent(); a.Type() == "arguments" {
				return true
			}
			// function register(name) { list.push({ name }) }: an item
			// made from the arguments, one per call.
			var params []string
			for _, f := range [...]string{"parameters", "parameter"} {
				p.Field(f).Walk(func(x parsers.Node) bool {
					if x.Type() == "identifier" || x.Type() == "shorthand_property_identifier_pattern" {
						params = append(params, x.Text())
					}
					return true
				})
			}
			uses := false
			n.Field("arguments").Walk(func(x parsers.Node) bool {
				if (x.Type() == "identifier" || x.Type() == "shorthand_property_identifier") && containsString(params, x.Text()) {
					uses = true
				}
				return !uses
			})
			if uses {
				return true
			}
		}
	}
	return false
}

// exitsLoop reports whether a call inside a statement loop is followed, in
// the same block, by an unconditional break, return or throw that leaves
// that loop: the call then runs at most once.
func exitsLoop(call parsers.Node, l *qilLoop) bool {
	// The path from the call up to the loop, innermost first.
	var path [64]parsers.Node
	n := 0
	for p := call; !p.IsNull() && p.ID() != l.node.ID(); p = p.Parent() {
		if n == len(path) {
			return false
		}
		if p.ID() != call.ID() && IsFunction(p) {
			return false
		}
		path[n] = p
		n++
	}
	direct := true // no loop or switch between the loop and this point
	for i := n - 1; i >= 1; i-- {
		p, child := path[i], path[i-1]
		switch p.Type() {
		case "return_statement", "throw_statement":
			return true
		case "for_statement", "for_in_statement", "while_statement", "do_statement", "switch_statement",
			"expression_switch_statement", "type_switch_statement", "select_statement":
			direct = false
			continue
		case "statement_block", "block", "switch_case", "switch_default", "expression_case", "default_case",
			"communication_case", "type_case":
			inCase := p.Type() != "statement_block" && p.Type() != "block"
			for s := child.NextSibling(); !s.IsNull(); s = s.NextSibling() {
				switch s.Type() {
				case "return_statement", "throw_statement":
					return true
				case "break_statement":
					if lbl := breakLabel(s); lbl != "" {
						if labelEncloses(l.node, lbl) {
							return true
						}
					} else if direct && !inCase {
						return true
					}
				case "expression_statement":
					// Go: panic(…)
					if ce := s.NamedChild(0); ce.Type() == "call_expression" && ce.Field("function").Text() == "panic" {
						return true
					}
				}
			}
		}
	}
	return false
}

// labelEncloses reports whether a statement labelled lbl is the loop or
// one around it (break outer leaves every loop inside outer).
func labelEncloses(loop parsers.Node, lbl string) bool {
	for p := loop.Parent(); !p.IsNull() && !IsFunction(p); p = p.Parent() {
		if p.Type() != "labeled_statement" {
			continue
		}
		l := p.Field("label")
		if l.IsNull() {
			l = p.NamedChild(0)
		}
		if l.Text() == lbl {
			return true
		}
	}
	return false
}

func breakLabel(b parsers.Node) string {
	if l := b.Field("label"); !l.IsNull() {
		return l.Text()
	}
	if l := b.NamedChild(0); l.Type() == "label_name" || l.Type() == "statement_identifier" {
		return l.Text()
	}
	return ""
}

// qilStepRE names tables of code steps: migrations, upgrade steps, seeders.
// A list of closures is not enough on its own: tasks built one per item
// (items.map((i) => () => work(i))) are data.
var qilStepRE = regexp.MustCompile(`(?i)migrat|step|upgrade|downgrade|seed|patch|fixup|stage|phase|revision`)

// runsStep reports a loop over a table of code rather than data: the body
// calls the loop's value as a function (for _, step := range steps {
// step(tx) }) or calls the entry the counter indexes (steps[v](tx)). Each
// iteration runs a different step written in the code, so the loop runs
// as many times as there are steps, not items; the bookkeeping query
// beside each step (recording the schema version) is part of that step.
func runsStep(body parsers.Node, value, counter string) bool {
	found := false
	walkBody(body, func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "type_conversion_expression" {
			// Go parses steps[v](tx) as a conversion to a generic type.
			if t := n.Field("type"); counter != "" && t.Type() == "generic_type" {
				args := t.Field("type_arguments").NamedChildren()
				found = len(args) == 1 && args[0].Text() == counter && qilStepRE.MatchString(t.Field("type").Text())
			}
			return !found
		}
		if n.Type() != "call_expression" {
			return true
		}
		fn := Unparen(n.Field("function"))
		switch fn.Type() {
		case "identifier":
			found = value != "" && fn.Text() == value
		case "index_expression", "subscript_expression":
			if counter == "" {
				break
			}
			obj := Unparen(fn.Field("operand"))
			if obj.IsNull() {
				obj = Unparen(fn.Field("object"))
			}
			found = Unparen(fn.Field("index")).Text() == counter && (obj.Type() == "identifier" || obj.Type() == "selector_expression" || obj.Type() == "member_expression") &&
				qilStepRE.MatchString(obj.Text())
		}
		return !found
	})
	return found
}

// qilConfigRE names collections read from configuration: the alternatives
// a lookup falls back through (rotated secrets, key prefixes).
var qilConfigRE = regexp.MustCompile(`(?i)\b(config|cfg|conf|settings|env)\b|config\(|secret|fallback`)

// fallbackSearch reports a lookup that tries configured alternatives in
// turn and stops at the first that succeeds: for _, secret := range
// cfg.Secrets() { if err = find(hash(t, secret)); err == nil { break } }.
// The loop runs over a short list from configuration (a rotated secret
// and its predecessors), not over data. A search over data that stops at
// the first hit still makes one query per candidate and is reported.
func fallbackSearch(call parsers.Node, l *qilLoop) bool {
	var coll parsers.Node
	switch l.node.Type() {
	case "for_in_statement":
		coll = l.node.Field("right")
	case "for_statement":
		for ch := l.node.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
			if ch.Type() == "range_clause" {
				coll = ch.Field("right")
			}
		}
	}
	if coll.IsNull() || !qilConfigRE.MatchString(coll.Text()) {
		return false
	}
	// The innermost statement holding the call, with no loop, switch or
	// function between it and the loop body.
	stmt := call
	for p := call.Parent(); ; p = p.Parent() {
		if p.IsNull() || IsFunction(p) {
			return false
		}
		if p.Type() == "statement_block" || p.Type() == "block" {
			break
		}
		stmt = p
	}
	for p := stmt.Parent(); p.ID() != l.body.ID(); p = p.Parent() {
		switch p.Type() {
		case "for_statement", "for_in_statement", "while_statement", "do_statement", "switch_statement",
			"expression_switch_statement", "type_switch_statement", "select_statement":
			return false
		}
		if p.IsNull() || IsFunction(p) {
			return false
		}
	}
	// The check of the result: the if whose condition (or Go initializer)
	// holds the call, or the statement right after the call's.
	check := stmt
	if stmt.Type() == "if_statement" {
		head := false
		for _, f := range [...]string{"condition", "initializer"} {
			if h := stmt.Field(f); !h.IsNull() && h.StartByte() <= call.StartByte() && call.EndByte() <= h.EndByte() {
				head = true
			}
		}
		if !head {
			return false
		}
	} else {
		check = stmt.NextNamedSibling()
		for check.Type() == "comment" {
			check = check.NextNamedSibling()
		}
		if check.Type() != "if_statement" {
			return false
		}
	}
	cons, alt := check.Field("consequence"), check.Field("alternative")
	if alt.Type() == "else_clause" {
		alt = alt.NamedChild(0)
	}
	success := cons
	cond := Unparen(check.Field("condition"))
	if cond.Type() == "unary_expression" && strings.HasPrefix(cond.Text(), "!") {
		success = alt
	} else if cond.Type() == "binary_expression" {
		op := cond.Field("operator").Text()
		if op == "" {
			for ch := cond.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
				if !ch.IsNamed() {
					op = ch.Type()
				}
			}
		}
		r := Unparen(cond.Field("right")).Text()
		nilish := r == "nil" || r == "null" || r == "undefined"
		switch {
		case nilish && (op == "!=" || op == "!=="):
			// Go: err != nil fails; JS: row != null succeeds.
			if r == "nil" {
				success = alt
			}
		case nilish && (op == "==" || op == "==="):
			if r != "nil" {
				success = alt
			}
		default:
			return false
		}
	}
	return leaves(success)
}

// leaves reports whether a branch ends the loop: it is, or directly
// holds, an unlabelled break or a return.
func leaves(branch parsers.Node) bool {
	if branch.IsNull() {
		return false
	}
	switch branch.Type() {
	case "break_statement":
		return breakLabel(branch) == ""
	case "return_statement":
		return true
	case "statement_block", "block":
		for _, s := range branch.NamedChildren() {
			if leaves(s) && s.Type() != "statement_block" && s.Type() != "block" {
				return true
			}
		}
	}
	return false
}
