package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// qilOp is what a flagged call does, for the message.
type qilOp uint8

const (
	qilRead qilOp = iota
	qilCreate
	qilUpdate
	qilDelete
)

// qilHit is a database or cache call found at a chain top.
type qilHit struct {
	name string   // "prisma.user.findUnique"
	via  []string // local helpers between the loop and the call
	cl   Client
	op   qilOp
	// pending: the query is a lazily run builder that the function around
	// it only returns (not awaited, not handed to Promise.all): it runs
	// when, and only if, whoever called that function runs the result.
	pending bool
	// stmt is the statement text the query runs (an argument at the loop's
	// call: the SQL argument, or the one a helper passes on as its SQL).
	stmt parsers.Node
	// recv is the client the chain starts at when it is a plain name
	// (db in db.Exec(…)), for loops whose items are the clients.
	recv parsers.Node
	// model is the entity argument of a repository known only by its
	// shape (conn.getRepository(ctx, entity).count()), or the table of a
	// Knex instance called as a member (this.db(table)), for loops whose
	// items are the entity classes or tables: one query per table, not
	// per row.
	model parsers.Node
}

// qilMaxHops is how many local helpers a chain may pass through.
const qilMaxHops = 3

// chain returns the calls of the chain topped by top, innermost first:
// db.select().from(t).where(…) -> [select, from, where]. The slice is
// reused; callers must not keep it.
func (c *qilChecker) chain(top parsers.Node) []parsers.Node {
	buf := c.chainBuf[:0]
	for e := top; e.Type() == "call_expression"; {
		buf = append(buf, e)
		fn := callFunc(e)
		var obj parsers.Node
		switch fn.Type() {
		case "member_expression":
			obj = Unparen(fn.Field("object"))
		case "selector_expression":
			obj = Unparen(fn.Field("operand"))
		}
		if obj.Type() != "call_expression" || len(buf) > 32 {
			break
		}
		e = obj
	}
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	c.chainBuf = buf
	return buf
}

// dbCall matches the chain topped by top against the client tables. It
// returns nil when the chain makes no query, or only a batched one.
func (c *qilChecker) dbCall(top parsers.Node) *qilHit {
	calls := c.chain(top)
	var (
		hit      *qilHit
		hitCall  parsers.Node
		lazy     bool
		consumed bool
		cur      Client
		model    parsers.Node
	)
	for i, call := range calls {
		recv, method := Callee(call)
		if hit != nil {
			switch method {
			case "then", "exec", "catch", "finally", "toArray", "lean", "populate", "unwrap", "Decode", "Scan",
				"Result", "Err", "Val", "Bytes", "Int", "Int64", "Bool", "Float64", "Uint64", "StringMap",
				"Slice", "Strings", "orFail", "rows", "getOne", "getMany":
				consumed = true
			case "in", "whereIn", "orWhereIn", "$in":
				return nil
			}
			continue
		}
		if len(c.k.QueryCalls) > 0 && MatchCall(c.k.QueryCalls, call) {
			hit, hitCall = &qilHit{cl: mk(FamilyCustom, RoleConn, true)}, call
			continue
		}
		var recvCl Client
		switch {
		case i > 0:
			recvCl = cur
		case c.knexMemberCall(calls):
			// this.db('users').insert(row): a Knex instance kept on an object.
			cur = mk(FamilyKnex, RoleBuilder, false)
			model = argAt(call, 0)
			continue
		case recv.IsNull():
			// A bare call: knex('users'), sql`…`, db('users').
			fn := callFunc(call)
			if fn.Type() != "identifier" {
				cur = Client{}
				continue
			}
			fc := c.cls.Classify(fn)
			switch {
			case !fc.IsClient():
				if c.importedSQLRunner(fn) && c.sqlTextArg(call) {
					// import { query } from "../lib/db"; query("SELECT …", [id]).
					// Only a call whose result is awaited or returned counts:
					// the same names also build statement fragments.
					hit, hitCall, lazy = &qilHit{cl: mk(FamilySQL, RoleConn, false)}, call, true
					cur = Client{}
					continue
				}
				// A factory: getRepository(User).findOneBy(…).
				cur = c.cls.Classify(call)
			case call.Field("arguments").Type() == "template_string" &&
				(fc.Family == FamilySQLTag || fc.Family == FamilySQL || fc.Family == FamilyPG):
				hit, hitCall, lazy = &qilHit{cl: fc}, call, fc.Family == FamilySQLTag || fc.Family == FamilySQL
			case (fc.Family == FamilyKnex || fc.Family == FamilySQL) && fc.Role == RoleConn:
				cur = Client{Family: fc.Family, Kind: fc.Kind, Role: RoleBuilder, Strong: fc.Strong}
			default:
				cur = Client{}
			}
			continue
		default:
			recvCl = c.cls.Classify(recv)
		}
		if c.goF && i == 0 && !recvCl.IsClient() && c.sqlcIfaceMethod(recv, method) {
			// db.GetInvoiceFeatures(ctx, id) on `db SQLInvoiceQueries`, an
			// interface over sqlc-generated queries.
			hit, hitCall = &qilHit{cl: mk(FamilySQLC, RoleConn, false)}, call
			cur = Client{}
			continue
		}
		if recvCl.Family == FamilyTypeORM && recvCl.Role == RoleBuilder && typeormRelationRun(calls, i) {
			// createQueryBuilder().relation("tags").of(post).add(tagId)
			if relationBatched(calls, i) {
				return nil
			}
			hit, hitCall = &qilHit{cl: recvCl}, call
			cur = Client{}
			continue
		}
		mi := ClientMethod(recvCl, method, call)
		switch mi.Op {
		case OpQuery, OpLazyQuery:
			hit, hitCall, lazy = &qilHit{cl: recvCl}, call, mi.Op == OpLazyQuery
			cur = mi.Result
		case OpBatch:
			return nil
		case OpDerive:
			cur = mi.Result
		default:
			cur = Client{}
			if !c.goF && !recvCl.Strong && typeormRepoShape(calls, i) {
				// this.connection.getRepository(ctx, Line).save(…): a project's
				// connection wrapper handing out a TypeORM repository.
				cur = mk(FamilyTypeORM, RoleModel, false)
				if args := call.Field("arguments").NamedChildren(); len(args) > 0 {
					model = args[len(args)-1]
				}
				continue
			}
			if i == 0 && !c.goF && ObjectionInstanceQuery(method, call) {
				// row.$relatedQuery("books"): a builder for one row's relation.
				cur = mk(FamilyObjection, RoleBuilder, false)
				continue
			}
			if recvCl.Kind == SQLClient && recvCl.Role == RoleConn && sqlShapeMethods[method] && c.sqlTextArg(call) {
				// A handle known by name from the project's db module
				// whose driver this file does not say: db.none("UPDATE …")
				// (pg-promise), db.Exec("…"). SQL text says it queries.
				hit, hitCall = &qilHit{cl: recvCl}, call
				continue
			}
			if !recvCl.IsClient() {
				if h := c.shapeHit(calls, i, recv, method); h != nil {
					hit, hitCall, lazy = h, call, h.cl.Family == FamilyPrisma
				} else if i == 0 && !recv.IsNull() {
					// A module's factory: mongoose.model("Audit").create(…).
					cur = c.cls.Classify(call)
				}
			}
		}
	}
	if hit == nil {
		// A builder that runs when awaited: await knex('users').where(…),
		// await db.select().from(users).where(…).
		if cur.Role == RoleBuilder && (cur.Family == FamilyKnex || cur.Family == FamilyDrizzle || cur.Family == FamilySQL) {
			hit, hitCall, lazy = &qilHit{cl: cur}, top, true
		} else if cur.Role == RoleBuilder && cur.Family == FamilyObjection && objectionRuns(calls) {
			// await Model.query().findById(id), await row.$relatedQuery("tags")
			hit, hitCall, lazy = &qilHit{cl: cur}, top, true
		} else {
			return nil
		}
	}
	if lazy && !consumed && (!consumedValue(top) || !c.mapResultRuns(top)) {
		return nil
	}
	pending := !c.goF && lazy && !consumed && returnedOnly(top)
	budget := 600
	for _, call := range calls {
		if c.batchedArgs(call, &budget) {
			return nil
		}
	}
	if hit.cl.Family == FamilyMikroORM && mikroBatchedFilter(hitCall) {
		return nil
	}
	if hit.cl.Kind == NoClient {
		hit.cl = mk(FamilyCustom, RoleConn, true)
	}
	if _, m := Callee(hitCall); hit.cl.Family == familyGoSQLish && gormFinishers[m] && m != "Exec" {
		hit.cl.Family = FamilyGORM // Where(…).First(&u) on a handle known by name
	}
	hit.name = callName(hitCall)
	hit.pending = pending
	hit.stmt = sqlTextExpr(hitCall)
	if r, _ := Callee(calls[0]); Unparen(r).Type() == "identifier" {
		hit.recv = Unparen(r)
	}
	hit.model = model
	hit.op = chainOp(calls, hit.cl)
	if o, ok := sqlOp(hitCall); ok {
		hit.op = o
	}
	return hit
}

