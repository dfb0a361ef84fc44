package rules

import (
	"bytes"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Resource kinds.
var (
	mrGoRows   = &mrKind{pathRelease: []string{"Close"}, verb: "closed", releaseCall: "%s.Close()"}
	mrGoTx     = &mrKind{pathRelease: []string{"Commit", "Rollback"}, verb: "rolled back", releaseCall: "%s.Rollback()", trx: true}
	mrGoConn   = &mrKind{pathRelease: []string{"Close"}, verb: "closed", releaseCall: "%s.Close()"}
	mrGoPgConn = &mrKind{pathRelease: []string{"Release", "Destroy", "Hijack", "ReleaseUnused"}, verb: "released", releaseCall: "%s.Release()"}
	mrGoStmt   = &mrKind{pathRelease: []string{"Close"}, verb: "closed", releaseCall: "%s.Close()"}
	mrGoResp   = &mrKind{body: true, verb: "closed", releaseCall: "%s.Body.Close()"}

	mrTSPgClient = &mrKind{pathRelease: []string{"release", "end"}, verb: "released", releaseCall: "%s.release()"}
	mrTSMysql    = &mrKind{pathRelease: []string{"release", "end", "destroy", "close"}, verb: "released", releaseCall: "%s.release()"}
	mrTSRunner   = &mrKind{pathRelease: []string{"release"}, verb: "released", releaseCall: "%s.release()"}
	mrTSTrx      = &mrKind{pathRelease: []string{"commit", "rollback"}, verb: "committed or rolled back", releaseCall: "%s.rollback()", trx: true}
)

// Methods whose use on a variable shows what it is.
var (
	mrRowsUses   = []string{"Next", "Scan", "Close", "Err", "Columns", "ColumnTypes", "NextResultSet", "Values", "RawValues", "FieldDescriptions", "CommandTag", "StructScan", "MapScan", "SliceScan"}
	mrConnUses   = []string{"Close", "ExecContext", "QueryContext", "QueryRowContext", "PrepareContext", "BeginTx", "Raw", "PingContext"}
	mrPgConnUse  = []string{"Release", "Exec", "Query", "QueryRow", "Begin", "BeginTx", "Conn", "SendBatch", "CopyFrom", "Ping", "Hijack", "Destroy", "Value"}
	mrStmtUses   = []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Close", "Get", "Select", "MustExec", "QueryRowx", "Queryx", "GetContext", "SelectContext"}
	mrGormTxUses = []string{"Commit", "Rollback", "Create", "Save", "First", "Find", "Take", "Where", "Model", "Exec", "Raw",
		"Delete", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Table", "Clauses", "CreateInBatches", "FirstOrCreate"}
	mrTxExecs = []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "NamedExec", "NamedExecContext", "Get", "Select", "SendBatch", "CopyFrom"}
)

// mrUses is how a variable is used in a function: the methods called on
// it, the fields read from it, and whether it is itself called.
type mrUses struct {
	methods map[string]bool
	fields  map[string]bool
	called  bool
}

func (u mrUses) any(methods ...string) bool {
	for _, m := range methods {
		if u.methods[m] {
			return true
		}
	}
	return false
}

// Functions that read a body to the end and return what they read.
var mrBodyConsumers = []string{"ReadAll", "Copy", "CopyN", "ReadFull", "Unmarshal"}

func mrCollectUses(body parsers.Node, name string) mrUses {
	u := mrUses{methods: map[string]bool{}, fields: map[string]bool{}}
	body.Walk(func(n parsers.Node) bool {
		if !mrTextIs(n, name) || n.Type() != "identifier" {
			return true
		}
		e := n
		for {
			p := e.Parent()
			switch p.Type() {
			case "parenthesized_expression", "non_null_expression", "as_expression":
				e = p
				continue
			case "call_expression":
				if p.Field("function").ID() == e.ID() {
					u.called = true
				}
			case "member_expression", "selector_expression":
				if mrObject(p).ID() != e.ID() {
					break
				}
				prop := mrProperty(p)
				if gp := p.Parent(); gp.Type() == "call_expression" && gp.Field("function").ID() == p.ID() {
					u.methods[prop] = true
				} else {
					u.fields[prop] = true
					// resp.Body.Close(): record the method on the field too.
					if gp.Type() == "selector_expression" || gp.Type() == "member_expression" {
						if ggp := gp.Parent(); ggp.Type() == "call_expression" && ggp.Field("function").ID() == gp.ID() {
							u.methods[prop+"."+mrProperty(gp)] = true
						}
					}
				}
			}
			break
		}
		return true
	})
	return u
}

// mrObject returns the object of a member or selector expression.
func mrObject(n parsers.Node) parsers.Node {
	if n.Type() == "selector_expression" {
		return n.Field("operand")
	}
	return n.Field("object")
}

// mrProperty returns the property or field name of a member or selector
// expression.
func mrProperty(n parsers.Node) string {
	if n.Type() == "selector_expression" {
		return n.Field("field").Text()
	}
	return n.Field("property").Text()
}

// mrStatementParents are the nodes whose children are statements.
var mrStatementParents = map[string]bool{
	"block": true, "expression_case": true, "default_case": true, "type_case": true, "communication_case": true,
	"statement_block": true, "switch_case": true, "switch_default": true,
}

// mrAcquisition recognises an acquiring call bound to a variable by a
// statement, or returns nil.
func mrAcquisition(p *Pass, call parsers.Node) *mrResource {
	if p.File.Lang == parsers.Go {
		return mrGoAcquisition(p, call)
	}
	return mrTSAcquisition(p, call)
}

// Methods that acquire a built-in resource kind, per language family.
var (
	mrGoMethods = map[string]bool{"Query": true, "QueryContext": true, "Queryx": true, "QueryxContext": true,
		"NamedQuery": true, "NamedQueryContext": true, "Begin": true, "BeginTx": true, "Beginx": true, "BeginTxx": true,
		"Conn": true, "Acquire": true, "Prepare": true, "Preparex": true, "PrepareNamed": true, "PrepareContext": true,
		"PreparexContext": true, "PrepareNamedContext": true, "Rows": true, "Get": true, "Post": true, "PostForm": true, "Head": true, "Do": true, "GetContext": true}
	mrTSMethods = map[string]bool{"connect": true, "getConnection": true, "createQueryRunner": true, "transaction": true, "acquire": true,
		"reserve": true, "startTransaction": true}
)

// mrCandidate reports whether a call's method could acquire something: a
// built-in method name, or any call when the repository declares its own
// resources.
func mrCandidate(p *Pass, method string, builtin map[string]bool) bool {
	return builtin[method] || (p.Knowledge != nil && len(p.Knowledge.Resources) > 0 && method != "")
}

func mrGoAcquisition(p *Pass, call parsers.Node) *mrResource {
	list := call.Parent()
	if list.Type() != "expression_list" {
		return nil
	}
	recv, method := Callee(call)
	if !mrCandidate(p, method, mrGoMethods) {
		return nil
	}
	stmt := list.Parent()
	if (stmt.Type() != "short_var_declaration" && stmt.Type() != "assignment_statement") ||
		stmt.Field("right").ID() != list.ID() || len(list.NamedChildren()) != 1 {
		return nil
	}
	if !mrStatementParents[stmt.Parent().Type()] {
		return nil
	}
	if stmt.Type() == "assignment_statement" && stmt.Field("operator").Type() != "=" {
		return nil
	}
	lhs := stmt.Field("left").NamedChildren()
	// GORM's Begin returns the transaction alone (its error is tx.Error).
	gormTx := len(lhs) == 1 && method == "Begin" && mrGoImportsGORM(p)
	// redigo's pool.Get() and go-redis' rdb.Conn() return the connection
	// alone.
	oneResult := len(lhs) == 1 && mrGoOneResult(method)
	if !gormTx && !oneResult && (len(lhs) != 2 || lhs[1].Type() != "identifier") {
		return nil
	}
	if lhs[0].Type() != "identifier" || lhs[0].Text() == "_" {
		return nil
	}
	fn := EnclosingFunction(stmt)
	body := fn.Field("body")
	if fn.IsNull() || body.Type() != "block" {
		return nil
	}
	name := lhs[0].Text()
	if stmt.Type() == "assignment_statement" {
		d, ok := p.Facts().Resolve(lhs[0])
		if !ok || d.Kind != VarDecl || !fn.Contains(d.Node) || EnclosingFunction(d.Node).ID() != fn.ID() {
			return nil
		}
	}
	r := &mrResource{name: name, call: call, stmt: stmt, fn: fn, body: body, facts: p.Facts(), gormTx: gormTx}
	if !gormTx && !oneResult {
		r.errName = lhs[1].Text()
	}
	if recv.IsNull() {
		r.what = method
	} else {
		r.what = mrShort(recv) + "." + method
	}
	args := call.Field("arguments").NamedChildren()
	uses := mrCollectUses(body, name)
	if k := mrKnowledgeKind(p, call); k != nil {
		r.kind = k
		return r
	}
	if recv.IsNull() {
		return nil
	}
	for m := range uses.methods {
		if m == "" {
			continue
		}
		if c := m[0]; c >= 'a' && c <= 'z' {
			// An unexported method: the resource's type is defined here
			// (a driver's own code), and what its methods do is unknown.
			return nil
		}
	}
	n := len(args)
	if oneResult || method == "GetContext" {
		if r.kind = mrGoPooledConn(p, recv, method, n, oneResult, uses); r.kind == nil {
			return nil
		}
		return r
	}
	switch method {
	case "Query", "QueryContext", "Queryx", "QueryxContext", "NamedQuery", "NamedQueryContext":
		if n >= 1 && uses.any(mrRowsUses...) {
			r.kind = mrGoRows
		}
	case "Begin", "BeginTx", "Beginx", "BeginTxx":
		ok := (method == "Begin" && n <= 1) || (method == "Beginx" && n == 0) || ((method == "BeginTx" || method == "BeginTxx") && n == 2)
		switch {
		case gormTx:
			if ok && uses.any(mrGormTxUses...) {
				r.kind = mrGoTx
			}
		case ok && (uses.any("Commit", "Rollback") || (uses.any(mrTxExecs...) && mrGoImportsSQL(p))):
			r.kind = mrGoTx
			r.rollbackArgs = mrGoRollbackArgs(p, r, args)
		}
	case "Rows":
		// GORM's and bun's query builders end in .Rows(), which returns
		// *sql.Rows.
		if n <= 1 && uses.any(mrRowsUses...) && (mrGoImportsGORM(p) || p.Facts().Imports("github.com/uptrace/bun")) {
			r.kind = mrGoRows
		}
	case "Conn":
		if n == 1 && uses.any(mrConnUses...) {
			r.kind = mrGoConn
		}
	case "Acquire":
		if n == 1 && uses.any(mrPgConnUse...) {
			r.kind = mrGoPgConn
		}
	case "Prepare", "Preparex", "PrepareNamed", "PrepareContext", "PreparexContext", "PrepareNamedContext":
		want := 1
		if strings.HasSuffix(method, "Context") {
			want = 2
		}
		if n == want && uses.any(mrStmtUses...) && !mrGoIsTx(p, recv) {
			r.kind = mrGoStmt
		}
	case "Get", "Post", "PostForm", "Head", "Do":
		if mrGoHTTPCall(p, call, recv, method, n, uses) {
			r.kind = mrGoResp
		}
	}
	if r.kind == nil {
		return nil
	}
	return r
}

// mrGoImportsGORM reports whether a Go file imports GORM (v2 or v1).
func mrGoImportsGORM(p *Pass) bool {
	return p.Facts().ImportsAny("gorm.io/gorm", "github.com/jinzhu/gorm")
}

// mrGoImportsSQL reports whether a Go file imports a SQL client.
func mrGoImportsSQL(p *Pass) bool {
	return p.Facts().ImportsAny("database/sql", "github.com/jmoiron/sqlx", "github.com/jackc/pgx", "go.etcd.io/bbolt")
}

// mrGoRollbackArgs returns the arguments a deferred Rollback needs: pgx's
// Rollback takes a context, database/sql's none.
func mrGoRollbackArgs(p *Pass, r *mrResource, beginArgs []parsers.Node) string {
	found, arg := false, ""
	r.body.Walk(func(n parsers.Node) bool {
		if found || n.Type() != "call_expression" {
			return !found
		}
		recv, m := Callee(n)
		if (m == "Rollback" || m == "Commit") && mrIsName(recv, r.name) {
			if a := n.Field("arguments").NamedChildren(); len(a) == 1 {
				found, arg = true, a[0].Text()
			} else {
				found = true
			}
		}
		return true
	})
	if found {
		return arg
	}
	if p.Facts().Imports("github.com/jackc/pgx") && !p.Facts().Imports("database/sql") && len(beginArgs) >= 1 {
		return beginArgs[0].Text()
	}
	return ""
}

// mrGoIsTx reports whether a receiver is a transaction: statements it
// prepares are closed with it.
func mrGoIsTx(p *Pass, recv parsers.Node) bool {
	for _, t := range receiverNames(recv) {
		l := strings.ToLower(t)
		if l == "tx" || strings.HasSuffix(l, "tx") || strings.HasSuffix(l, "txn") {
			return true
		}
	}
	if d, ok := p.Facts().ResolveExpr(recv); ok {
		if strings.Contains(d.Type, "Tx") {
			return true
		}
		if init := Unparen(d.Init); init.Type() == "call_expression" {
			if _, m := Callee(init); strings.HasPrefix(m, "Begin") {
				return true
			}
		}
	}
	return false
}

// mrGoHTTPCall reports whether recv.method(…) is an HTTP request returning
// a response whose body must be closed.
func mrGoHTTPCall(p *Pass, call, recv parsers.Node, method string, nargs int, uses mrUses) bool {
	fs := p.Facts()
	if !fs.Imports("net/http") && !mrGoHTTPTyped(p, recv) {
		return false
	}
	recv = Unparen(recv)
	if recv.Type() == "identifier" {
		if im, ok := fs.Import(recv.Text()); ok {
			return im.Module == "net/http" && method != "Do"
		}
	}
	if recv.Type() == "selector_expression" && recv.Field("field").Text() == "DefaultClient" {
		if im, ok := fs.Import(recv.Field("operand").Text()); ok && im.Module == "net/http" {
			return true
		}
	}
	if mrGoHTTPTyped(p, recv) {
		return true
	}
	// An unknown receiver: trust it when the call looks like an HTTP request
	// and the result is used like a response.
	// A wrapper's response type may have a []byte Body, so ask for an
	// *http.Request argument or a Body read as a stream.
	usedAsResp := uses.fields["Body"] || uses.fields["StatusCode"] || uses.fields["Header"] || uses.fields["Status"]
	if !usedAsResp || !fs.Imports("net/http") {
		return false
	}
	if method == "Do" {
		return nargs == 1 && (mrGoHTTPRequestArg(p, call) || mrGoBodyAsReader(p, call))
	}
	for _, t := range receiverNames(recv) {
		if strings.Contains(strings.ToLower(t), "client") {
			return mrGoBodyAsReader(p, call)
		}
	}
	return false
}

// mrGoHTTPRequestArg reports whether the call's only argument is a request
// built by http.NewRequest, http.NewRequestWithContext or httptest.NewRequest.
func mrGoHTTPRequestArg(p *Pass, call parsers.Node) bool {
	arg := call.Field("arguments").NamedChild(0)
	if d, ok := p.Facts().ResolveExpr(arg); ok {
		if init := Unparen(d.Init); init.Type() == "call_expression" {
			_, m := Callee(init)
			return strings.HasPrefix(m, "NewRequest")
		}
		return strings.Contains(d.Type, "http.Request")
	}
	return false
}

// mrGoBodyAsReader reports whether the response bound by the statement
// around call has its Body closed, read or decoded as a stream.
func mrGoBodyAsReader(p *Pass, call parsers.Node) bool {
	stmt := call.Parent().Parent()
	name := stmt.Field("left").NamedChild(0).Text()
	fn := EnclosingFunction(stmt)
	found := false
	fn.Field("body").Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() != "selector_expression" || !mrIsBodyOf(n, name) {
			return true
		}
		switch par := n.Parent(); par.Type() {
		case "selector_expression": // resp.Body.Close(), resp.Body.Read
			found = true
		case "argument_list":
			switch mrCalleeName(par.Parent()) {
			case "ReadAll", "NewDecoder", "Copy", "CopyN", "ReadFull", "NewReader", "NewScanner", "LimitReader", "Parse", "TeeReader":
				found = true
			}
		}
		return true
	})
	return found
}

