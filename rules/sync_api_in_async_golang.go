package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

type sapiGo struct {
	p  *Pass
	fs *Facts

	httpPkg, timePkg, netPkg       string
	echoPkg, ginPkg, fiberPkg      string
	goRedis, redigo                string
	reported                       map[int]bool
	handlerCache                   map[int]bool
	blocking                       []parsers.Node // candidate blocking calls (handler-only)
	locks                          []parsers.Node // X.Lock() / X.RLock() expression statements
	knowledgeBlock, knowledgeQuery bool
}

var sapiGoHTTPFuncs = map[string]bool{"Get": true, "Post": true, "Head": true, "PostForm": true}
var sapiGoClientMethods = map[string]bool{"Do": true, "Get": true, "Post": true, "Head": true, "PostForm": true}

func sapiCheckGo(p *Pass) {
	kb, kq := len(p.Knowledge.BlockingCalls) > 0, len(p.Knowledge.QueryCalls) > 0 || len(p.Knowledge.QueryTypes) > 0
	fs := p.Facts()
	if !kb && !fs.ImportsAny("net/http", "github.com/labstack/echo", "github.com/gin-gonic/gin", "github.com/gofiber/fiber") &&
		!hpContainsAny(p.File.Src, "Lock()") {
		return
	}
	s := &sapiGo{p: p, fs: p.Facts(), reported: map[int]bool{}, handlerCache: map[int]bool{}, knowledgeBlock: kb, knowledgeQuery: kq}
	for local, im := range s.fs.imports {
		switch m := im.Module; {
		case m == "net/http":
			s.httpPkg = local
		case m == "time":
			s.timePkg = local
		case m == "net":
			s.netPkg = local
		case strings.HasPrefix(m, "github.com/labstack/echo"):
			s.echoPkg = local
		case strings.HasPrefix(m, "github.com/gin-gonic/gin"):
			s.ginPkg = local
		case strings.HasPrefix(m, "github.com/gofiber/fiber"):
			s.fiberPkg = local
		case strings.HasPrefix(m, "github.com/redis/go-redis") || strings.HasPrefix(m, "github.com/go-redis/redis"):
			s.goRedis = local
		case strings.HasPrefix(m, "github.com/gomodule/redigo") || strings.HasPrefix(m, "github.com/garyburd/redigo"):
			s.redigo = local
		}
	}
	p.File.Root().Walk(func(n parsers.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		fn := Unparen(n.Field("function"))
		if fn.Type() == "selector_expression" {
			m := fn.Field("field").Text()
			if (m == "Lock" || m == "RLock") && n.Parent().Type() == "expression_statement" && len(hpArgs(n)) == 0 {
				s.locks = append(s.locks, n.Parent())
				return true
			}
			op := Unparen(fn.Field("operand"))
			if (s.timePkg != "" && m == "Sleep" && op.Text() == s.timePkg) || (s.httpPkg != "" && sapiGoClientMethods[m]) {
				s.blocking = append(s.blocking, n)
				return true
			}
		}
		if kb && MatchCall(p.Knowledge.BlockingCalls, n) {
			s.blocking = append(s.blocking, n)
		}
		return true
	})
	for _, l := range s.locks {
		s.checkLock(l)
	}
	for _, c := range s.blocking {
		s.checkBlocking(c)
	}
}

// handlerOf returns the HTTP handler the call runs in, following function
// literals that run synchronously (not `go func(){…}()`).
func (s *sapiGo) handlerOf(n parsers.Node) parsers.Node {
	for f := EnclosingFunction(n); !f.IsNull(); f = EnclosingFunction(f) {
		if s.isHandler(f) {
			return f
		}
		if f.Type() != "func_literal" {
			return parsers.Node{}
		}
		if c := f.Parent(); c.Type() == "call_expression" && (c.Parent().Type() == "go_statement" || c.Parent().Type() == "defer_statement") {
			return parsers.Node{}
		}
		if c := f.Parent(); c.Type() == "argument_list" {
			if call := c.Parent(); call.Type() == "call_expression" {
				_, m := Callee(call)
				if m == "AfterFunc" {
					return parsers.Node{}
				}
			}
		}
	}
	return parsers.Node{}
}