// knexMemberCall recognises a Knex instance called as a member with a
// table, calls[0] = this.db(TABLE), followed by a Knex builder method:
// this.db('rule_segments').insert(row), this.knex(T.users).where(…).first().
// The member is Knex by its type (private db: Knex), or, untyped, by its
// name (db, knex, trx, tx, database, connection) together with the table
// argument and the builder method after it.
func (c *qilChecker) knexMemberCall(calls []parsers.Node) bool {
	if c.goF || len(calls) < 2 {
		return false
	}
	fn := callFunc(calls[0])
	if fn.Type() != "member_expression" {
		return false
	}
	args := calls[0].Field("arguments")
	if args.Type() != "arguments" {
		return false
	}
	a := args.NamedChildren()
	if len(a) != 1 || !knexTableArg(a[0]) {
		return false
	}
	if _, next := Callee(calls[1]); !knexBuilderStart[next] {
		return false
	}
	if cl := c.cls.Classify(fn); cl.Family == FamilyKnex && cl.Role == RoleConn {
		return true
	}
	switch fn.Field("property").Text() {
	case "db", "knex", "trx", "tx", "database", "connection":
		return true
	}
	return false
}

// knexBuilderStart are the Knex builder methods that follow knex(table).
var knexBuilderStart = setOf("insert", "update", "del", "delete", "where", "whereNot", "andWhere", "orWhere",
	"whereRaw", "whereNull", "whereNotNull", "whereExists", "select", "first", "increment", "decrement", "returning",
	"onConflict", "join", "leftJoin", "innerJoin", "orderBy", "pluck", "count", "countDistinct", "upsert", "max",
	"min", "sum", "limit", "distinct", "whereIn", "whereNotIn")

// knexTableArg reports an argument naming a table: a string, an
// UPPER_CASE constant, T.users / TABLES.x, or a name that says table
// (this.tableName, USERS_TABLE).
func knexTableArg(e parsers.Node) bool {
	e = Unparen(e)
	switch e.Type() {
	case "string":
		return true
	case "template_string":
		return true
	case "identifier":
		return allCaps(e.Text()) || strings.Contains(strings.ToLower(e.Text()), "table")
	case "member_expression":
		p := e.Field("property").Text()
		if allCaps(p) || strings.Contains(strings.ToLower(p), "table") {
			return true
		}
		o := Unparen(e.Field("object"))
		return o.Type() == "identifier" && allCaps(o.Text())
	}
	return false
}

// allCaps reports an UPPER_CASE name (T, TABLE, USER_ROLES).
func allCaps(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_') {
			return false
		}
	}
	return true
}

// sqlcIfaceMethod reports a call of a method that an interface declared in
// this file lists with a context.Context parameter and a sqlc package's
// types in its signature: the project's subset of the sqlc-generated
// *Queries, each method one SQL statement.
func (c *qilChecker) sqlcIfaceMethod(recv parsers.Node, method string) bool {
	if recv.IsNull() || !isUpperIdent(method) {
		return false
	}
	if c.sqlcIfaces == nil {
		c.sqlcIfaces = c.findSQLCIfaces()
	}
	if len(c.sqlcIfaces) == 0 {
		return false
	}
	t := c.goTypeOf(Unparen(recv))
	return t != "" && c.sqlcIfaces[t][method]
}

// findSQLCIfaces collects the sqlc-shaped methods of this file's
// interfaces (see sqlcIfaceMethod).
func (c *qilChecker) findSQLCIfaces() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	sqlcPkg := func(name string) bool {
		im, ok := c.fs.Import(name)
		if !ok {
			return false
		}
		m := im.Module
		return m == "sqlc" || strings.HasSuffix(m, "/sqlc")
	}
	c.pass.File.Root().Walk(func(n parsers.Node) bool {
		if n.Type() != "type_spec" {
			return true
		}
		it := n.Field("type")
		if it.Type() != "interface_type" {
			return false
		}
		name := n.Field("name").Text()
		for _, m := range it.NamedChildren() {
			if m.Type() != "method_elem" {
				continue
			}
			params := m.Field("parameters").NamedChildren()
			if len(params) == 0 || collapse(params[0].Field("type").Text()) != "context.Context" {
				continue
			}
			uses := false
			m.Walk(func(q parsers.Node) bool {
				if uses {
					return false
				}
				if q.Type() == "qualified_type" && sqlcPkg(q.Field("package").Text()) {
					uses = true
				}
				return true
			})
			if !uses {
				continue
			}
			if out[name] == nil {
				out[name] = map[string]bool{}
			}
			out[name][m.Field("name").Text()] = true
		}
		return false
	})
	return out
}

// typeormRelationRun reports calls[i] as the method that runs a TypeORM
// RelationQueryBuilder: …relation(…).of(entity).add|remove|set|
// addAndRemove|loadOne|loadMany(…), which returns a promise.
func typeormRelationRun(calls []parsers.Node, i int) bool {
	if i < 2 {
		return false
	}
	switch _, m := Callee(calls[i]); m {
	case "add", "remove", "set", "addAndRemove", "loadOne", "loadMany":
	default:
		return false
	}
	if _, m := Callee(calls[i-1]); m != "of" {
		return false
	}
	for _, c := range calls[:i-1] {
		if _, m := Callee(c); m == "relation" {
			return true
		}
	}
	return false
}

// relationBatched reports a relation change made for many rows at once:
// of([a, b]), add(ids), remove(rows.map(…)).
func relationBatched(calls []parsers.Node, i int) bool {
	for _, c := range calls[i-1 : i+1] {
		for _, a := range c.Field("arguments").NamedChildren() {
			if listValue(Unparen(a)) {
				return true
			}
		}
	}
	return false
}

// typeormRepoShape recognises X.getRepository(Entity) (or (ctx, Entity))
// at calls[i] on a receiver the file does not name, directly followed by a
// TypeORM repository method or by createQueryBuilder(…) and a builder
// terminal: the pair is TypeORM whatever X is (a project's connection
// wrapper, a transaction manager). A string argument (a git host's
// getRepository("owner/name")) or a lower-case name that does not say
// entity (getRepository(name)) is not an entity.
func typeormRepoShape(calls []parsers.Node, i int) bool {
	_, m := Callee(calls[i])
	switch m {
	case "getRepository", "getTreeRepository", "getMongoRepository":
	default:
		return false
	}
	if i+1 >= len(calls) {
		return false
	}
	args := calls[i].Field("arguments").NamedChildren()
	if len(args) == 0 || len(args) > 2 || !entityArg(args[len(args)-1]) {
		return false
	}
	_, next := Callee(calls[i+1])
	if typeormMethods[next] {
		return true
	}
	if next != "createQueryBuilder" {
		return false
	}
	for j := i + 2; j < len(calls); j++ {
		_, t := Callee(calls[j])
		switch t {
		case "getOne", "getOneOrFail", "getMany", "getRawOne", "getRawMany", "getCount", "getManyAndCount",
			"getRawAndEntities", "getExists", "execute":
			return true
		}
		if typeormRelationRun(calls, j) {
			return true
		}
	}
	return false
}