func mrGoHTTPTyped(p *Pass, recv parsers.Node) bool {
	d, ok := p.Facts().ResolveExpr(recv)
	if !ok {
		return false
	}
	if t := strings.TrimLeft(d.Type, "*"); t == "http.Client" {
		return true
	}
	init := collapse(Unparen(d.Init).Text())
	return strings.HasPrefix(init, "&http.Client{") || strings.HasPrefix(init, "http.Client{") || init == "http.DefaultClient"
}

// mrKnowledgeKind matches a call against the repository's own
// acquire/release pairs.
func mrKnowledgeKind(p *Pass, call parsers.Node) *mrKind {
	if p.Knowledge == nil {
		return nil
	}
	for _, res := range p.Knowledge.Resources {
		if MatchCall([]string{res.Acquire}, call) {
			rel := res.Release
			if i := strings.LastIndex(rel, "."); i >= 0 {
				rel = rel[i+1:]
			}
			return &mrKind{pathRelease: []string{rel}, poolRelease: []string{rel}, verb: "released", releaseCall: "%s." + rel + "()"}
		}
	}
	return nil
}

func mrTSAcquisition(p *Pass, call parsers.Node) *mrResource {
	switch call.Parent().Type() {
	case "await_expression", "variable_declarator", "assignment_expression", "parenthesized_expression", "as_expression", "non_null_expression":
	case "expression_statement", "return_statement", "arrow_function":
		return mrTSCallbackAcquisition(p, call)
	case "member_expression":
		return mrTSThenAcquisition(p, call)
	default:
		return nil
	}
	recv, method := Callee(call)
	if !mrCandidate(p, method, mrTSMethods) {
		return nil
	}
	e := call
	awaited := false
	if par := e.Parent(); par.Type() == "await_expression" {
		e, awaited = par, true
	}
	for e.Parent().Type() == "parenthesized_expression" || e.Parent().Type() == "as_expression" || e.Parent().Type() == "non_null_expression" {
		e = e.Parent()
	}
	var nameNode, stmt parsers.Node
	switch par := e.Parent(); par.Type() {
	case "variable_declarator":
		if par.Field("value").ID() != e.ID() {
			return nil
		}
		nameNode, stmt = par.Field("name"), par.Parent()
		if stmt.Type() != "lexical_declaration" && stmt.Type() != "variable_declaration" {
			return nil
		}
	case "assignment_expression":
		if par.Field("right").ID() != e.ID() {
			return nil
		}
		nameNode, stmt = par.Field("left"), par.Parent()
		if stmt.Type() != "expression_statement" {
			return nil
		}
	default:
		return nil
	}
	if nameNode.Type() != "identifier" || !mrStatementParents[stmt.Parent().Type()] {
		return nil
	}
	fn := EnclosingFunction(stmt)
	body := fn.Field("body")
	if fn.IsNull() || body.Type() != "statement_block" {
		return nil
	}
	if stmt.Type() == "expression_statement" {
		d, ok := p.Facts().Resolve(nameNode)
		if !ok || d.Kind != VarDecl || EnclosingFunction(d.Node).ID() != fn.ID() {
			return nil
		}
	}
	name := nameNode.Text()
	r := &mrResource{name: name, call: call, stmt: stmt, fn: fn, body: body, facts: p.Facts()}
	if recv.IsNull() {
		r.what = method + "()"
	} else {
		r.what = mrShort(recv) + "." + method + "()"
	}
	if k := mrKnowledgeKind(p, call); k != nil {
		r.kind = k
		return r
	}
	if recv.IsNull() {
		return nil
	}
	args := call.Field("arguments").NamedChildren()
	uses := mrCollectUses(body, name)
	if uses.any("on", "once", "addListener") && !uses.any("release", "commit", "rollback") {
		// A client that subscribes to events (LISTEN/NOTIFY, error
		// handlers) and is never released is a long-lived one by design.
		return nil
	}
	fs := p.Facts()
	switch method {
	case "connect":
		pg := mrTSPoolish(p, recv) || fs.ImportsAny("pg", "pg-pool", "@neondatabase/serverless", "@vercel/postgres")
		if awaited && len(args) == 0 && !mrTSNotPool(p, recv) &&
			(uses.methods["release"] || (pg && uses.any("query"))) {
			r.kind = mrTSPgClient
		} else {
			r.kind = mrTSPooled(p, recv, method, args, awaited, body, name, uses)
		}
	case "reserve", "startTransaction":
		r.kind = mrTSPooled(p, recv, method, args, awaited, body, name, uses)
	case "getConnection":
		my := mrTSPoolish(p, recv) || fs.ImportsAny("mysql2", "mysql", "mariadb", "mysql2/promise", "oracledb")
		if awaited && len(args) == 0 && !mrTSNotPool(p, recv) &&
			(uses.any("release", "end", "destroy", "close") || (my && uses.any("query", "execute", "beginTransaction"))) {
			r.kind = mrTSMysql
		}
	case "createQueryRunner":
		r.kind = mrTSRunner
	case "transaction":
		if awaited && !mrTSHasCallback(args) && (uses.any("commit", "rollback") ||
			p.Facts().ImportsAny("knex", "sequelize", "sequelize-typescript")) {
			r.kind = mrTSTrx
		}
	case "acquire":
		// uses.called: const release = await mutex.acquire() is a release
		// function, not a pooled object.
		if awaited && len(args) <= 1 && !mrTSHasCallback(args) && !mrTSLockish(recv) && !uses.called {
			pool := mrShort(recv)
			if uses.methods["release"] || mrTSPoolish(p, recv) || p.Facts().Imports("generic-pool") {
				r.kind = &mrKind{pathRelease: []string{"release", "destroy"}, poolRelease: []string{"release", "destroy"},
					verb: "released", releaseCall: pool + ".release(%s)"}
			}
		}
	}
	if r.kind == nil {
		return nil
	}
	return r
}