// isHandler recognises net/http (and chi), echo, gin and fiber handlers by
// their parameter types.
func (s *sapiGo) isHandler(f parsers.Node) bool {
	if v, ok := s.handlerCache[f.ID()]; ok {
		return v
	}
	var types []string
	params := f.Field("parameters")
	for _, pd := range params.NamedChildren() {
		if pd.Type() != "parameter_declaration" {
			continue
		}
		t := collapse(pd.Field("type").Text())
		n := len(pd.FieldAll("name"))
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			types = append(types, t)
		}
	}
	res := false
	switch len(types) {
	case 2:
		res = s.httpPkg != "" && types[0] == s.httpPkg+".ResponseWriter" && types[1] == "*"+s.httpPkg+".Request"
	case 1:
		t := types[0]
		res = (s.echoPkg != "" && t == s.echoPkg+".Context") || (s.ginPkg != "" && t == "*"+s.ginPkg+".Context") ||
			(s.fiberPkg != "" && t == "*"+s.fiberPkg+".Ctx")
	}
	s.handlerCache[f.ID()] = res
	return res
}

func (s *sapiGo) checkBlocking(call parsers.Node) {
	if s.reported[call.ID()] {
		return
	}
	h := s.handlerOf(call)
	if h.IsNull() || s.inTestHelper(h) {
		return
	}
	name := FunctionName(h)
	fn := Unparen(call.Field("function"))
	label := collapse(fn.Text())
	if fn.Type() == "selector_expression" {
		m := fn.Field("field").Text()
		op := Unparen(fn.Field("operand"))
		if m == "Sleep" && op.Text() == s.timePkg {
			s.report(call, fmt.Sprintf("`%s` inside HTTP handler `%s` holds the request, its goroutine and connection for the whole delay, and ignores client cancellation; wait with `select` on `r.Context().Done()` and a timer, or return a retry hint (429 + Retry-After)", label, name), nil)
			return
		}
		if why, ok := s.untimedHTTP(call, op, m); ok {
			s.report(call, fmt.Sprintf("`%s` inside HTTP handler `%s` %s: a slow upstream blocks this request indefinitely and piles up goroutines; use an `http.Client{Timeout: …}` or build the request with `http.NewRequestWithContext(r.Context(), …)`", label, name, why), nil)
			return
		}
	}
	if s.knowledgeBlock && MatchCall(s.p.Knowledge.BlockingCalls, call) {
		s.report(call, fmt.Sprintf("`%s` is listed as blocking (knowledge.blocking_calls) and runs inside HTTP handler `%s`, holding the request until it returns; move it off the request path or bound it with a context deadline", label, name), nil)
	}
}

// untimedHTTP reports whether an HTTP call has neither a client timeout nor
// a request context.
func (s *sapiGo) untimedHTTP(call, op parsers.Node, m string) (string, bool) {
	if s.httpPkg == "" || !sapiGoClientMethods[m] {
		return "", false
	}
	if op.Type() == "identifier" && op.Text() == s.httpPkg {
		if sapiGoHTTPFuncs[m] {
			return "uses `http.DefaultClient`, which has no timeout", true
		}
		return "", false
	}
	timeout, known := s.clientTimeout(op)
	if !known || timeout {
		return "", false
	}
	if m == "Do" {
		args := hpArgs(call)
		if len(args) != 1 || s.requestHasContext(args[0], call) {
			return "", false
		}
		return "sends a request with no context through a client with no `Timeout`", true
	}
	return "uses a client with no `Timeout`", true
}