// entityArg reports an expression naming an entity class: Line,
// order_line_entity_1.OrderLine, or a name that says so (entity,
// translationType, this.entityCtor, x.constructor).
func entityArg(e parsers.Node) bool {
	e = Unparen(e)
	var name string
	switch e.Type() {
	case "identifier":
		name = e.Text()
	case "member_expression":
		name = e.Field("property").Text()
	default:
		return false
	}
	if isUpperIdent(name) {
		return true
	}
	l := strings.ToLower(name)
	for _, suf := range []string{"entity", "type", "ctor", "constructor", "target", "class"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// mikroBatchedFilter reports a MikroORM filter that matches many rows by a
// list: MikroORM reads an array value as $in, so { id: ids },
// { parentId: g.parentIds }, { id: [a, b] } and { id: rows.map(…) } are
// one query for all of them.
func mikroBatchedFilter(call parsers.Node) bool {
	found := false
	for _, a := range call.Field("arguments").NamedChildren() {
		a = Unparen(a)
		if a.Type() != "object" {
			continue
		}
		walkBody(a, func(n parsers.Node) bool {
			if found {
				return false
			}
			var v parsers.Node
			switch n.Type() {
			case "pair":
				v = Unparen(n.Field("value"))
			case "shorthand_property_identifier":
				v = n
			default:
				return true
			}
			if listValue(v) {
				found = true
			}
			return true
		})
	}
	return found
}

// listValue reports an expression that is a list of keys: an array
// literal, a .map(…)/.filter(…) result, or a name ending in ids/keys.
func listValue(v parsers.Node) bool {
	switch v.Type() {
	case "array":
		return true
	case "call_expression":
		_, m := Callee(v)
		return m == "map" || m == "filter" || m == "flatMap"
	}
	name := v.Text()
	if v.Type() == "member_expression" {
		name = v.Field("property").Text()
	} else if v.Type() != "identifier" && v.Type() != "shorthand_property_identifier" {
		return false
	}
	l := strings.ToLower(name)
	return strings.HasSuffix(l, "ids") || strings.HasSuffix(l, "keys")
}

// objectionRuns reports whether an Objection chain does more than start a
// builder: Model.query() alone is also the name of other libraries' static
// calls, Model.query().findById(…) and row.$relatedQuery("x") are not.
func objectionRuns(calls []parsers.Node) bool {
	if len(calls) > 1 {
		return true
	}
	_, m := Callee(calls[0])
	return strings.HasPrefix(m, "$")
}

// shapeHit recognises chains whose shape alone names the library, when the
// receiver could not be classified: ctx.db.post.findMany(…) (Prisma behind
// a framework context) and u.QueryPosts().All(ctx) (an ent edge).
func (c *qilChecker) shapeHit(calls []parsers.Node, i int, recv parsers.Node, method string) *qilHit {
	if sqlShapeMethods[method] && c.sqlTextArg(calls[i]) {
		// x.query("SELECT …"), h.DB.QueryRowContext(ctx, "SELECT …"): SQL
		// text says what the receiver is.
		if c.goF {
			return &qilHit{cl: mk(familyGoSQLish, RoleConn, false)}
		}
		return &qilHit{cl: mk(FamilySQL, RoleConn, false)}
	}
	if c.goF {
		if gormShape(calls, i) {
			return &qilHit{cl: mk(FamilyGORM, RoleConn, false)}
		}
		if !entFinishers[method] || !c.cls.Imports(FamilyEnt) {
			return nil
		}
		for _, prev := range calls[:i] {
			if _, m := Callee(prev); strings.HasPrefix(m, "Query") {
				return &qilHit{cl: mk(FamilyEnt, RoleBuilder, false)}
			}
		}
		return nil
	}
	if i != 0 {
		return nil
	}
	switch method {
	case "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany":
	default:
		return nil
	}
	recv = Unparen(recv)
	if recv.Type() != "member_expression" {
		return nil
	}
	base := Unparen(recv.Field("object"))
	var name string
	switch base.Type() {
	case "identifier":
		name = base.Text()
	case "member_expression":
		name = base.Field("property").Text()
	default:
		return nil
	}
	lower := strings.ToLower(name)
	if strings.Contains(lower, "prisma") || lower == "db" || lower == "tx" || lower == "database" {
		return &qilHit{cl: mk(FamilyPrisma, RoleModel, false)}
	}
	return nil
}

// gormShape recognises a GORM statement on a handle whose type this file
// does not say (a field declared in another file of the package): the
// chain starts at a database-named handle, builds with Model(&T{}),
// Table("t") or Where("col = ?", …), and ends in a GORM finisher at i.
// First/Find/Take/Last/Scan must also fill a pointer.
func gormShape(calls []parsers.Node, i int) bool {
	_, fin := Callee(calls[i])
	switch fin {
	case "First", "Last", "Take", "Find", "Scan", "Pluck":
		if !firstArgIsAddress(calls[i], 0) && !firstArgIsAddress(calls[i], 1) {
			return false
		}
	case "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "Count":
	default:
		return false
	}
	if i == 0 {
		return false
	}
	recv, _ := Callee(calls[0])
	name := strings.ToLower(renderExpr(recv, 0))
	if j := strings.LastIndexByte(name, '.'); j >= 0 {
		name = name[j+1:]
	}
	if !sqlNames[name] && !strings.HasSuffix(name, "db") {
		return false
	}
	built := false
	for _, call := range calls[:i] {
		_, m := Callee(call)
		if !gormChain[m] {
			return false
		}
		switch m {
		case "Model":
			built = built || firstArgIsAddress(call, 0)
		case "Table":
			_, ok := StringValue(argAt(call, 0))
			built = built || ok
		case "Where":
			if sv, ok := StringValue(argAt(call, 0)); ok && strings.Contains(sv, "?") {
				built = true
			}
		}
	}
	return built
}

// importedSQLRunner reports whether a bare function is imported from the
// project's database module, or named like a query runner: query(…),
// queryRows(…), execute(…). Callers also require SQL text in the call.
func (c *qilChecker) importedSQLRunner(fn parsers.Node) bool {
	if c.goF {
		return false
	}
	im, ok := c.fs.Import(fn.Text())
	if !ok || !isRelativeModule(im.Module) {
		return false
	}
	if _, shadowed := c.fs.Resolve(fn); shadowed {
		return false
	}
	name := strings.ToLower(fn.Text())
	for _, w := range [...]string{"format", "build", "escape", "log", "parse", "prepare", "explain", "lint", "print", "split", "template"} {
		if strings.Contains(name, w) {
			return false
		}
	}
	return modulePathHint(im.Module) == hintSQL || strings.Contains(name, "query") || strings.HasPrefix(name, "exec")
}

// sqlShapeMethods are method names that run SQL text in the common drivers.
var sqlShapeMethods = setOf("query", "execute", "Query", "QueryRow", "Exec", "QueryContext", "QueryRowContext",
	"ExecContext", "Queryx", "QueryRowx", "QueryxContext", "QueryRowxContext", "Get", "Select", "GetContext",
	"SelectContext", "one", "oneOrNone", "many", "manyOrNone", "any", "none", "raw", "unsafe", "$queryRawUnsafe",
	"$executeRawUnsafe")

// sqlTextArg reports whether one of a call's first three arguments is SQL
// text: a string literal (or a constant bound to one) that starts with a
// statement keyword and has the clause that keyword needs.
func (c *qilChecker) sqlTextArg(call parsers.Node) bool {
	args := call.Field("arguments")
	i := 0
	for a := args.FirstChild(); !a.IsNull() && i < 3; a = a.NextSibling() {
		if !a.IsNamed() || a.Type() == "comment" {
			continue
		}
		i++
		u := Unparen(a)
		if u.Type() == "identifier" {
			if d, ok := c.fs.Resolve(u); ok && d.Kind == VarDecl {
				u = Unparen(d.Init)
			}
		}
		var text string
		switch u.Type() {
		case "string", "interpreted_string_literal", "raw_string_literal":
			text, _ = StringValue(u)
		case "template_string":
			text = u.Text()
		default:
			continue
		}
		if looksLikeSQL(text) {
			return true
		}
	}
	return false
}

// looksLikeSQL reports statement text: SELECT … FROM, INSERT INTO,
// UPDATE … SET, DELETE FROM, WITH … AS.
func looksLikeSQL(s string) bool {
	s = strings.TrimLeft(s, " \t\n\r`\"'(")
	if len(s) < 10 {
		return false
	}
	u := strings.ToUpper(s)
	has := func(w string) bool { return strings.Contains(u, w) }
	switch {
	case strings.HasPrefix(u, "SELECT "), strings.HasPrefix(u, "SELECT\n"):
		return has(" FROM ") || has("\nFROM ") || has("(") // SELECT now(), SELECT count(*) FROM …
	case strings.HasPrefix(u, "INSERT "):
		return has(" INTO ")
	case strings.HasPrefix(u, "UPDATE "):
		return has(" SET ")
	case strings.HasPrefix(u, "DELETE "):
		return has(" FROM ")
	case strings.HasPrefix(u, "WITH "):
		return has(" AS ") && has("SELECT")
	}
	return false
}

// consumedValue reports whether a lazily executed query (a Prisma promise,
// a Knex or Drizzle builder, a Mongoose query) is run where it stands:
// awaited, yielded, an element of Promise.all([…]), or returned from a
// function whose result is used (an async function, a map callback, a
// named helper) — not from a forEach callback.
func consumedValue(top parsers.Node) bool {
	if awaitedCall(top) {
		return true // await f<T>(…)
	}
	n, p := top, top.Parent()
	for {
		switch p.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
			n, p = p, p.Parent()
			continue
		case "ternary_expression":
			// c ? db.x.findUnique(…) : null is the query when c holds.
			if f := n.FieldName(); f == "consequence" || f == "alternative" {
				n, p = p, p.Parent()
				continue
			}
		case "binary_expression":
			// c && q, q ?? fallback, q || fallback: a promise is truthy, so
			// its value is the expression's on those sides.
			op := p.Field("operator").Type()
			f := n.FieldName()
			if (op == "&&" && f == "right") || ((op == "||" || op == "??") && (f == "left" || f == "right")) {
				n, p = p, p.Parent()
				continue
			}
		}
		break
	}
	switch p.Type() {
	case "await_expression", "yield_expression":
		return true
	case "return_statement":
		return resultUsed(EnclosingFunction(p))
	case "arrow_function":
		return n.FieldName() == "body" && resultUsed(p)
	case "array":
		args := p.Parent()
		if args.Type() == "arguments" {
			if _, m := Callee(args.Parent()); m == "all" || m == "allSettled" || m == "race" || m == "any" {
				return true
			}
		}
	case "arguments":
		// pending.push(q) … await Promise.all(pending)
		return pushedThenAwaited(p.Parent())
	}
	return false
}

// pushedThenAwaited reports whether call is xs.push(…) of an array that
// the same function hands to Promise.all or Promise.allSettled.
func pushedThenAwaited(call parsers.Node) bool {
	recv, m := Callee(call)
	if m != "push" && m != "unshift" {
		return false
	}
	recv = Unparen(recv)
	if recv.Type() != "identifier" {
		return false
	}
	// The array may live in a function around a callback that fills it.
	scope := call
	for i := 0; i < 3; i++ {
		fn := EnclosingFunction(scope)
		if fn.IsNull() {
			fn = call.File().Root()
		}
		if handedToPromiseAll(call.File().Src[fn.StartByte():fn.EndByte()], recv.Text()) {
			return true
		}
		if fn.Type() == "program" {
			return false
		}
		scope = fn
	}
	return false
}

func handedToPromiseAll(src []byte, name string) bool {
	for _, pat := range [...]string{"Promise.all(", "Promise.allSettled(", "Promise.all([...", "Promise.allSettled([..."} {
		for i := 0; ; {
			j := bytes.Index(src[i:], []byte(pat+name))
			if j < 0 {
				break
			}
			end := i + j + len(pat) + len(name)
			if end >= len(src) || !isIdentByte(src[end]) {
				return true
			}
			i = end
		}
	}
	return false
}

func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// resultUsed reports whether a function's return value is used by whoever
// calls it: true unless it is a callback whose result is thrown away
// (forEach, an event handler).
func resultUsed(fn parsers.Node) bool {
	if fn.IsNull() {
		return false
	}
	for c := fn.FirstChild(); !c.IsNull(); c = c.NextSibling() {
		if c.Type() == "async" {
			return true
		}
	}
	p := fn.Parent()
	for p.Type() == "parenthesized_expression" {
		p = p.Parent()
	}
	if p.Type() != "arguments" {
		return true
	}
	_, m := Callee(p.Parent())
	switch m {
	case "map", "flatMap", "then", "pMap", "mapSeries", "mapLimit", "all", "from", "$transaction", "transaction",
		"limit", "retry", "pRetry", "wrap", "run":
		return true
	}
	return false
}

// batchedArgs reports whether a call's arguments make it a batched query:
// { id: { in: ids } }, In(ids), inArray(t.id, ids), "… = ANY($1)",
// "… IN (?)", pq.Array(ids), bson.M{"$in": ids}, ent's IDIn(ids...).
func (c *qilChecker) batchedArgs(call parsers.Node, budget *int) bool {
	args := call.Field("arguments")
	if args.IsNull() {
		return false
	}
	found := false
	args.Walk(func(n parsers.Node) bool {
		if found || *budget <= 0 {
			return false
		}
		*budget--
		if IsFunction(n) {
			return false
		}
		switch n.Type() {
		case "pair", "keyed_element":
			var key parsers.Node
			if n.Type() == "pair" {
				key = n.Field("key")
			} else {
				key = n.NamedChild(0)
			}
			k := strings.Trim(collapse(key.Text()), "\"'`")
			switch k {
			case "in", "$in", "_in", "[Op.in]", "Op.in", "hasSome", "[Op.any]":
				found = true
			}
		case "string", "template_string", "interpreted_string_literal", "raw_string_literal":
			if sqlIsBatched(n.Text()) {
				found = true
			}
			return false
		case "member_expression", "selector_expression":
			if t := n.Text(); t == "Op.in" || t == "Op.any" {
				found = true
			}
		case "identifier":
			// A query kept in a constant: pool.query(USERS_BY_IDS, [ids]).
			if d, ok := c.fs.Resolve(n); ok && d.Kind == VarDecl {
				if s, ok := StringValue(d.Init); ok && sqlIsBatched(s) {
					found = true
				} else if t := Unparen(d.Init); t.Type() == "template_string" && sqlIsBatched(t.Text()) {
					found = true
				}
			}
		case "call_expression":
			_, m := Callee(n)
			switch m {
			case "In", "inArray", "Array", "ArrayContains", "whereIn", "In_":
				found = true
			default:
				// ent predicates: user.IDIn(ids...), post.AuthorIDIn(ids...)
				if c.goF && len(m) > 2 && strings.HasSuffix(m, "In") && isUpperIdent(m) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// sqlIsBatched reports whether SQL text fetches or writes many rows by a
// list parameter: = ANY($1), IN (?), IN (:...ids), IN ?, unnest($1).
func sqlIsBatched(s string) bool {
	if len(s) < 6 {
		return false
	}
	l := strings.ToLower(s)
	if strings.Contains(l, "any(") || strings.Contains(l, "any (") || strings.Contains(l, "unnest(") {
		return true
	}
	for i := 0; ; {
		j := strings.Index(l[i:], " in ")
		if j < 0 {
			j = strings.Index(l[i:], " in(")
			if j < 0 {
				return false
			}
		}
		rest := strings.TrimLeft(l[i+j+3:], " (\n\t")
		if strings.HasSuffix(strings.TrimRight(l[:i+j], " \n\t"), " not") {
			// NOT IN (:...ids) excludes a list; the statement is still
			// about one item.
			rest = ""
		}
		if strings.HasPrefix(rest, "$") || strings.HasPrefix(rest, "?") || strings.HasPrefix(rest, ":") ||
			strings.HasPrefix(rest, "@") || strings.HasPrefix(rest, "sqlc.") {
			return true
		}
		i += j + 4
		if i >= len(l) {
			return false
		}
	}
}

// sqlOp reads the statement kind from a call's SQL text argument.
func sqlOp(call parsers.Node) (qilOp, bool) {
	args := call.Field("arguments")
	var text string
	if args.Type() == "template_string" {
		text = args.Text()
	} else {
		for a := args.FirstChild(); !a.IsNull(); a = a.NextSibling() {
			u := Unparen(a)
			if u.Type() == "string" || u.Type() == "template_string" || u.Type() == "interpreted_string_literal" || u.Type() == "raw_string_literal" {
				text = u.Text()
				break
			}
		}
	}
	text = strings.TrimLeft(text, "\"'`\n\t ")
	if len(text) < 6 {
		return qilRead, false
	}
	switch strings.ToLower(text[:6]) {
	case "insert", "upsert":
		return qilCreate, true
	case "update", "merge ":
		return qilUpdate, true
	case "delete":
		return qilDelete, true
	case "select", "with r", "with\n":
		return qilRead, true
	}
	return qilRead, false
}

// callName renders the called function of a call: prisma.user.findUnique,
// db.select().from().where, s.db.QueryRowContext, sql`…`.
func callName(call parsers.Node) string {
	fn := call.Field("function")
	s := renderExpr(fn, 0)
	if call.Field("arguments").Type() == "template_string" {
		s += "`…`"
	}
	return s
}

// renderExpr renders a callee without arguments.
func renderExpr(e parsers.Node, depth int) string {
	if depth > 12 {
		return "…"
	}
	e = compiledFunc(Unparen(e))
	switch e.Type() {
	case "identifier", "this", "property_identifier", "field_identifier", "package_identifier", "type_identifier",
		"private_property_identifier", "super":
		return e.Text()
	case "member_expression":
		return renderExpr(e.Field("object"), depth+1) + "." + e.Field("property").Text()
	case "selector_expression":
		return renderExpr(e.Field("operand"), depth+1) + "." + e.Field("field").Text()
	case "call_expression":
		return renderExpr(e.Field("function"), depth+1) + "()"
	case "await_expression":
		return renderExpr(e.NamedChild(0), depth+1)
	case "subscript_expression", "index_expression":
		obj := e.Field("object")
		if obj.IsNull() {
			obj = e.Field("operand")
		}
		return renderExpr(obj, depth+1) + "[…]"
	}
	return "…"
}

// chainOp says whether a chain reads or writes, from its method names.
func chainOp(calls []parsers.Node, cl Client) qilOp {
	op := qilRead
	for _, call := range calls {
		_, m := Callee(call)
		switch o := methodOp(m, cl); {
		case o == qilRead:
		case o == qilDelete || op == qilRead:
			op = o
		}
	}
	return op
}

func methodOp(m string, cl Client) qilOp {
	l := strings.ToLower(m)
	if cl.Family == FamilyBun {
		l = strings.TrimPrefix(l, "new") // NewInsert, NewUpdate, NewDelete
	}
	if cl.Family == FamilyMikroORM {
		switch l = strings.TrimPrefix(l, "native"); l { // nativeInsert, nativeUpdate, nativeDelete
		case "flush":
			return qilUpdate
		case "persistandflush":
			return qilCreate
		case "removeandflush":
			return qilDelete
		}
	}
	switch {
	case cl.Kind == CacheClient:
		switch l {
		case "set", "setex", "setnx", "psetex", "hset", "hmset", "hsetnx", "lpush", "rpush", "sadd", "zadd", "incr",
			"incrby", "decr", "decrby", "hincrby", "expire", "append", "xadd", "publish", "getset", "jsonset":
			return qilCreate
		case "del", "unlink", "hdel", "srem", "zrem", "lrem", "getdel":
			return qilDelete
		}
		return qilRead
	case l == "createquerybuilder" || l == "createqueryrunner":
		return qilRead // builds a statement; the later calls say what it does
	case strings.HasPrefix(l, "create") || strings.HasPrefix(l, "insert") || l == "save" || l == "add" ||
		l == "persist" || l == "values" || l == "namedexec" || l == "firstorcreate" || l == "findorcreate":
		return qilCreate
	case strings.HasPrefix(l, "update") || l == "upsert" || l == "patch" || strings.HasPrefix(l, "patchand") || l == "increment" || l == "decrement" || l == "set" ||
		strings.HasPrefix(l, "replace") || strings.HasSuffix(l, "andupdate") || l == "updates" || l == "updatecolumn" ||
		l == "updatecolumns" || l == "updatetable":
		return qilUpdate
	case strings.HasPrefix(l, "delete") || l == "destroy" || l == "remove" || l == "del" || l == "softdelete" ||
		strings.HasSuffix(l, "anddelete") || l == "deletefrom" || l == "softremove":
		return qilDelete
	}
	if cl.Family == FamilyDatabaseSQL || cl.Family == FamilySQLX || cl.Family == FamilyPGX || cl.Family == familyGoSQLish {
		if strings.HasPrefix(m, "Exec") || strings.HasPrefix(m, "MustExec") {
			return qilUpdate
		}
	}
	return qilRead
}

// fixHint says how to batch the call, per library.
func fixHint(h *qilHit) string {
	op := h.op
	switch h.cl.Family {
	case FamilyPrisma:
		switch op {
		case qilCreate:
			return "insert all rows in one call with createMany"
		case qilUpdate, qilDelete:
			return "use updateMany/deleteMany with where: { id: { in: ids } }, or send the writes together in one prisma.$transaction([...])"
		}
		return "fetch all rows in one query (findMany with where: { id: { in: ids } })"
	case FamilyPG, FamilySQLTag, FamilyPGPromise:
		if op != qilRead {
			return "write all rows in one statement (a multi-row INSERT … VALUES, or UPDATE … FROM unnest($1))"
		}
		return "fetch all rows in one query with WHERE id = ANY($1) and an array parameter"
	case FamilyMySQL:
		if op != qilRead {
			return "write all rows in one statement (INSERT … VALUES ? with an array of rows)"
		}
		return "fetch all rows in one query with WHERE id IN (?) and an array parameter"
	case FamilySQL:
		if op != qilRead {
			return "write all rows in one statement (a multi-row INSERT, or one UPDATE/DELETE over all the IDs)"
		}
		return "fetch all rows in one query (WHERE id = ANY($1) / IN (…), or { id: { in: ids } })"
	case FamilyTypeORM:
		switch op {
		case qilCreate, qilUpdate:
			return "save all entities in one call (save(entities)), or run one update with In(ids)"
		case qilDelete:
			return "delete all rows in one call (delete({ id: In(ids) }))"
		}
		return "fetch all rows in one query (findBy({ id: In(ids) }))"
	case FamilyMikroORM:
		switch op {
		case qilCreate, qilUpdate, qilDelete:
			return "change the entities in the loop (persist/assign/remove) and flush once after it, or use insertMany / nativeUpdate / nativeDelete with { id: { $in: ids } }"
		}
		return "fetch all rows in one query (find(Entity, { id: { $in: ids } }))"
	case FamilySequelize:
		switch op {
		case qilCreate:
			return "insert all rows in one call with bulkCreate"
		case qilUpdate, qilDelete:
			return "run one update/destroy with where: { id: ids }"
		}
		return "fetch all rows in one query (findAll({ where: { id: ids } }))"
	case FamilyMongoose, FamilyMongoDB, FamilyORMModel:
		switch op {
		case qilCreate:
			return "insert all documents in one call with insertMany (or bulkCreate)"
		case qilUpdate, qilDelete:
			return "send the writes in one bulkWrite, or use updateMany/deleteMany with $in"
		}
		return "fetch all documents in one query (find({ _id: { $in: ids } }))"
	case FamilyKnex:
		if op == qilCreate {
			return "insert all rows in one insert([...])"
		}
		if op != qilRead {
			return "run one update/del over all the IDs with whereIn('id', ids)"
		}
		return "fetch all rows in one query with whereIn('id', ids)"
	case FamilyKysely:
		switch op {
		case qilCreate:
			return "insert all rows in one .values([...])"
		case qilUpdate, qilDelete:
			return "run one update/delete over all the IDs with where('id', 'in', ids)"
		}
		return "fetch all rows in one query with where('id', 'in', ids)"
	case FamilyObjection:
		switch op {
		case qilCreate:
			return "insert all rows in one insert([...]) or insertGraph([...])"
		case qilUpdate, qilDelete:
			return "run one patch/delete over all the IDs with whereIn('id', ids)"
		}
		return "fetch all rows in one query with findByIds(ids) or whereIn('id', ids), or eager-load the relation with withGraphFetched"
	case FamilyDrizzle:
		if op == qilCreate {
			return "insert all rows in one .values([...])"
		}
		if op != qilRead {
			return "run one update/delete over all the IDs with inArray(table.id, ids)"
		}
		return "fetch all rows in one query with inArray(table.id, ids)"
	case FamilyNodeRedis:
		if op != qilRead {
			return "queue the writes on one client.multi() (or use mSet)"
		}
		return "batch the keys with mGet, or queue the commands on one client.multi()"
	case FamilyIORedis, FamilyRedis:
		if op != qilRead {
			return "queue the writes on one pipeline() (or use mset)"
		}
		return "batch the keys with mget, or queue the commands on one pipeline()"
	case FamilyDatabaseSQL, FamilySQLX, familyGoSQLish:
		if op != qilRead {
			return "write all rows in one multi-row statement, or prepare it once and run it inside one transaction"
		}
		return "fetch all rows in one query (WHERE id = ANY($1) with pq.Array, or IN (…) built with sqlx.In)"
	case FamilyBun:
		switch op {
		case qilCreate:
			return "insert all rows in one NewInsert().Model(&rows) with a slice"
		case qilUpdate, qilDelete:
			return `run one statement over all the IDs (Where("id IN (?)", bun.In(ids))), or NewUpdate().Model(&rows).Bulk()`
		}
		return `fetch all rows in one query (Where("id IN (?)", bun.In(ids)))`
	case FamilyPGX:
		if op != qilRead {
			return "use CopyFrom, or queue the statements on one pgx.Batch and SendBatch it"
		}
		return "fetch all rows in one query with WHERE id = ANY($1), or queue the queries on one pgx.Batch"
	case FamilyGORM:
		switch op {
		case qilCreate:
			return "create all rows in one call (Create(&rows) with a slice, or CreateInBatches)"
		case qilUpdate, qilDelete:
			return `run one Where("id IN ?", ids).Updates/Delete over all the IDs`
		}
		return `fetch all rows in one query (Where("id IN ?", ids).Find(&rows)) or Preload the association`
	case FamilyEnt:
		if op == qilCreate {
			return "create all rows in one call with CreateBulk"
		}
		return "load all rows in one query (Where(x.IDIn(ids...))) or eager-load the edge with With…()"
	case FamilySQLC:
		return "add a query that takes every ID at once (WHERE id = ANY(@ids::bigint[]))"
	case FamilyGoRedis:
		if op != qilRead {
			return "queue the writes on one Pipeline (or use MSet)"
		}
		return "batch the keys with MGet, or queue the commands on one Pipeline"
	case FamilyRedigo:
		return "pipeline the commands with Send/Flush/Receive, or use MGET"
	case FamilyMongoGo:
		switch op {
		case qilCreate:
			return "insert all documents in one InsertMany"
		case qilUpdate, qilDelete:
			return "send the writes in one BulkWrite"
		}
		return `fetch all documents in one query (Find with bson.M{"_id": bson.M{"$in": ids}})`
	}
	return "fetch what every item needs in one batched call before the loop"
}

// ---------------------------------------------------------------------------
// Iteration callbacks and closures that run in place.

type qilIteration struct {
	ok     bool
	cb     parsers.Node // the callback argument
	coll   parsers.Node // what is iterated (may be zero)
	anchor parsers.Node
}

var jsIterMethods = setOf("forEach", "map", "flatMap", "reduce", "reduceRight", "filter", "some", "every", "find",
	"findIndex", "findLast", "findLastIndex", "eachAsync")

var jsIterHelpers = setOf("map", "mapSeries", "mapLimit", "each", "eachSeries", "eachLimit", "forEach", "forEachSeries",
	"forEachOf", "flatMap", "filter", "reduce", "times", "timesSeries")

var goLoIter = setOf("Map", "ForEach", "Filter", "FlatMap", "Reduce", "FilterMap", "ForEachWhile", "Associate",
	"SliceToMap", "GroupBy", "KeyBy", "Times", "MapValues", "MapKeys", "PartitionBy", "CountBy", "Every", "Some")

// iteration recognises an iteration call and its callback.
func (c *qilChecker) iteration(call parsers.Node) qilIteration {
	fn := callFunc(call)
	args := call.Field("arguments")
	if args.Type() != "arguments" && args.Type() != "argument_list" {
		return qilIteration{}
	}
	recv, method := Callee(call)
	if c.goF {
		// lo.Map(items, func(…) …)
		if fn.Type() != "selector_expression" || !goLoIter[method] || Unparen(recv).Type() != "identifier" {
			return qilIteration{}
		}
		im, ok := c.fs.Import(recv.Text())
		if !ok || !strings.HasPrefix(im.Module, "github.com/samber/lo") {
			return qilIteration{}
		}
		cb := lastFuncArg(args)
		if cb.IsNull() {
			return qilIteration{}
		}
		return qilIteration{ok: true, cb: cb, coll: args.NamedChild(0), anchor: fn.Field("field")}
	}
	if fn.Type() == "member_expression" && jsIterMethods[method] {
		obj := Unparen(recv)
		// lodash / async / Bluebird: _.map(items, fn), async.eachSeries(items, fn)
		if obj.Type() == "identifier" && isIterHelperModule(obj.Text()) {
			if !jsIterHelpers[method] {
				return qilIteration{}
			}
			cb := lastFuncArg(args)
			if cb.IsNull() {
				return qilIteration{}
			}
			return qilIteration{ok: true, cb: cb, coll: args.NamedChild(0), anchor: fn.Field("property")}
		}
		first := args.NamedChild(0)
		u := Unparen(first)
		if IsFunction(u) || (u.Type() == "identifier" && method != "find" && method != "filter") {
			return qilIteration{ok: true, cb: first, coll: recv, anchor: fn.Field("property")}
		}
		return qilIteration{}
	}
	if fn.Type() == "member_expression" && jsIterHelpers[method] {
		obj := Unparen(recv)
		if obj.Type() == "identifier" && isIterHelperModule(obj.Text()) {
			cb := lastFuncArg(args)
			if cb.IsNull() {
				return qilIteration{}
			}
			return qilIteration{ok: true, cb: cb, coll: args.NamedChild(0), anchor: fn.Field("property")}
		}
		return qilIteration{}
	}
	if fn.Type() == "identifier" {
		switch method {
		case "pMap", "pMapSeries", "pEachSeries", "pFilter", "pMapSkip", "pTimes", "pReduce":
			cb := lastFuncArg(args)
			if cb.IsNull() {
				return qilIteration{}
			}
			return qilIteration{ok: true, cb: cb, coll: args.NamedChild(0), anchor: fn}
		}
	}
	if fn.Type() == "member_expression" && method == "from" && Unparen(recv).Text() == "Array" {
		// Array.from(xs, x => …)
		if cb := args.NamedChild(1); IsFunction(Unparen(cb)) {
			return qilIteration{ok: true, cb: cb, coll: args.NamedChild(0), anchor: fn.Field("property")}
		}
	}
	return qilIteration{}
}

func isIterHelperModule(name string) bool {
	switch name {
	case "_", "lodash", "async", "Bluebird", "bluebird", "Promise", "P", "pMap", "R":
		return true
	}
	return false
}

func lastFuncArg(args parsers.Node) parsers.Node {
	var cb parsers.Node
	for a := args.FirstChild(); !a.IsNull(); a = a.NextSibling() {
		if IsFunction(Unparen(a)) {
			cb = a
		}
	}
	return cb
}

// jsInvokers run a function argument during the current iteration. Timers
// (setTimeout, setImmediate) are left out: they defer the work, so the
// calls do not arrive together.
var jsInvokers = setOf("then", "catch", "finally",
	"$transaction", "transaction", "withTransaction", "tx", "task", "retry", "pRetry", "limit", "limiter",
	"schedule", "wrap", "runInTransaction", "withRetry", "startActiveSpan", "withSpan", "trace", "mutex",
	"runExclusive", "acquire", "using", "withLock", "backoff", "attempt")

var goInvokers = setOf("Go", "TryGo", "Submit", "Transaction", "RunInTx", "InTx", "WithTx", "WithTransaction",
	"BeginFunc", "BeginTxFunc", "Retry", "RetryNotify", "Watch", "Pipelined", "TxPipelined", "Invoke")

// invokesCallback reports whether call runs its function arguments during
// the call (or the current iteration): then, p-limit's limit(() => …),
// transactions, retries, errgroup's g.Go.
func (c *qilChecker) invokesCallback(call parsers.Node) bool {
	recv, method := Callee(call)
	if c.goF {
		if goInvokers[method] {
			return true
		}
		// retry.Do(func() error {…}), backoff.Retry(…)
		if method == "Do" && recv.Type() == "identifier" {
			if im, ok := c.fs.Import(recv.Text()); ok && strings.Contains(im.Module, "retry") {
				return true
			}
		}
		return false
	}
	if jsInvokers[method] {
		return true
	}
	if method == "add" && !recv.IsNull() {
		l := strings.ToLower(renderExpr(recv, 0))
		return strings.Contains(l, "queue") || strings.Contains(l, "limit")
	}
	return false
}

// ---------------------------------------------------------------------------
// Local helpers.

// qilSummary is what calling a local function does: the first database
// call it makes, directly or through at most two further helpers.
type qilSummary struct {
	name string
	via  []string
	cl   Client
	op   qilOp
	// pending: the function returns an unrun builder (see qilHit.pending)
	// instead of running a query; a call to it queries only when its
	// result is run.
	pending bool
	// stmtParam is the index of the parameter the query runs as its
	// statement text (query(ctx, db, stmt) → tx.QueryContext(ctx, stmt)),
	// or -1.
	stmtParam int
}

// helperHit follows a call to a function defined in this file.
func (c *qilChecker) helperHit(top parsers.Node) *qilHit {
	calls := c.chain(top)
	first := calls[0]
	for _, fn := range c.localFuncs(first) {
		if s := c.summary(fn); s != nil && len(s.via) < qilMaxHops {
			if s.pending && !c.runsResult(top) {
				continue
			}
			name := renderExpr(first.Field("function"), 0)
			h := &qilHit{name: s.name, cl: s.cl, op: s.op, via: append([]string{name}, s.via...)}
			if s.stmtParam >= 0 {
				h.stmt = argAt(first, s.stmtParam)
			}
			return h
		}
	}
	return nil
}

var qilBusy = &qilSummary{}

// summary computes (once per function) the first query a function makes.
func (c *qilChecker) summary(fn parsers.Node) *qilSummary {
	if c.sums == nil {
		c.sums = map[int]*qilSummary{}
	}
	if s, ok := c.sums[fn.ID()]; ok {
		if s == qilBusy {
			return nil // recursion
		}
		return s
	}
	c.sums[fn.ID()] = qilBusy
	var direct, viaHelper *qilSummary
	var scan func(n parsers.Node)
	scan = func(n parsers.Node) {
		if direct != nil {
			return
		}
		switch n.Type() {
		case "comment", "string", "template_string", "interpreted_string_literal", "raw_string_literal":
			return
		}
		if n.ID() != fn.ID() && IsFunction(n) && !runsInPlace(c, n) {
			return
		}
		if n.Type() == "call_expression" && isChainTop(n) {
			if h := c.dbCall(n); h != nil {
				if modelParam(c.fs, fn, h.model) {
					// count(entity) → getRepository(entity).count(): the
					// table is the caller's to choose; a loop over it
					// visits tables, not rows.
					return
				}
				direct = &qilSummary{name: h.name, cl: h.cl, op: h.op, pending: h.pending && !isAsyncFunc(fn), stmtParam: stmtParam(fn, h.stmt)}
				return
			}
			if viaHelper == nil {
				first := c.chain(n)[0]
				for _, g := range c.localFuncs(first) {
					if g.ID() == fn.ID() {
						continue
					}
					if s := c.summary(g); s != nil && len(s.via)+1 < qilMaxHops {
						pending := false
						if s.pending {
							// g only builds: this call queries if it runs
							// g's result here, or returns it to a caller
							// that does.
							if !c.runsResult(n) {
								continue
							}
							pending = returnedOnly(n) && !isAsyncFunc(fn)
						}
						name := renderExpr(first.Field("function"), 0)
						sp := -1
						if s.stmtParam >= 0 {
							sp = stmtParam(fn, argAt(first, s.stmtParam))
						}
						viaHelper = &qilSummary{name: s.name, cl: s.cl, op: s.op, via: append([]string{name}, s.via...), pending: pending, stmtParam: sp}
						break
					}
				}
			}
		}
		for ch := n.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
			scan(ch)
		}
	}
	if body := fn.Field("body"); !body.IsNull() {
		scan(body)
	}
	s := direct
	if s == nil {
		s = viaHelper
	}
	c.sums[fn.ID()] = s
	return s
}

// isAsyncFunc reports an async function: its promise adopts a returned
// builder, which runs it.
func isAsyncFunc(fn parsers.Node) bool {
	for ch := fn.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if ch.Type() == "async" {
			return true
		}
	}
	return false
}

// returnedOnly reports whether a lazily run query counts as run only
// because the function around it returns it (return q, x => q), rather
// than because it is awaited, yielded or handed to Promise.all here.
func returnedOnly(top parsers.Node) bool {
	if awaitedCall(top) {
		return false
	}
	n, p := top, top.Parent()
	for {
		switch p.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "ternary_expression", "binary_expression":
			n, p = p, p.Parent()
			continue
		}
		break
	}
	switch p.Type() {
	case "return_statement":
		return true
	case "arrow_function":
		return n.FieldName() == "body"
	}
	return false
}

// runsResult reports whether a call to a helper that returns an unrun
// builder runs that builder: the call is awaited, chained with then,
// catch or finally, handed to Promise.all, or returned; a map callback's
// result counts only when the mapped list is itself run.
func (c *qilChecker) runsResult(top parsers.Node) bool {
	for _, call := range c.chain(top)[1:] {
		switch _, m := Callee(call); m {
		case "then", "catch", "finally", "exec":
			return true
		}
	}
	if !consumedValue(top) {
		return false
	}
	return c.mapResultRuns(top)
}

// mapResultRuns reports whether a lazy query returned from a map callback
// (xs.map((x) => knex.raw(…)), or `return q` in its block) is run: the
// mapped list is awaited, handed to Promise.all (directly, spread into an
// array, or through the variable it is assigned to), returned, or the
// callback is async (its promise adopts the builder). A list of raw
// fragments spread into select(…) only builds one statement. Queries not
// returned from a map callback are left to consumedValue.
func (c *qilChecker) mapResultRuns(top parsers.Node) bool {
	if c.goF || !returnedOnly(top) {
		return true
	}
	fn := EnclosingFunction(top)
	if fn.IsNull() || isAsyncFunc(fn) {
		return true
	}
	p := fn.Parent()
	for p.Type() == "parenthesized_expression" {
		p = p.Parent()
	}
	if p.Type() != "arguments" {
		return true
	}
	it := p.Parent()
	if _, m := Callee(it); m != "map" && m != "flatMap" {
		return true
	}
	if consumedValue(it) {
		return true
	}
	q := it.Parent()
	for q.Type() == "parenthesized_expression" || q.Type() == "spread_element" || q.Type() == "array" {
		q = q.Parent()
	}
	switch q.Type() {
	case "arguments":
		// Promise.all(list), promiseAll(list), an unknown runner: run.
		// select(...list), union(list), raw("?", list) or a helper of this
		// file: composed into one statement.
		call := q.Parent()
		if runsList(call) {
			return true
		}
		if _, m := Callee(call); qilComposeMethods[m] {
			return false
		}
		return len(c.localFuncs(call)) == 0
	case "variable_declarator":
		name := q.Field("name")
		if name.Type() != "identifier" {
			return false
		}
		scope := EnclosingFunction(it)
		if scope.IsNull() {
			scope = it.File().Root()
		}
		src := c.src[scope.StartByte():scope.EndByte()]
		return handedToPromiseAll(src, name.Text()) || bytes.Contains(src, []byte("await "+name.Text()))
	}
	return false
}

// qilRunsListRE names functions that run a list of promises: Promise.all,
// allSettled, a project's promiseAll, pAll, parallel, series.
var qilRunsListRE = regexp.MustCompile(`(?i)^(all|allsettled|race|any|parallel|series|settle|transaction|batch)$|all$|allsettled$`)

// qilComposeMethods are query-builder methods that take a list of
// fragments or sub-builders and put them into one statement.
var qilComposeMethods = setOf("select", "column", "columns", "from", "into", "union", "unionAll", "intersect",
	"except", "whereIn", "whereNotIn", "orWhereIn", "whereExists", "raw", "with", "groupBy", "orderBy",
	"returning", "values", "distinct", "distinctOn", "having", "join", "leftJoin", "concat", "push")

// runsList reports a call that runs the list of promises it is given,
// also through the compiled form (0, utils.promiseAll)(list).
func runsList(call parsers.Node) bool {
	fn := Unparen(call.Field("function"))
	if fn.Type() == "sequence_expression" {
		if kids := fn.NamedChildren(); len(kids) > 0 {
			fn = Unparen(kids[len(kids)-1])
		}
	}
	name := fn.Text()
	switch fn.Type() {
	case "member_expression":
		name = fn.Field("property").Text()
	case "identifier":
	default:
		return false
	}
	return qilRunsListRE.MatchString(name)
}

// runsInPlace reports whether a function literal inside a helper runs when
// the helper does: an IIFE, an iteration callback, a then/transaction
// callback or a promise executor.
func runsInPlace(c *qilChecker, fn parsers.Node) bool {
	p := fn.Parent()
	for p.Type() == "parenthesized_expression" {
		fn, p = p, p.Parent()
	}
	switch p.Type() {
	case "call_expression":
		return fn.FieldName() == "function"
	case "arguments", "argument_list":
		call := p.Parent()
		if call.Type() == "new_expression" {
			return call.Field("constructor").Text() == "Promise"
		}
		if it := c.iteration(call); it.ok && Unparen(it.cb).ID() == Unparen(fn).ID() {
			return true
		}
		return c.invokesCallback(call)
	}
	return false
}

// localFuncs returns the functions in this file a call may run: a plain
// function by name, this.method() in the same class, or a Go method on the
// enclosing method's receiver type.
func (c *qilChecker) localFuncs(call parsers.Node) []parsers.Node {
	fn := callFunc(call)
	switch fn.Type() {
	case "identifier":
		name := fn.Text()
		if _, ok := c.fs.Import(name); ok {
			return nil
		}
		if d, ok := c.fs.Resolve(fn); ok && !IsFunction(Unparen(d.Init)) {
			return nil // a parameter or variable shadows the function
		}
		var out []parsers.Node
		for _, f := range c.fs.Functions(name) {
			if isPlainFunction(f) {
				out = append(out, f)
			}
		}
		return out
	case "member_expression":
		obj := Unparen(fn.Field("object"))
		method := fn.Field("property").Text()
		if obj.Type() == "this" {
			cls := enclosingClassBody(call)
			if cls.IsNull() {
				// const svc = { async one(id) {…}, async all(ids) { … this.one(id) } }
				return c.literalMethods(thisObjectLiteral(call), method)
			}
			return c.classMethods(cls, method)
		}
		if t := obj.Text(); t == "exports" || t == "module.exports" {
			// CommonJS: exports.load = async (id) => …; exports.load(id)
			if _, ok := c.fs.Resolve(RootIdent(obj)); !ok {
				return c.exportedFuncs(method)
			}
		}
		if obj.Type() == "identifier" {
			// const userService = { async get(id) { … } }; userService.get(id)
			if ms := c.objectMethods(obj, method); len(ms) > 0 {
				return ms
			}
		}
		// this.repo.find(…) or repo.find(…) where repo is a class of this file.
		if cls := c.localClassOf(obj); !cls.IsNull() {
			return c.classMethods(cls, method)
		}
		// OrderRepo.byId(…): a static method of a class of this file.
		if obj.Type() == "identifier" && isUpperIdent(obj.Text()) {
			if _, ok := c.fs.Resolve(obj); !ok {
				if _, imported := c.fs.Import(obj.Text()); !imported {
					if cls := c.classBody(obj.Text()); !cls.IsNull() {
						return c.classMethods(cls, method)
					}
				}
			}
		}
		return nil
	case "selector_expression":
		if !c.goF {
			return nil
		}
		typ := c.goTypeOf(Unparen(fn.Field("operand")))
		if typ == "" {
			return nil
		}
		var out []parsers.Node
		for _, f := range c.fs.Functions(fn.Field("field").Text()) {
			if f.Type() == "method_declaration" && goReceiverType(f) == typ {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// classMethods returns the methods (and arrow-function fields) named name
// of a class body.
func (c *qilChecker) classMethods(cls parsers.Node, name string) []parsers.Node {
	var out []parsers.Node
	for _, f := range c.fs.Functions(name) {
		if enclosingClassBody(f).ID() != cls.ID() {
			continue
		}
		if f.Type() == "method_definition" || f.Parent().Type() == "public_field_definition" || f.Parent().Type() == "field_definition" {
			out = append(out, f)
		}
	}
	return out
}

// localClassOf returns the body of the class declared in this file that a
// JS expression is an instance of: a field or variable typed T or
// initialised with new T().
func (c *qilChecker) localClassOf(e parsers.Node) parsers.Node {
	var d Decl
	var ok bool
	switch e.Type() {
	case "identifier":
		d, ok = c.fs.Resolve(e)
	case "member_expression":
		d, ok = c.fs.ResolveExpr(e)
	}
	if !ok {
		return parsers.Node{}
	}
	name := baseTypeName(d.Type)
	if name == "" {
		if init := Unparen(d.Init); init.Type() == "new_expression" {
			name = init.Field("constructor").Text()
		}
	}
	if name == "" || !isUpperIdent(name) {
		return parsers.Node{}
	}
	if _, imported := c.fs.Import(name); imported {
		return parsers.Node{}
	}
	return c.classBody(name)
}

// classBody returns the body of the class named name declared in this
// file (at any depth outside functions), or the zero Node.
func (c *qilChecker) classBody(name string) parsers.Node {
	if body, ok := c.classes[name]; ok {
		return body
	}
	var body parsers.Node
	c.pass.File.Root().Walk(func(n parsers.Node) bool {
		if !body.IsNull() {
			return false
		}
		switch n.Type() {
		case "class_declaration", "class", "abstract_class_declaration":
			if n.Field("name").Text() == name {
				body = n.Field("body")
			}
			return false
		case "function_declaration", "arrow_function", "method_definition":
			return false
		}
		return true
	})
	if c.classes == nil {
		c.classes = map[string]parsers.Node{}
	}
	c.classes[name] = body
	return body
}

// goTypeOf names the type of a Go operand declared in this file: a
// variable or parameter with a type (or &T{} initialiser), or a struct
// field (s.repo).
func (c *qilChecker) goTypeOf(e parsers.Node) string {
	var d Decl
	var ok bool
	switch e.Type() {
	case "identifier":
		d, ok = c.fs.Resolve(e)
	case "selector_expression":
		if d, ok = c.fs.ResolveExpr(e); !ok {
			ds := c.fs.Fields(e.Field("field").Text())
			if len(ds) == 1 {
				d, ok = ds[0], true
			}
		}
	}
	if !ok {
		return ""
	}
	if d.Type != "" {
		if strings.Contains(d.Type, ".") && !strings.HasPrefix(strings.TrimLeft(d.Type, "*"), ".") {
			return "" // a type from another package
		}
		return baseTypeName(d.Type)
	}
	init := Unparen(d.Init)
	if init.Type() == "unary_expression" {
		init = init.Field("operand")
	}
	if init.Type() == "composite_literal" {
		if t := init.Field("type"); t.Type() == "type_identifier" {
			return t.Text()
		}
	}
	return ""
}

// objectMethods returns the methods named name of an object literal bound
// to the identifier obj in this file.
func (c *qilChecker) objectMethods(obj parsers.Node, name string) []parsers.Node {
	d, ok := c.fs.Resolve(obj)
	if !ok || d.Kind != VarDecl {
		return nil
	}
	return c.literalMethods(Unparen(d.Init), name)
}

// literalMethods returns the methods named name of an object literal.
func (c *qilChecker) literalMethods(lit parsers.Node, name string) []parsers.Node {
	if lit.Type() != "object" {
		return nil
	}
	var out []parsers.Node
	for _, f := range c.fs.Functions(name) {
		p := f.Parent()
		if f.Type() == "method_definition" && p.ID() == lit.ID() {
			out = append(out, f)
		} else if p.Type() == "pair" && p.Parent().ID() == lit.ID() {
			out = append(out, f)
		}
	}
	return out
}

// isPlainFunction reports whether fn is callable by its bare name: a
// function declaration or a function assigned to a variable.
func isPlainFunction(fn parsers.Node) bool {
	switch fn.Type() {
	case "function_declaration", "generator_function_declaration":
		return true
	case "arrow_function", "function_expression", "function", "generator_function", "func_literal":
		switch fn.Parent().Type() {
		case "variable_declarator", "expression_list":
			return true
		}
	}
	return false
}

func enclosingClassBody(n parsers.Node) parsers.Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Type() == "class_body" {
			return p
		}
	}
	return parsers.Node{}
}

// baseTypeName strips pointers, generic arguments and a package qualifier:
// "*store.Store[T]" -> "Store".
func baseTypeName(t string) string {
	t = strings.TrimLeft(t, "*&")
	if i := strings.IndexAny(t, "[<"); i > 0 {
		t = t[:i]
	}
	if i := strings.LastIndex(t, "."); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// goReceiverType returns the receiver type name of a Go method.
func goReceiverType(m parsers.Node) string {
	name := ""
	m.Field("receiver").Walk(func(n parsers.Node) bool {
		if n.Type() == "type_identifier" {
			name = n.Text()
			return false
		}
		return name == ""
	})
	return name
}

// thisObjectLiteral returns the object literal that `this` is in a method
// of that literal (arrow functions pass this through), or the zero Node.
func thisObjectLiteral(n parsers.Node) parsers.Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if !IsFunction(p) || p.Type() == "arrow_function" {
			continue
		}
		switch {
		case p.Type() == "method_definition" && p.Parent().Type() == "object":
			return p.Parent()
		case p.Parent().Type() == "pair" && p.Parent().Parent().Type() == "object":
			return p.Parent().Parent()
		}
		return parsers.Node{}
	}
	return parsers.Node{}
}

// exportedFuncs returns the functions a CommonJS module exports as name:
// exports.name = function…, module.exports.name = load, module.exports =
// { name, … }.
func (c *qilChecker) exportedFuncs(name string) []parsers.Node {
	var out []parsers.Node
	byName := func(id parsers.Node) {
		if d, ok := c.fs.Resolve(id); ok && !IsFunction(Unparen(d.Init)) {
			return
		}
		for _, f := range c.fs.Functions(id.Text()) {
			if isPlainFunction(f) {
				out = append(out, f)
			}
		}
	}
	root := c.pass.File.Root()
	for st := root.FirstChild(); !st.IsNull(); st = st.NextSibling() {
		if st.Type() != "expression_statement" {
			continue
		}
		a := st.NamedChild(0)
		if a.Type() != "assignment_expression" {
			continue
		}
		left, right := a.Field("left").Text(), Unparen(a.Field("right"))
		switch left {
		case "exports." + name, "module.exports." + name:
			if IsFunction(right) {
				out = append(out, right)
			} else if right.Type() == "identifier" {
				byName(right)
			}
		case "module.exports":
			if right.Type() != "object" {
				continue
			}
			out = append(out, c.literalMethods(right, name)...)
			for ch := right.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
				if ch.Type() == "shorthand_property_identifier" && ch.Text() == name {
					for _, f := range c.fs.Functions(name) {
						if isPlainFunction(f) {
							out = append(out, f)
						}
					}
				}
			}
		}
	}
	return out
}