// mrTSCallbackAcquisition recognises the callback forms
// pool.getConnection((err, conn) => …) (mysql, mysql2) and
// pool.connect((err, client, done) => …) (pg).
func mrTSCallbackAcquisition(p *Pass, call parsers.Node) *mrResource {
	recv, method := Callee(call)
	if recv.IsNull() || (method != "getConnection" && method != "connect") {
		return nil
	}
	args := call.Field("arguments").NamedChildren()
	if len(args) != 1 {
		return nil
	}
	fn := Unparen(args[0])
	if fn.Type() != "arrow_function" && fn.Type() != "function_expression" && fn.Type() != "function" {
		return nil
	}
	body := fn.Field("body")
	if body.Type() != "statement_block" {
		return nil
	}
	var params []string
	for _, prm := range fn.Field("parameters").NamedChildren() {
		id := prm
		if prm.Type() == "required_parameter" || prm.Type() == "optional_parameter" {
			id = prm.Field("pattern")
		}
		if id.Type() != "identifier" {
			return nil
		}
		params = append(params, id.Text())
	}
	if len(params) < 2 {
		return nil
	}
	r := &mrResource{name: params[1], cbErr: params[0], cb: true, call: call, stmt: call, fn: fn, body: body,
		what: mrShort(recv) + "." + method + "()", facts: p.Facts()}
	uses := mrCollectUses(body, r.name)
	fs := p.Facts()
	if method == "getConnection" {
		if !(uses.any("release", "destroy", "end") || ((mrTSPoolish(p, recv) || fs.ImportsAny("mysql", "mysql2", "mariadb")) && uses.any("query", "execute"))) {
			return nil
		}
		r.kind = mrTSMysql
	} else {
		if len(params) >= 3 {
			r.releaseFn = params[2]
		}
		if mrTSNotPool(p, recv) || !(uses.methods["release"] || r.releaseFn != "") ||
			!(mrTSPoolish(p, recv) || fs.ImportsAny("pg", "pg-pool")) {
			return nil
		}
		r.kind = mrTSPgClient
	}
	// Callbacks given to the resource's own methods that release it carry
	// its life on: conn.query(sql, (err, rows) => { conn.release(); … }).
	body.Walk(func(n parsers.Node) bool {
		if n.Type() != "call_expression" {
			return true
		}
		if rv, _ := Callee(n); !mrIsName(rv, r.name) {
			return true
		}
		for _, a := range n.Field("arguments").NamedChildren() {
			if a = Unparen(a); IsFunction(a) && mrContainsRelease(r, a) {
				r.units = append(r.units, a)
			}
		}
		return true
	})
	return r
}