// clientTimeout tells whether an *http.Client expression has a Timeout, when
// that can be seen: http.DefaultClient, or a variable initialised from an
// http.Client literal in this file.
func (s *sapiGo) clientTimeout(e parsers.Node) (timeout, known bool) {
	e = Unparen(e)
	if e.Text() == s.httpPkg+".DefaultClient" {
		return false, true
	}
	var d Decl
	var ok bool
	switch e.Type() {
	case "identifier":
		d, ok = s.fs.Resolve(e)
	case "selector_expression":
		d, ok = s.fs.ResolveExpr(e)
	}
	if !ok || d.Init.IsNull() {
		return false, false
	}
	init := Unparen(d.Init)
	if init.Text() == s.httpPkg+".DefaultClient" {
		return false, true
	}
	if init.Type() == "unary_expression" {
		init = Unparen(init.Field("operand"))
	}
	if init.Type() != "composite_literal" || collapse(init.Field("type").Text()) != s.httpPkg+".Client" {
		return false, false
	}
	for _, el := range init.Field("body").NamedChildren() {
		if el.Type() == "keyed_element" && strings.TrimSpace(el.NamedChild(0).Text()) == "Timeout" {
			return true, true
		}
	}
	return false, true
}

// requestHasContext reports whether a request carries a context that can be
// cancelled: built with NewRequestWithContext (not context.Background()),
// or given one with req.WithContext.
func (s *sapiGo) requestHasContext(req, call parsers.Node) bool {
	req = Unparen(req)
	if req.Type() == "call_expression" {
		_, m := Callee(req)
		return m == "WithContext" || m == "Clone"
	}
	if req.Type() != "identifier" {
		return true
	}
	d, ok := s.fs.Resolve(req)
	if !ok || d.Init.IsNull() {
		return true
	}
	init := Unparen(d.Init)
	if init.Type() != "call_expression" {
		return true
	}
	_, m := Callee(init)
	switch m {
	case "NewRequestWithContext":
		args := hpArgs(init)
		return len(args) == 0 || !s.backgroundCtx(args[0])
	case "NewRequest":
		fn := EnclosingFunction(call)
		body := fn.Text()
		return strings.Contains(body, req.Text()+".WithContext(") || strings.Contains(body, req.Text()+".Clone(")
	}
	return true
}

func (s *sapiGo) backgroundCtx(e parsers.Node) bool {
	e = Unparen(e)
	t := collapse(e.Text())
	if t == "context.Background()" || t == "context.TODO()" {
		return true
	}
	if e.Type() == "identifier" {
		if d, ok := s.fs.Resolve(e); ok && !d.Init.IsNull() {
			t := collapse(Unparen(d.Init).Text())
			return t == "context.Background()" || t == "context.TODO()"
		}
	}
	return false
}

func (s *sapiGo) report(n parsers.Node, msg string, related []RelatedNode) {
	if s.reported[n.ID()] {
		return
	}
	s.reported[n.ID()] = true
	s.p.Report(Diagnostic{Node: n, Message: msg, Related: related})
}

// checkLock scans the statements after X.Lock() up to the matching
// X.Unlock() (or the end of the block when the unlock is deferred) for
// network or database I/O.
func (s *sapiGo) checkLock(stmt parsers.Node) {
	call := stmt.NamedChild(0)
	fn := Unparen(call.Field("function"))
	recv := Unparen(fn.Field("operand"))
	lockM := fn.Field("field").Text()
	if !s.isMutex(recv) {
		return
	}
	unlockM := "Unlock"
	if lockM == "RLock" {
		unlockM = "RUnlock"
	}
	key := collapse(recv.Text())
	isUnlock := func(st parsers.Node) bool {
		if st.Type() != "expression_statement" {
			return false
		}
		c := st.NamedChild(0)
		if c.Type() != "call_expression" {
			return false
		}
		f := Unparen(c.Field("function"))
		return f.Type() == "selector_expression" && f.Field("field").Text() == unlockM && collapse(f.Field("operand").Text()) == key
	}
	var scan func(n parsers.Node)
	scan = func(n parsers.Node) {
		n.Walk(func(c parsers.Node) bool {
			switch c.Type() {
			case "func_literal", "go_statement", "defer_statement":
				return false
			case "block":
				if c.ID() == n.ID() {
					return true
				}
				for st := c.FirstChild(); !st.IsNull(); st = st.NextSibling() {
					if isUnlock(st) {
						break
					}
					if st.IsNamed() {
						scan(st)
					}
				}
				return false
			case "call_expression":
				if what, ok := s.io(c); ok {
					s.report(c, fmt.Sprintf("`%s` %s while `%s` is held: every goroutine that needs the lock waits behind this round trip, so one slow call stalls all callers; copy what you need under the lock, unlock, then do the I/O (or use singleflight)",
						collapse(Unparen(c.Field("function")).Text()), what, key),
						[]RelatedNode{{Node: call, Message: "lock taken here"}})
				}
			}
			return true
		})
	}
	for st := stmt.NextSibling(); !st.IsNull(); st = st.NextSibling() {
		if !st.IsNamed() {
			continue
		}
		if isUnlock(st) {
			return
		}
		scan(st)
	}
}

// isMutex reports whether a Lock() receiver is a sync.Mutex or RWMutex.
func (s *sapiGo) isMutex(recv parsers.Node) bool {
	isMu := func(t string) bool {
		t = strings.TrimLeft(t, "*")
		return t == "sync.Mutex" || t == "sync.RWMutex" || t == "sync.Locker"
	}
	var d Decl
	var ok bool
	switch recv.Type() {
	case "identifier":
		d, ok = s.fs.Resolve(recv)
		if ok && d.Kind == ParamDecl && isGoReceiver(d.Node) {
			// s.Lock() on a type embedding sync.Mutex
			for _, f := range append(s.fs.Fields("Mutex"), s.fs.Fields("RWMutex")...) {
				if isMu(f.Type) {
					return true
				}
			}
			return false
		}
	case "selector_expression":
		d, ok = s.fs.ResolveExpr(recv)
		if !ok {
			for _, f := range s.fs.Fields(recv.Field("field").Text()) {
				if isMu(f.Type) {
					return true
				}
				d, ok = f, true
			}
		}
	default:
		return false
	}
	if ok {
		if isMu(d.Type) {
			return true
		}
		if init := collapse(Unparen(d.Init).Text()); init == "sync.Mutex{}" || init == "&sync.Mutex{}" || init == "sync.RWMutex{}" ||
			init == "&sync.RWMutex{}" || init == "new(sync.Mutex)" || init == "new(sync.RWMutex)" {
			return true
		}
		return false
	}
	name := strings.ToLower(hpLastSegment(recv))
	return name == "mu" || name == "mtx" || name == "mutex" || name == "rwmu" || strings.HasSuffix(name, "mu") || strings.HasSuffix(name, "mutex")
}

var sapiSQLMethods = map[string]bool{
	"Query": true, "QueryRow": true, "QueryContext": true, "QueryRowContext": true, "Exec": true, "ExecContext": true,
	"Prepare": true, "PrepareContext": true, "Begin": true, "BeginTx": true, "Ping": true, "PingContext": true,
	"Get": true, "GetContext": true, "Select": true, "SelectContext": true, "NamedExec": true, "NamedExecContext": true,
	"NamedQuery": true, "Queryx": true, "QueryRowx": true, "QueryxContext": true, "QueryRowxContext": true,
	"MustExec": true, "SendBatch": true, "CopyFrom": true, "Acquire": true, "Commit": true,
	// GORM finishers
	"First": true, "Find": true, "Take": true, "Last": true, "Create": true, "Save": true, "Updates": true,
	"Update": true, "Delete": true, "Scan": true, "Count": true, "Pluck": true, "FirstOrCreate": true,
	// MongoDB
	"FindOne": true, "InsertOne": true, "InsertMany": true, "UpdateOne": true, "UpdateMany": true, "DeleteOne": true,
	"DeleteMany": true, "Aggregate": true, "CountDocuments": true, "ReplaceOne": true, "FindOneAndUpdate": true,
	"BulkWrite": true,
}