// mrTSThenAcquisition recognises an acquisition continued by a promise
// callback: pool.getConnection().then(async (conn) => { … }) (also
// connect() and generic-pool's acquire()). The connection is the
// callback's first parameter and must be released on every path of its
// body, including awaits that reject.
func mrTSThenAcquisition(p *Pass, call parsers.Node) *mrResource {
	member := call.Parent()
	if member.Field("object").ID() != call.ID() || member.Field("property").Text() != "then" {
		return nil
	}
	then := member.Parent()
	if then.Type() != "call_expression" || then.Field("function").ID() != member.ID() {
		return nil
	}
	recv, method := Callee(call)
	if recv.IsNull() || (method != "getConnection" && method != "connect" && method != "acquire") ||
		len(call.Field("arguments").NamedChildren()) != 0 {
		return nil
	}
	thenArgs := then.Field("arguments").NamedChildren()
	if len(thenArgs) == 0 {
		return nil
	}
	fn := Unparen(thenArgs[0])
	if fn.Type() != "arrow_function" && fn.Type() != "function_expression" && fn.Type() != "function" {
		return nil
	}
	body := fn.Field("body")
	// An expression body, pool.connect().then((client) => client.query(…)
	// .then(…)), is taken when it releases the client somewhere.
	exprBody := body.Type() != "statement_block"
	if exprBody && (fn.Type() != "arrow_function" || body.IsNull()) {
		return nil
	}
	names, _ := hpJSParams(fn)
	if len(names) != 1 || !mrTSIdent(names[0]) {
		return nil
	}
	r := &mrResource{name: names[0], cb: true, then: true, call: call, stmt: call, fn: fn, body: body,
		what: mrShort(recv) + "." + method + "()", facts: p.Facts()}
	uses := mrCollectUses(body, r.name)
	if uses.any("on", "once", "addListener") && !uses.any("release", "destroy") {
		return nil
	}
	fs := p.Facts()
	switch method {
	case "getConnection":
		my := mrTSPoolish(p, recv) || fs.ImportsAny("mysql2", "mysql", "mariadb", "mysql2/promise", "oracledb")
		if !mrTSNotPool(p, recv) && (uses.any("release", "end", "destroy") || (my && uses.any("query", "execute", "beginTransaction"))) {
			r.kind = mrTSMysql
		}
	case "connect":
		pg := mrTSPoolish(p, recv) || fs.ImportsAny("pg", "pg-pool", "@neondatabase/serverless", "@vercel/postgres")
		if !mrTSNotPool(p, recv) && (uses.methods["release"] || (pg && uses.any("query"))) {
			r.kind = mrTSPgClient
		}
	case "acquire":
		if !mrTSLockish(recv) && !uses.called && (uses.methods["release"] || mrTSPoolish(p, recv) || fs.Imports("generic-pool")) {
			pool := mrShort(recv)
			r.kind = &mrKind{pathRelease: []string{"release", "destroy"}, poolRelease: []string{"release", "destroy"},
				verb: "released", releaseCall: pool + ".release(%s)"}
		}
	}
	if r.kind == nil {
		return nil
	}
	if exprBody && !mrContainsRelease(r, body) {
		return nil
	}
	return r
}

// mrTSIdent reports whether s is a plain JavaScript identifier.
func mrTSIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// mrTSHasCallback reports whether an argument is a function: knex and
// Sequelize manage a transaction handed to a callback themselves.
func mrTSHasCallback(args []parsers.Node) bool {
	for _, a := range args {
		if IsFunction(Unparen(a)) || Unparen(a).Type() == "identifier" && strings.Contains(strings.ToLower(a.Text()), "callback") {
			return true
		}
	}
	return false
}

// mrTSPoolish reports whether a receiver names or was built as a pool.
func mrTSPoolish(p *Pass, recv parsers.Node) bool {
	for _, t := range receiverNames(recv) {
		if strings.Contains(strings.ToLower(t), "pool") {
			return true
		}
	}
	if d, ok := p.Facts().ResolveExpr(recv); ok {
		if strings.Contains(d.Type, "Pool") {
			return true
		}
		init := Unparen(d.Init)
		if init.Type() == "await_expression" {
			init = Unparen(init.NamedChild(0))
		}
		switch init.Type() {
		case "new_expression":
			return strings.Contains(init.Field("constructor").Text(), "Pool")
		case "call_expression":
			return strings.Contains(strings.ToLower(init.Field("function").Text()), "pool")
		}
	}
	return false
}

// mrTSNotPool reports receivers that are plainly not connection pools:
// Redis and MongoDB clients, message brokers.
func mrTSNotPool(p *Pass, recv parsers.Node) bool {
	d, ok := p.Facts().ResolveExpr(recv)
	if !ok {
		return false
	}
	t := d.Type + " " + collapse(d.Init.Text())
	for _, w := range []string{"MongoClient", "Redis", "createClient", "amqp", "mongoose", "Kafka", "WebSocket", "Socket"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// mrTSLockish reports receivers that are locks: their acquire() returns a
// release function or nothing to release on the result.
func mrTSLockish(recv parsers.Node) bool {
	for _, t := range receiverNames(recv) {
		l := strings.ToLower(t)
		if strings.Contains(l, "mutex") || strings.Contains(l, "lock") || strings.Contains(l, "semaphore") || strings.Contains(l, "sem") {
			return true
		}
	}
	return false
}

// mrTextIs reports whether n's source text is s, without allocating.
func mrTextIs(n parsers.Node, s string) bool {
	f := n.File()
	if f == nil {
		return false
	}
	a, b := n.StartByte(), n.EndByte()
	return int(b-a) == len(s) && string(f.Src[a:b]) == s
}

// mrTextHas reports whether s occurs in n's source text, without
// allocating: a cheap test before a walk.
func mrTextHas(n parsers.Node, s string) bool {
	f := n.File()
	if f == nil {
		return false
	}
	return bytes.Contains(f.Src[n.StartByte():n.EndByte()], []byte(s))
}

// mrIsName reports whether an expression is the identifier name (through
// parentheses, non-null assertions and Go's &).
func mrIsName(n parsers.Node, name string) bool {
	n = Unparen(n)
	if n.Type() == "unary_expression" && n.Field("operator").Type() == "&" {
		n = Unparen(n.Field("operand"))
	}
	return n.Type() == "identifier" && mrTextIs(n, name)
}

// mrIsBodyOf reports whether an expression is name.Body.
func mrIsBodyOf(n parsers.Node, name string) bool {
	n = Unparen(n)
	return n.Type() == "selector_expression" && n.Field("field").Text() == "Body" && mrIsName(n.Field("operand"), name)
}

// mrIsRelease reports whether a call releases the resource: a release
// method on it (rows.Close(), client.release(), resp.Body.Close()), a pool
// method given it (pool.release(res)), or a helper whose name says it
// closes what it is given (closeBody(resp), safeClose(rows)).
func mrIsRelease(r *mrResource, call parsers.Node) bool {
	recv, m := Callee(call)
	if !recv.IsNull() {
		if mrIsName(recv, r.name) && r.kind.releases(m) {
			return true
		}
		if r.kind.body && m == "Close" && mrIsBodyOf(recv, r.name) {
			return true
		}
	}
	if recv.IsNull() && r.releaseFn != "" && m == r.releaseFn {
		return true // done()
	}
	bare, mentioned := false, false
	var at []int
	for i, a := range call.Field("arguments").NamedChildren() {
		if mrIsName(a, r.name) {
			bare, mentioned = true, true
			at = append(at, i)
		} else if r.kind.body && mrIsBodyOf(a, r.name) {
			mentioned = true
			at = append(at, i)
		}
	}
	if bare && !recv.IsNull() && mrIn(m, r.kind.poolRelease) {
		return true
	}
	return mentioned && (mrCloseish(m) || mrHelperReleases(r.facts, m, at))
}

// Methods whose call inside a helper shows that it releases what it is
// given.
var mrReleaseMethods = []string{"Close", "Release", "Rollback", "Commit", "release", "close", "end", "destroy", "rollback", "commit"}

// mrHelperReleases reports whether a function of the same file named name
// releases what it is given at one of the argument positions at:
// finish(resp) where finish calls r.Body.Close() on its parameter r. A
// helper that only closes something of its own (rows it queried with the
// transaction it borrowed) does not release the argument.
func mrHelperReleases(fs *Facts, name string, at []int) bool {
	if fs == nil || name == "" {
		return false
	}
	for _, fn := range fs.Functions(name) {
		params := mrParamNames(fn)
		want := map[string]bool{}
		for _, i := range at {
			if i < len(params) && params[i] != "" && params[i] != "_" {
				want[params[i]] = true
			}
		}
		if len(want) == 0 {
			continue
		}
		found := false
		fn.Field("body").Walk(func(n parsers.Node) bool {
			if found {
				return false
			}
			if n.Type() == "call_expression" {
				if recv, m := Callee(n); !recv.IsNull() && mrIn(m, mrReleaseMethods) {
					if root := RootIdent(recv); !root.IsNull() && want[root.Text()] {
						found = true
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// mrParamNames lists a function's parameters by position ("" where a
// position binds no single name, such as a destructuring pattern). A Go
// declaration `a, b *T` gives two positions.
func mrParamNames(fn parsers.Node) []string {
	var out []string
	for _, pd := range fn.Field("parameters").NamedChildren() {
		switch pd.Type() {
		case "parameter_declaration", "variadic_parameter_declaration":
			names := 0
			for _, c := range pd.NamedChildren() {
				if c.Type() == "identifier" && pd.Field("type").ID() != c.ID() {
					out = append(out, c.Text())
					names++
				}
			}
			if names == 0 {
				out = append(out, "")
			}
		case "identifier":
			out = append(out, pd.Text())
		case "required_parameter", "optional_parameter":
			if pt := pd.Field("pattern"); pt.Type() == "identifier" {
				out = append(out, pt.Text())
			} else {
				out = append(out, "")
			}
		case "assignment_pattern":
			if l := pd.Field("left"); l.Type() == "identifier" {
				out = append(out, l.Text())
			} else {
				out = append(out, "")
			}
		case "comment":
		default:
			out = append(out, "")
		}
	}
	return out
}

// mrMayRelease is a cheap filter: a release names the resource, or is
// pg's done() parameter.
func mrMayRelease(r *mrResource, n parsers.Node) bool {
	return mrTextHas(n, r.name) || (r.releaseFn != "" && mrTextHas(n, r.releaseFn))
}

// mrContainsRelease reports whether a release of the resource happens
// anywhere under n.
func mrContainsRelease(r *mrResource, n parsers.Node) bool {
	if !mrMayRelease(r, n) {
		return false
	}
	found := false
	n.Walk(func(c parsers.Node) bool {
		if found {
			return false
		}
		if c.Type() == "call_expression" && mrIsRelease(r, c) {
			found = true
		}
		return true
	})
	return found
}

// mrScanResult is what the uses of a resource say about who releases it.
type mrScanResult struct {
	// escapes: returned, stored, handed off, captured by a goroutine or by
	// a callback that releases it — not this function's to release.
	escapes bool
	// released: the function releases it somewhere.
	released bool
}

// mrScan classifies every use of the resource variable in its function.
func mrScan(p *Pass, r *mrResource) mrScanResult {
	var res mrScanResult
	handoff := false
	isGo := p.File.Lang == parsers.Go
	if isGo {
		// A named result is returned by a bare return.
		if results := r.fn.Field("result"); results.Type() == "parameter_list" {
			for _, pd := range results.NamedChildren() {
				for _, n := range pd.FieldAll("name") {
					if n.Text() == r.name {
						res.escapes = true
						return res
					}
				}
			}
		}
	}
	r.body.Walk(func(n parsers.Node) bool {
		if res.escapes {
			return false
		}
		switch n.Type() {
		case "call_expression":
			if !mrMayRelease(r, n) {
				return false
			}
			if mrIsRelease(r, n) {
				res.released = true
				if inner := EnclosingFunction(n); inner.ID() != r.fn.ID() && !mrGoDeferredClosure(inner, r.fn) && !mrIsUnit(r, inner) &&
					(isGo || !mrTSChainCallback(r, inner)) {
					// Released by a callback or a goroutine (res.on("finish", …),
					// t.Cleanup, go func(){ defer rows.Close() }()).
					res.escapes = true
				}
			}
		case "go_statement":
			if mrMentions(n, r.name) {
				res.escapes = true
			}
			return false
		case "identifier", "shorthand_property_identifier":
			if !mrTextIs(n, r.name) {
				return true
			}
			switch mrClassify(r, n) {
			case mrUseEscape:
				res.escapes = true
			case mrUseHandoff:
				handoff = true
			case mrUseReturn:
				// In Go, a resource returned by the function itself is
				// the caller's on that return only: the flow walk still
				// checks the other exits (a connection returned on
				// success but dropped on an error path leaks).
				ret := mrEnclosingReturn(n)
				if !isGo || ret.IsNull() || EnclosingFunction(ret).ID() != r.fn.ID() {
					res.escapes = true
					break
				}
				if r.returns == nil {
					r.returns = map[int]bool{}
				}
				r.returns[ret.ID()] = true
			}
		}
		return true
	})
	if handoff && !res.released {
		res.escapes = true
	}
	if len(r.returns) > 0 {
		res.released = true // handed over on some path
	}
	return res
}

// mrEnclosingReturn returns the return statement around n, or the zero
// Node.
func mrEnclosingReturn(n parsers.Node) parsers.Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Type() == "return_statement" {
			return p
		}
		if IsFunction(p) {
			break
		}
	}
	return parsers.Node{}
}

// mrIsUnit reports whether fn is one of the resource's continuation
// callbacks.
func mrIsUnit(r *mrResource, fn parsers.Node) bool {
	for _, u := range r.units {
		if u.ID() == fn.ID() {
			return true
		}
	}
	return false
}

// mrGoDeferredClosure reports whether fn is a func literal called by a
// defer statement directly in outer: defer func() { … }().
func mrGoDeferredClosure(fn, outer parsers.Node) bool {
	if fn.Type() != "func_literal" {
		return false
	}
	call := fn.Parent()
	return call.Type() == "call_expression" && call.Field("function").ID() == fn.ID() &&
		call.Parent().Type() == "defer_statement" && EnclosingFunction(call).ID() == outer.ID()
}

// mrMentions reports whether an identifier name occurs under n.
func mrMentions(n parsers.Node, name string) bool {
	if !mrTextHas(n, name) {
		return false
	}
	found := false
	n.Walk(func(c parsers.Node) bool {
		if found {
			return false
		}
		if mrTextIs(c, name) && (c.Type() == "identifier" || c.Type() == "shorthand_property_identifier") {
			found = true
		}
		return true
	})
	return found
}

// mrResultEscapes reports whether the result of a call given the resource
// leaves the function: return newIter(rows); response := newResponse(resp)
// … return response. The result then holds the resource for the caller.
// (qtx := queries.WithTx(tx), used locally, is a borrow.)
func mrResultEscapes(r *mrResource, call parsers.Node) bool {
	e := call
	for e.Parent().Type() == "await_expression" || e.Parent().Type() == "parenthesized_expression" {
		e = e.Parent()
	}
	p := e.Parent()
	var v parsers.Node
	switch p.Type() {
	case "return_statement":
		return true
	case "expression_list":
		gp := p.Parent()
		switch gp.Type() {
		case "return_statement":
			return true
		case "short_var_declaration", "assignment_statement":
			if gp.Field("right").ID() == p.ID() && len(p.NamedChildren()) == 1 {
				v = gp.Field("left").NamedChild(0)
			}
		}
	case "variable_declarator":
		v = p.Field("name")
	case "assignment_expression":
		v = p.Field("left")
	}
	if v.Type() != "identifier" {
		return false
	}
	name := v.Text()
	if name == "_" || name == r.name || name == r.errName || strings.HasSuffix(strings.ToLower(name), "err") {
		return false
	}
	// Only a constructor wraps what it is given: response :=
	// newResponse(resp). users, err := scanUsers(rows) reads it.
	callee := strings.ToLower(mrCalleeName(call))
	if !strings.HasPrefix(callee, "new") && !strings.HasPrefix(callee, "wrap") {
		return false
	}
	found := false
	r.body.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if n.Type() == "return_statement" && mrTextHas(n, name) {
			for _, c := range n.NamedChildren() {
				items := []parsers.Node{c}
				if c.Type() == "expression_list" {
					items = c.NamedChildren()
				}
				for _, it := range items {
					if mrIsName(it, name) {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

// Kinds of use of the resource variable.
const (
	mrUseOther = iota
	mrUseEscape
	mrUseHandoff
	// mrUseReturn: returned to the caller (return rows, nil; return
	// &Iter{rows: rows}, nil).
	mrUseReturn
)

// mrClassify says what one occurrence of the resource variable does with it.
func mrClassify(r *mrResource, id parsers.Node) int {
	e := id
	field := false
climb:
	for {
		p := e.Parent()
		switch p.Type() {
		case "parenthesized_expression", "non_null_expression", "as_expression", "satisfies_expression", "type_assertion":
			e = p
		case "type_assertion_expression":
			if p.Field("operand").ID() != e.ID() {
				break climb
			}
			e = p
		case "unary_expression":
			if p.Field("operator").Type() != "&" {
				break climb
			}
			e = p
		case "member_expression", "selector_expression":
			if mrObject(p).ID() != e.ID() {
				break climb
			}
			gp := p.Parent()
			if gp.Type() == "call_expression" && gp.Field("function").ID() == p.ID() {
				return mrUseOther // a method call on it
			}
			if r.kind.releases(mrProperty(p)) {
				// A release method taken as a value: stream.on("end",
				// client.release), cleanups = append(cleanups, rows.Close).
				return mrUseEscape
			}
			if p.Type() == "selector_expression" && !(r.kind.body && mrProperty(p) == "Body") {
				// A field of a Go resource (resp.StatusCode, resp.Header,
				// tx.Error) is data copied out of it, wherever it goes;
				// only an HTTP response's Body carries the resource on.
				return mrUseOther
			}
			field = true
			e = p
		case "ternary_expression":
			if p.Field("condition").ID() == e.ID() {
				break climb
			}
			e = p
		case "binary_expression":
			op := p.Field("operator").Type()
			if op != "??" && op != "||" {
				break climb
			}
			e = p
		case "pair":
			if p.Field("value").ID() != e.ID() {
				return mrUseOther
			}
			e, field = p, false
		case "object", "array", "spread_element", "literal_element", "keyed_element", "literal_value", "composite_literal":
			// Inside a literal: what matters is where the literal goes —
			// returned or stored (escape), or passed as an argument, as in
			// Sequelize's { transaction: t } (a hand-off, or a borrow).
			e, field = p, false
		default:
			break climb
		}
	}
	p := e.Parent()
	switch p.Type() {
	case "arguments", "argument_list":
		call := p.Parent()
		if call.Type() == "call_expression" && mrIsRelease(r, call) {
			return mrUseOther
		}
		if !field {
			if mrResultEscapes(r, call) {
				return mrUseEscape
			}
			return mrUseHandoff
		}
		// return newStream(resp.Body): the result that holds the body goes
		// to the caller.
		if r.kind.body && mrIsBodyOf(e, r.name) && call.Type() == "call_expression" && !mrIn(mrCalleeName(call), mrBodyConsumers) {
			switch cp := call.Parent(); cp.Type() {
			case "return_statement", "literal_element", "keyed_element":
				return mrUseEscape
			case "expression_list":
				if cp.Parent().Type() == "return_statement" {
					return mrUseEscape
				}
			}
		}
	case "return_statement", "yield_expression", "send_statement", "jsx_expression":
		if p.Type() == "send_statement" && p.Field("value").ID() != e.ID() {
			return mrUseOther
		}
		if p.Type() == "return_statement" {
			return mrUseReturn
		}
		return mrUseEscape
	case "expression_list":
		gp := p.Parent()
		switch gp.Type() {
		case "return_statement":
			return mrUseReturn
		case "short_var_declaration", "assignment_statement", "var_spec", "const_spec":
			if gp.Field("left").ID() != p.ID() {
				return mrUseEscape
			}
		}
	case "variable_declarator":
		if p.Field("value").ID() == e.ID() {
			return mrUseEscape
		}
	case "assignment_expression":
		if p.Field("right").ID() == e.ID() {
			return mrUseEscape
		}
	case "arrow_function":
		if p.Field("body").ID() == e.ID() {
			return mrUseEscape
		}
	}
	return mrUseOther
}