// GORM methods that only build a query; the call after them runs it.
var sapiGormBuilders = map[string]bool{
	"Where": true, "Model": true, "Table": true, "Preload": true, "Joins": true, "Order": true, "Limit": true,
	"Offset": true, "Raw": true, "WithContext": true, "Session": true, "Debug": true, "Unscoped": true,
	"Clauses": true, "Omit": true, "Group": true, "Having": true, "Distinct": true, "Not": true, "Or": true,
}

var sapiDBTypes = map[string]bool{
	"sql.DB": true, "sql.Tx": true, "sql.Conn": true, "sql.Stmt": true, "sqlx.DB": true, "sqlx.Tx": true,
	"pgxpool.Pool": true, "pgx.Conn": true, "pgx.Tx": true, "gorm.DB": true, "mongo.Collection": true,
	"mongo.Database": true, "mongo.Client": true,
}

var sapiDBInits = map[string]bool{
	"sql.Open": true, "sqlx.Open": true, "sqlx.Connect": true, "sqlx.MustConnect": true, "pgxpool.New": true,
	"pgxpool.Connect": true, "pgxpool.NewWithConfig": true, "pgx.Connect": true, "gorm.Open": true,
}

// io reports whether a call does network or database I/O, and says what.
func (s *sapiGo) io(call parsers.Node) (string, bool) {
	fn := Unparen(call.Field("function"))
	if fn.Type() != "selector_expression" {
		return "", false
	}
	m := fn.Field("field").Text()
	op := Unparen(fn.Field("operand"))
	if op.Type() == "identifier" {
		switch op.Text() {
		case s.httpPkg:
			if s.httpPkg != "" && sapiGoHTTPFuncs[m] {
				return "makes an HTTP request", true
			}
			return "", false
		case s.netPkg:
			if s.netPkg != "" && (m == "Dial" || m == "DialTimeout") {
				return "opens a network connection", true
			}
			return "", false
		}
	}
	if s.knowledgeQuery && MatchCall(s.p.Knowledge.QueryCalls, call) {
		return "calls the database", true
	}
	kind := s.recvKind(op, 0)
	switch kind {
	case "http":
		if sapiGoClientMethods[m] {
			return "makes an HTTP request", true
		}
	case "db":
		if sapiSQLMethods[m] {
			return "queries the database", true
		}
	case "redis":
		switch m {
		case "Pipeline", "TxPipeline", "Options", "Close", "String", "Context", "WithContext", "AddHook", "Conn", "Err", "Result", "Val":
			return "", false
		}
		if m != "" && m[0] >= 'A' && m[0] <= 'Z' {
			return "calls Redis", true
		}
	case "redigo":
		if m == "Do" || m == "Receive" || m == "Flush" {
			return "calls Redis", true
		}
	case "known":
		return "calls the database", true
	case "client?":
		if m == "Do" && len(hpArgs(call)) == 1 {
			return "sends a request", true
		}
	}
	if kind == "" && s.sapiRunsSQLText(call, m) {
		// A receiver of unknown type (declared in another file) given a
		// SQL statement to run.
		return "queries the database", true
	}
	if kind == "" && s.sapiSendsBSON(call, m) {
		// A MongoDB collection of unknown type given a bson document.
		return "queries the database", true
	}
	return "", false
}

// recvKind classifies a receiver as "http", "db", "redis", "redigo" or
// "known" (a knowledge query type), from its declared type or initialiser,
// or, failing those, its name.
func (s *sapiGo) recvKind(e parsers.Node, depth int) string {
	if depth > 4 {
		return ""
	}
	e = Unparen(e)
	if s.httpPkg != "" && e.Text() == s.httpPkg+".DefaultClient" {
		return "http"
	}
	var decls []Decl
	switch e.Type() {
	case "identifier":
		if _, pkg := s.fs.Import(e.Text()); pkg {
			return "" // a package, not a client: redis.NewClient(…)
		}
		if d, ok := s.fs.Resolve(e); ok {
			decls = []Decl{d}
		}
	case "selector_expression":
		if d, ok := s.fs.ResolveExpr(e); ok {
			decls = []Decl{d}
		} else {
			decls = s.fs.Fields(e.Field("field").Text())
		}
	case "call_expression":
		// gorm chains: db.Where(…).First(…)
		inner := Unparen(e.Field("function"))
		if inner.Type() == "selector_expression" && sapiGormBuilders[inner.Field("field").Text()] {
			if k := s.recvKind(inner.Field("operand"), depth+1); k == "db" {
				return k
			}
		}
		return ""
	default:
		return ""
	}
	for _, d := range decls {
		if k := s.typeKind(d.Type); k != "" {
			return k
		}
		if s.knowledgeQuery && MatchType(s.p.Knowledge.QueryTypes, d.Type) {
			return "known"
		}
		if !d.Init.IsNull() {
			init := Unparen(d.Init)
			if init.Type() == "unary_expression" {
				init = Unparen(init.Field("operand"))
			}
			switch init.Type() {
			case "composite_literal":
				if s.httpPkg != "" && collapse(init.Field("type").Text()) == s.httpPkg+".Client" {
					return "http"
				}
			case "call_expression":
				f := collapse(Unparen(init.Field("function")).Text())
				if sapiDBInits[f] {
					return "db"
				}
				if s.goRedis != "" && strings.HasPrefix(f, s.goRedis+".New") {
					return "redis"
				}
				if strings.HasSuffix(f, ".Get") && s.redigo != "" {
					return "redigo"
				}
			}
		}
		if d.Type != "" || !d.Init.IsNull() {
			return ""
		}
	}
	if len(decls) > 0 {
		return ""
	}
	switch l := strings.ToLower(hpLastSegment(e)); {
	case l == "db" || l == "sqldb" || l == "database" || l == "pool" && s.fs.ImportsAny("github.com/jackc/pgx"):
		return "db"
	case l == "rdb" || l == "redis" || l == "redisclient":
		return "redis"
	case strings.HasSuffix(l, "httpclient"):
		return "http"
	case strings.HasSuffix(l, "client"):
		return "client?" // only client.Do(req) counts, see io
	}
	return ""
}

func (s *sapiGo) typeKind(t string) string {
	if t == "" {
		return ""
	}
	t = strings.TrimLeft(t, "*")
	if s.httpPkg != "" && t == s.httpPkg+".Client" {
		return "http"
	}
	if sapiDBTypes[t] {
		return "db"
	}
	pkg, name, _ := strings.Cut(t, ".")
	if s.goRedis != "" && pkg == s.goRedis && cwtGoRedisTypes[name] {
		return "redis"
	}
	if s.redigo != "" && pkg == s.redigo && (name == "Conn" || name == "Pool") {
		return "redigo"
	}
	return ""
}

// inTestHelper reports whether the function f is, or runs inside, a
// function given a *testing.T, *testing.B, *testing.F or testing.TB: a fake
// server a test starts, which serves only that test's requests.
func (s *sapiGo) inTestHelper(f parsers.Node) bool {
	testing := ""
	for local, im := range s.fs.imports {
		if im.Module == "testing" {
			testing = local
		}
	}
	if testing == "" || testing == "_" {
		return false
	}
	for ; !f.IsNull(); f = EnclosingFunction(f) {
		for _, pd := range f.Field("parameters").NamedChildren() {
			if pd.Type() != "parameter_declaration" {
				continue
			}
			switch strings.TrimPrefix(collapse(pd.Field("type").Text()), "*") {
			case testing + ".T", testing + ".B", testing + ".F", testing + ".TB":
				return true
			}
		}
	}
	return false
}
