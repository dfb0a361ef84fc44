package rules

// Client classification: which expressions are database, ORM or cache
// clients, and what each method call on them does.
//
// Rules ask ClassifyClient (or a ClientClassifier when they classify many
// expressions in one file) what an expression is, and ClientMethod what a
// method call on it does. The evidence is what the file itself says: what
// it imports, what a variable was initialised from, the declared type of a
// parameter, field or class property, and only when none of that decides,
// the receiver's name together with the file's database imports.

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Client families: the library a client expression belongs to.
const (
	// TypeScript and JavaScript.
	FamilyPG          = "pg"         // node-postgres
	FamilyMySQL       = "mysql2"     // mysql, mysql2, mariadb
	FamilyPGPromise   = "pg-promise" // pg-promise
	FamilySQLTag      = "sql-tag"    // postgres.js, @vercel/postgres, Neon: sql`…` tagged templates
	FamilyPrisma      = "prisma"     // Prisma Client
	FamilyTypeORM     = "typeorm"    // TypeORM
	FamilySequelize   = "sequelize"  // Sequelize
	FamilyKnex        = "knex"       // Knex query builder
	FamilyMikroORM    = "mikro-orm"  // MikroORM EntityManager and repositories
	FamilyKysely      = "kysely"     // Kysely query builder
	FamilyDrizzle     = "drizzle"    // Drizzle ORM
	FamilyMongoose    = "mongoose"   // Mongoose models
	FamilyMongoDB     = "mongodb"    // MongoDB Node.js driver
	FamilyNodeRedis   = "node-redis" // redis / @redis/client
	FamilyIORedis     = "ioredis"    // ioredis, @upstash/redis, @vercel/kv
	FamilySQL         = "sql"        // an SQL client known only by name and the file's imports
	FamilyORMModel    = "orm-model"  // an ORM model class known only by name and where it is imported from
	FamilyObjection   = "objection"  // an Objection.js query builder: Model.query(), instance.$relatedQuery(…)
	FamilyRedis       = "redis"      // a Redis client known only by name and the file's imports
	FamilyCustom      = "custom"     // a type taught through Knowledge.QueryTypes
	FamilyDatabaseSQL = "database/sql"
	// Go.
	FamilySQLX     = "sqlx"
	FamilyPGX      = "pgx"
	FamilyGORM     = "gorm"
	FamilyEnt      = "ent"
	FamilySQLC     = "sqlc"     // sqlc-generated *Queries
	FamilyGoRedis  = "go-redis" // github.com/redis/go-redis
	FamilyRedigo   = "redigo"   // github.com/gomodule/redigo
	FamilyMongoGo  = "mongo-go" // go.mongodb.org/mongo-driver
	FamilyBun      = "bun"      // github.com/uptrace/bun
	familyGoSQLish = "go-sql"   // a Go SQL handle known only by name and the file's imports
)

// ClientKind is what kind of store a client talks to.
type ClientKind uint8

// Client kinds.
const (
	NoClient       ClientKind = iota
	SQLClient                 // SQL drivers and query builders
	ORMClient                 // ORMs and generated query layers
	DocumentClient            // MongoDB and Mongoose
	CacheClient               // Redis and Redis-compatible stores
	CustomClient              // taught through Knowledge.QueryTypes
)

// ClientRole is what a client expression is within its library.
type ClientRole uint8

// Client roles.
const (
	RoleNone     ClientRole = iota
	RoleConn                // a pool, connection, client, DB handle or transaction: issues queries
	RoleModel               // an ORM model, repository, delegate, collection or entity client
	RoleBuilder             // a query being built; it runs when executed or awaited
	RolePipeline            // a Redis pipeline or MULTI: commands are queued, sent once
	RoleCursor              // rows, a cursor or a single-row result: reading it is not a query
	RoleStmt                // a prepared statement
	RoleFactory             // something that makes clients (a tagged-template factory, a pool of redigo conns)
	RoleDocument            // a loaded ORM document or entity (doc.save(), u.QueryPosts())
	RoleTxOption            // a transaction handle passed as an option (Sequelize), not a client
)

// A Client says what an expression is. The zero Client is "not a client".
type Client struct {
	Family string
	Kind   ClientKind
	Role   ClientRole
	// Strong is true when an import, a declared type or an initialiser says
	// so; false when the receiver's name and the file's imports do.
	Strong bool
}

// IsClient reports whether c is any kind of database, ORM or cache client.
func (c Client) IsClient() bool {
	return c.Kind != NoClient && c.Role != RoleNone && c.Role != RoleTxOption
}

// IsCache reports whether c is a Redis (or Redis-compatible) client.
func (c Client) IsCache() bool { return c.Kind == CacheClient }

// IsDB reports whether c is an SQL, ORM or document database client.
func (c Client) IsDB() bool {
	return c.Kind == SQLClient || c.Kind == ORMClient || c.Kind == DocumentClient
}

// ClassifyClient says what an expression is, from the file's facts. For
// many expressions in one file, use a ClientClassifier, which memoises.
func ClassifyClient(fs *Facts, k *Knowledge, e parsers.Node) Client {
	return NewClientClassifier(fs, k).Classify(e)
}

// MethodOp is what a method call on a client does.
type MethodOp uint8

// Method operations.
const (
	OpNone      MethodOp = iota // not a query (or unknown)
	OpQuery                     // runs a query or command now
	OpLazyQuery                 // builds a query that runs when awaited, then'd or returned
	OpBatch                     // a batched form: one round trip for many items
	OpDerive                    // returns another client (a transaction, builder, pipeline, cursor…)
)

// MethodInfo is the answer of ClientMethod.
type MethodInfo struct {
	Op MethodOp
	// Result is what the call returns, for OpDerive (and for queries whose
	// result is itself a client, such as rows or a cursor).
	Result Client
}

var familyKinds = map[string]ClientKind{
	FamilyPG: SQLClient, FamilyMySQL: SQLClient, FamilyPGPromise: SQLClient, FamilySQLTag: SQLClient,
	FamilyKnex: SQLClient, FamilyKysely: SQLClient, FamilyDrizzle: SQLClient, FamilySQL: SQLClient,
	FamilyPrisma: ORMClient, FamilyTypeORM: ORMClient, FamilySequelize: ORMClient, FamilyORMModel: ORMClient,
	FamilyObjection: ORMClient, FamilyMikroORM: ORMClient,
	FamilyMongoose: DocumentClient, FamilyMongoDB: DocumentClient,
	FamilyNodeRedis: CacheClient, FamilyIORedis: CacheClient, FamilyRedis: CacheClient,
	FamilyCustom:      CustomClient,
	FamilyDatabaseSQL: SQLClient, FamilySQLX: SQLClient, FamilyPGX: SQLClient, familyGoSQLish: SQLClient,
	FamilyGORM: ORMClient, FamilyEnt: ORMClient, FamilySQLC: ORMClient,
	FamilyGoRedis: CacheClient, FamilyRedigo: CacheClient, FamilyMongoGo: DocumentClient,
	FamilyBun: SQLClient,
}

func mk(family string, role ClientRole, strong bool) Client {
	return Client{Family: family, Kind: familyKinds[family], Role: role, Strong: strong}
}

// ---------------------------------------------------------------------------
// Modules.

// jsModuleFamily maps an imported module specifier to a client family.
func jsModuleFamily(mod string) string {
	switch mod {
	case "pg", "pg-pool", "pg-native":
		return FamilyPG
	case "mysql", "mysql2", "mysql2/promise", "mariadb", "mariadb/callback", "@planetscale/database":
		return FamilyMySQL
	case "pg-promise":
		return FamilyPGPromise
	case "postgres", "@vercel/postgres", "@neondatabase/serverless", "slonik":
		return FamilySQLTag
	case "@prisma/client", "@prisma/client/edge", ".prisma/client":
		return FamilyPrisma
	case "typeorm", "@nestjs/typeorm":
		return FamilyTypeORM
	case "sequelize", "sequelize-typescript", "@nestjs/sequelize":
		return FamilySequelize
	case "knex":
		return FamilyKnex
	case "kysely":
		return FamilyKysely
	case "mongoose", "@nestjs/mongoose":
		return FamilyMongoose
	case "mongodb":
		return FamilyMongoDB
	case "redis", "@redis/client":
		return FamilyNodeRedis
	case "ioredis", "@upstash/redis", "@vercel/kv", "@nestjs-modules/ioredis", "@liaoliaots/nestjs-redis":
		return FamilyIORedis
	}
	if mod == "drizzle-orm" || strings.HasPrefix(mod, "drizzle-orm/") {
		return FamilyDrizzle
	}
	if strings.HasPrefix(mod, "@mikro-orm/") || !isRelativeModule(mod) &&
		(strings.Contains(mod, "/mikro-orm/") || strings.HasSuffix(mod, "/mikro-orm")) {
		// @mikro-orm/core, and frameworks' re-exports
		// (@medusajs/framework/mikro-orm/core).
		return FamilyMikroORM
	}
	if strings.HasPrefix(mod, "@prisma/client/") {
		return FamilyPrisma
	}
	return ""
}

// goModuleFamily maps a Go import path to a client family.
func goModuleFamily(p string) string {
	switch {
	case p == "database/sql":
		return FamilyDatabaseSQL
	case p == "github.com/jmoiron/sqlx":
		return FamilySQLX
	case strings.HasPrefix(p, "github.com/jackc/pgx"):
		return FamilyPGX
	case p == "gorm.io/gorm" || p == "github.com/jinzhu/gorm":
		return FamilyGORM
	case p == "github.com/uptrace/bun":
		return FamilyBun
	case strings.HasPrefix(p, "github.com/redis/go-redis") || strings.HasPrefix(p, "github.com/go-redis/redis"):
		return FamilyGoRedis
	case strings.HasPrefix(p, "github.com/gomodule/redigo") || strings.HasPrefix(p, "github.com/garyburd/redigo"):
		return FamilyRedigo
	case strings.HasPrefix(p, "go.mongodb.org/mongo-driver") && strings.HasSuffix(p, "/mongo"):
		return FamilyMongoGo
	case p == "entgo.io/ent" || strings.HasSuffix(p, "/ent") || p == "ent":
		return FamilyEnt
	}
	return ""
}

// goSQLDriver reports whether an import path is an SQL driver registered
// for database/sql (its presence is evidence the file talks SQL).
func goSQLDriver(p string) bool {
	switch p {
	case "github.com/lib/pq", "github.com/go-sql-driver/mysql", "github.com/mattn/go-sqlite3", "modernc.org/sqlite",
		"github.com/jackc/pgx/v5/stdlib", "github.com/jackc/pgx/v4/stdlib", "github.com/microsoft/go-mssqldb",
		"github.com/denisenkom/go-mssqldb":
		return true
	}
	return false
}

// pathHint classifies a local (relative or project) module path by its
// last segments: "./db", "@/lib/prisma", "../models/user", ".../internal/store".
type pathHint uint8

const (
	hintNone pathHint = iota
	hintSQL
	hintPrisma
	hintRedis
	hintModel
	hintMongo
	numHints
)

func modulePathHint(mod string) pathHint { return pathHintOf(mod, false) }

// pathHintOf is modulePathHint; goPath admits the package names Go
// projects give their data layers (store, repository, dal…).
func pathHintOf(mod string, goPath bool) pathHint {
	if mod == "" {
		return hintNone
	}
	segs := strings.Split(strings.ToLower(mod), "/")
	// Look at the last two segments: "@/server/db", "../db/index", "../models/user".
	start := len(segs) - 2
	if start < 0 {
		start = 0
	}
	best := hintNone
	for _, s := range segs[start:] {
		s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, ".js"), ".ts"), ".mjs")
		s = strings.TrimSuffix(s, ".service")
		switch {
		case strings.Contains(s, "prisma"):
			return hintPrisma
		case strings.Contains(s, "redis"):
			return hintRedis
		case strings.Contains(s, "mongo") && !goPath:
			return hintMongo
		case s == "db" || s == "database" || s == "pg" || s == "postgres" || s == "mysql" || s == "knex" ||
			s == "drizzle" || s == "sql" || s == "dbclient" || s == "pool" || s == "sqlc" || s == "dbgen" ||
			s == "datasource" || s == "data-source" || s == "connection" || s == "kysely" ||
			strings.HasSuffix(s, "-db") || strings.HasPrefix(s, "db-") || strings.HasSuffix(s, "_db") ||
			goPath && (s == "store" || s == "storage" || s == "repository" || s == "repo" || s == "dal" ||
				s == "queries" || s == "postgresql" || s == "sqlstore" || s == "pgstore"):
			if best == hintNone {
				best = hintSQL
			}
		case s == "models" || s == "model" || s == "entities" || s == "entity" || s == "schemas" || s == "schema" ||
			strings.HasSuffix(s, ".model") || strings.HasSuffix(s, ".entity") || strings.HasSuffix(s, ".schema"):
			best = hintModel
		}
	}
	return best
}

func isRelativeModule(mod string) bool {
	return strings.HasPrefix(mod, ".") || strings.HasPrefix(mod, "@/") || strings.HasPrefix(mod, "~/") ||
		strings.HasPrefix(mod, "#") || strings.HasPrefix(mod, "src/") || strings.HasPrefix(mod, "@app/") ||
		strings.HasPrefix(mod, "@lib/") || strings.HasPrefix(mod, "@server/")
}

// fileEvidence is what a file's imports say about the stores it uses.
type fileEvidence struct {
	families map[string]bool
	sqlFam   string // the only SQL-ish family imported, if exactly one
	nSQL     int
	redisFam string
	hint     [numHints]bool
	goSQL    bool // Go: database/sql, sqlx, pgx, a driver or GORM imported
	goRedis  string
	// Go: names of fields handed to a go-redis Lua script as its client
	// (`doneScript.Run(ctx, r.client, keys, …)` with `var doneScript =
	// redis.NewScript(…)`): the field is a Redis client, whatever its name.
	goScripters map[string]bool
}

func (ev *fileEvidence) any() bool {
	return len(ev.families) > 0 || ev.hint[hintSQL] || ev.hint[hintPrisma] || ev.hint[hintRedis] || ev.hint[hintModel] ||
		ev.hint[hintMongo] || ev.goSQL
}

func newFileEvidence(fs *Facts) *fileEvidence {
	ev := &fileEvidence{families: map[string]bool{}}
	goFile := fs.File != nil && fs.File.Lang == parsers.Go
	mods := fs.modules
	if !goFile && fs.File != nil {
		// require("knex")(config) and require("pg-promise")() are not
		// plain imports; find their module names in the source.
		if extra := calledRequires(fs.File.Src); len(extra) > 0 {
			mods = make(map[string]bool, len(fs.modules)+len(extra))
			for m := range fs.modules {
				mods[m] = true
			}
			for _, m := range extra {
				mods[m] = true
			}
		}
	}
	for m := range mods {
		var fam string
		if goFile {
			fam = goModuleFamily(m)
			if goSQLDriver(m) {
				ev.goSQL = true
			}
			if fam == "" && strings.Contains(m, ".") || fam == "" && strings.Contains(m, "/") {
				// A project package: .../internal/db, .../store.
				if h := pathHintOf(m, true); h != hintNone && h != hintModel {
					ev.hint[h] = true
				}
			}
		} else {
			fam = jsModuleFamily(m)
			if fam == "" && isRelativeModule(m) {
				ev.hint[modulePathHint(m)] = true
			}
		}
		if fam == "" {
			continue
		}
		ev.families[fam] = true
		switch familyKinds[fam] {
		case SQLClient, ORMClient:
			if fam != FamilyPrisma && fam != FamilyEnt && fam != FamilySQLC && fam != FamilyMikroORM {
				ev.nSQL++
				ev.sqlFam = fam
			}
			if fam == FamilyDatabaseSQL || fam == FamilySQLX || fam == FamilyPGX || fam == FamilyGORM {
				ev.goSQL = true
			}
		case CacheClient:
			ev.redisFam = fam
			if goFile {
				ev.goRedis = fam
			}
		}
	}
	if !goFile && fs.File != nil && !ev.families[FamilyKnex] && bytes.Contains(fs.File.Src, []byte("knex")) && knexTableCallRE.Match(fs.File.Src) {
		// A Knex instance handed in by a runner (migrations, seeds):
		// async function up(knex) { await knex("users").update(…) }.
		// Nothing is imported, but knex("table") is Knex's own shape.
		ev.families[FamilyKnex] = true
		ev.nSQL++
		ev.sqlFam = FamilyKnex
	}
	if ev.nSQL != 1 {
		ev.sqlFam = ""
	}
	if goFile && ev.goRedis != "" && fs.File != nil {
		ev.goScripters = goScriptClientFields(fs.File.Src)
	}
	ev.hint[hintNone] = false
	return ev
}

var (
	goNewScriptRE = regexp.MustCompile(`(?m)^\s*(?:var\s+)?(\w+)\s*=\s*&?\w+\.NewScript\(`)
	goScriptRunRE = regexp.MustCompile(`\b(\w+)\.(?:Run|RunRO|Eval|EvalRO|EvalSha|EvalShaRO)\(\s*[^,;]+,\s*\w+(?:\.\w+)*\.(\w+)\s*,`)
)

// goScriptClientFields returns the field names handed as the client to
// `script.Run(ctx, x.field, keys, …)` (or Eval…) of a package-level script
// declared with NewScript in the same source.
func goScriptClientFields(src []byte) map[string]bool {
	if !bytes.Contains(src, []byte("NewScript(")) {
		return nil
	}
	scripts := map[string]bool{}
	for _, m := range goNewScriptRE.FindAllSubmatch(src, -1) {
		scripts[string(m[1])] = true
	}
	var out map[string]bool
	for _, m := range goScriptRunRE.FindAllSubmatch(src, -1) {
		if scripts[string(m[1])] {
			if out == nil {
				out = map[string]bool{}
			}
			out[string(m[2])] = true
		}
	}
	return out
}

// knexTableCallRE finds knex("table") and knex('table as t'): a call of
// something named knex with a table name. It has no literal prefix for the
// regexp engine to skip ahead with, so callers check for "knex" first: run
// over every file's source it was a quarter of all rule time.
var knexTableCallRE = regexp.MustCompile("(?:^|[^.\\w$])knex\\s*\\(\\s*['\"`][A-Za-z_]")

// calledRequires returns the modules of require("m")(…) calls.
func calledRequires(src []byte) []string {
	var out []string
	const pat = "require("
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(pat))
		if j < 0 {
			return out
		}
		i += j + len(pat)
		if i >= len(src) || (src[i] != '"' && src[i] != '\'') {
			continue
		}
		q := src[i]
		k := bytes.IndexByte(src[i+1:], q)
		if k < 0 || k > 100 {
			continue
		}
		mod := string(src[i+1 : i+1+k])
		end := i + 1 + k + 1
		if end+1 < len(src) && src[end] == ')' && src[end+1] == '(' && jsModuleFamily(mod) != "" {
			out = append(out, mod)
		}
		i = end
	}
}

// ---------------------------------------------------------------------------
// The classifier.

// ClientClassifier classifies expressions of one file, memoising results.
// It is not safe for concurrent use.
type ClientClassifier struct {
	fs   *Facts
	k    *Knowledge
	goF  bool
	ev   *fileEvidence
	memo map[int]Client
	busy map[int]bool
}

// NewClientClassifier returns a classifier for the file described by fs.
// k may be nil.
func NewClientClassifier(fs *Facts, k *Knowledge) *ClientClassifier {
	if k == nil {
		k = &Knowledge{}
	}
	return &ClientClassifier{
		fs:   fs,
		k:    k,
		goF:  fs.File != nil && fs.File.Lang == parsers.Go,
		ev:   newFileEvidence(fs),
		memo: map[int]Client{},
		busy: map[int]bool{},
	}
}

// HasEvidence reports whether the file imports anything database- or
// cache-like, so that a rule can skip files that cannot have findings.
func (c *ClientClassifier) HasEvidence() bool { return c.ev.any() }

// Imports reports whether the file imports a module of the family.
func (c *ClientClassifier) Imports(family string) bool { return c.ev.families[family] }

// Classify says what an expression is.
func (c *ClientClassifier) Classify(e parsers.Node) Client {
	if e.IsNull() {
		return Client{}
	}
	id := e.ID()
	if cl, ok := c.memo[id]; ok {
		return cl
	}
	if c.busy[id] || len(c.busy) > 24 {
		return Client{}
	}
	c.busy[id] = true
	cl := c.classify(e)
	delete(c.busy, id)
	c.memo[id] = cl
	return cl
}

func (c *ClientClassifier) classify(e parsers.Node) Client {
	e = Unparen(e)
	switch e.Type() {
	case "await_expression":
		return c.Classify(e.NamedChild(0))
	case "identifier":
		return c.classifyIdent(e)
	case "this":
		return Client{}
	case "member_expression", "selector_expression":
		return c.classifyMember(e)
	case "call_expression":
		return c.classifyCall(e)
	case "new_expression":
		cl, _ := c.classifyNew(e)
		return cl
	case "unary_expression":
		// Go: &Store{…}
		if op := e.Field("operand"); op.Type() == "composite_literal" {
			return c.typeClient(collapse(op.Field("type").Text()))
		}
	case "composite_literal":
		return c.typeClient(collapse(e.Field("type").Text()))
	}
	return Client{}
}

// classifyIdent classifies a variable, parameter or import.
func (c *ClientClassifier) classifyIdent(id parsers.Node) Client {
	name := id.Text()
	if !c.goF {
		// for (const doc of await Model.find(…)): a loaded document.
		if cl := c.forOfDocument(id); cl.Role == RoleDocument {
			return cl
		}
	}
	if d, ok := c.fs.Resolve(id); ok {
		cl, decided := c.classifyDecl(d)
		if decided {
			return cl
		}
		if !c.goF {
			if cl := c.declDocument(d); cl.Role == RoleDocument {
				return cl
			}
		}
		return c.byName(name, false)
	}
	if im, ok := c.fs.Import(name); ok {
		return c.classifyImport(im)
	}
	return c.byName(name, false)
}

// classifyDecl classifies a declaration from its type or initialiser. The
// second result is false when neither decides, so that the name may.
func (c *ClientClassifier) classifyDecl(d Decl) (Client, bool) {
	switch d.Type {
	case "any", "unknown", "object", "interface{}", "any | undefined":
		d.Type = "" // says nothing
	}
	if d.Type != "" {
		if cl := c.typeClient(d.Type); cl.Kind != NoClient {
			return cl, true
		}
		// A declared type that is not a client.
		return Client{}, true
	}
	if !d.Init.IsNull() {
		if c.goF && d.Index > 0 {
			// rows, err := db.Query(…): only the first result is a client.
			init := Unparen(d.Init)
			if init.Type() == "call_expression" {
				return Client{}, true
			}
		}
		if d.Init.Type() == "range_clause" || d.Init.Parent().Type() == "range_clause" {
			return Client{}, false
		}
		return c.classifyInit(d.Init)
	}
	if d.Kind == ParamDecl && !c.goF {
		if cl, ok := c.callbackParam(d); ok {
			return cl, true
		}
	}
	return Client{}, false
}

// classifyInit classifies an initialiser.
func (c *ClientClassifier) classifyInit(init parsers.Node) (Client, bool) {
	e := Unparen(init)
	if e.Type() == "await_expression" {
		e = Unparen(e.NamedChild(0))
	}
	switch e.Type() {
	case "new_expression":
		return c.classifyNew(e)
	case "call_expression", "member_expression", "selector_expression", "identifier", "unary_expression", "composite_literal":
		cl := c.Classify(e)
		if cl.Kind != NoClient {
			return cl, true
		}
		if e.Type() == "composite_literal" || e.Type() == "unary_expression" {
			return Client{}, true
		}
		return Client{}, false
	case "binary_expression":
		// globalForPrisma.prisma ?? new PrismaClient(), global.db || createPool()
		if op := e.Field("operator"); op.Type() == "??" || op.Type() == "||" {
			return c.eitherSide(e.Field("left"), e.Field("right"))
		}
		return Client{}, true
	case "ternary_expression":
		return c.eitherSide(e.Field("consequence"), e.Field("alternative"))
	case "string", "template_string", "number", "array", "object", "arrow_function", "function_expression", "function",
		"true", "false", "null", "undefined", "regex", "class", "interpreted_string_literal", "raw_string_literal",
		"int_literal", "float_literal", "func_literal", "jsx_element", "jsx_self_closing_element":
		return Client{}, true
	}
	return Client{}, false
}

// eitherSide classifies `a ?? b`, `a || b` and `c ? a : b`: the side with
// the stronger evidence wins.
func (c *ClientClassifier) eitherSide(a, b parsers.Node) (Client, bool) {
	ca, _ := c.classifyInit(a)
	cb, _ := c.classifyInit(b)
	switch {
	case ca.Kind != NoClient && (ca.Strong || cb.Kind == NoClient):
		return ca, true
	case cb.Kind != NoClient:
		return cb, true
	}
	return Client{}, false
}

// classifyImport classifies an imported binding used as a value.
func (c *ClientClassifier) classifyImport(im Import) Client {
	fam := jsModuleFamily(im.Module)
	if c.goF {
		return Client{}
	}
	switch fam {
	case FamilySQLTag:
		switch im.Name {
		case "sql":
			return mk(FamilySQLTag, RoleConn, true)
		case "db":
			return mk(FamilyPG, RoleConn, true)
		}
		return Client{}
	case FamilyIORedis:
		if im.Module == "@vercel/kv" && im.Name == "kv" {
			return mk(FamilyIORedis, RoleConn, true)
		}
		return Client{}
	case "":
	default:
		// A module's own exports are constructors and factories, not
		// clients; those are recognised where they are called.
		return Client{}
	}
	if !isRelativeModule(im.Module) {
		return Client{}
	}
	// A project module: "import { db } from '@/server/db'",
	// "import User from '../models/user'".
	h := modulePathHint(im.Module)
	if h == hintNone && strings.Contains(strings.ToLower(im.Local), "redis") {
		// import { redisClient } from "../cache": the name says it.
		h = hintRedis
	}
	return c.byNameHint(im.Local, h)
}

// classifyMember classifies a property or field access.
func (c *ClientClassifier) classifyMember(e parsers.Node) Client {
	var obj, prop parsers.Node
	if e.Type() == "member_expression" {
		obj, prop = Unparen(e.Field("object")), e.Field("property")
	} else {
		obj, prop = Unparen(e.Field("operand")), e.Field("field")
	}
	name := prop.Text()
	if d, ok := c.fs.ResolveExpr(e); ok {
		if cl, decided := c.classifyDecl(d); decided {
			return cl
		}
		return c.byName(name, false)
	}
	// A package member in Go: database.DB, store.Pool.
	if c.goF && obj.Type() == "identifier" {
		if im, ok := c.fs.Import(obj.Text()); ok {
			if _, local := c.fs.Resolve(obj); !local {
				if h := pathHintOf(im.Module, true); h == hintSQL {
					return c.byNameHint(name, h)
				}
				return Client{}
			}
		}
	}
	base := c.Classify(obj)
	if base.Kind != NoClient {
		if cl, ok := memberOf(base, name); ok {
			return cl
		}
		return Client{}
	}
	// A field declared in this file on some type: s.store.db.
	if ds := c.fs.Fields(name); len(ds) > 0 {
		var first Client
		for i, d := range ds {
			cl, _ := c.classifyDecl(d)
			if i == 0 {
				first = cl
			} else if cl.Family != first.Family || cl.Role != first.Role {
				return Client{}
			}
		}
		if first.Kind != NoClient {
			return first
		}
	}
	// ctx.prisma, req.db, app.locals.pool, models.User: by name.
	if obj.Type() == "identifier" && !c.goF {
		if im, ok := c.fs.Import(obj.Text()); ok && isRelativeModule(im.Module) {
			if h := modulePathHint(im.Module); h != hintNone {
				if isUpperIdent(name) && (h == hintModel || h == hintSQL) {
					return mk(FamilyORMModel, RoleModel, c.importsORM())
				}
			}
		}
	}
	return c.byName(name, true)
}

// memberOf is what a property of a client is: prisma.user is a model
// delegate, dataSource.manager an entity manager, client.User (ent) an
// entity client.
func memberOf(base Client, name string) (Client, bool) {
	switch base.Family {
	case FamilyPrisma:
		if base.Role == RoleConn && !strings.HasPrefix(name, "$") && !strings.HasPrefix(name, "_") {
			return mk(FamilyPrisma, RoleModel, base.Strong), true
		}
	case FamilyTypeORM:
		if name == "manager" {
			return mk(FamilyTypeORM, RoleConn, base.Strong), true
		}
	case FamilyNodeRedis:
		switch name {
		case "json", "ft", "ts", "bf", "cf", "cms", "topK", "tDigest", "graph":
			return base, true
		}
	case FamilyDrizzle:
		if base.Role == RoleConn && name == "query" {
			return mk(FamilyDrizzle, RoleFactory, base.Strong), true
		}
		if base.Role == RoleFactory {
			return mk(FamilyDrizzle, RoleModel, base.Strong), true
		}
	case FamilySQL:
		// db.query.users (Drizzle's relational API), db.user.findMany (Prisma
		// behind a project module).
		if base.Role == RoleConn {
			if name == "query" {
				return mk(FamilyDrizzle, RoleFactory, base.Strong), true
			}
			return mk(FamilyPrisma, RoleModel, base.Strong), true
		}
	case FamilySequelize:
		if base.Role == RoleConn && name == "models" {
			return mk(FamilySequelize, RoleFactory, base.Strong), true
		}
		if base.Role == RoleFactory {
			return mk(FamilySequelize, RoleModel, base.Strong), true
		}
	case FamilyEnt:
		if (base.Role == RoleConn) && isUpperIdent(name) {
			return mk(FamilyEnt, RoleModel, base.Strong), true
		}
	case FamilyGORM:
		if name == "Statement" || name == "Config" || name == "Error" {
			return Client{}, false
		}
	}
	return Client{}, false
}

// classifyNew classifies `new X(…)`.
func (c *ClientClassifier) classifyNew(e parsers.Node) (Client, bool) {
	ctor := Unparen(e.Field("constructor"))
	var fam, name string
	switch ctor.Type() {
	case "identifier":
		name = ctor.Text()
		if im, ok := c.fs.Import(name); ok {
			fam = jsModuleFamily(im.Module)
			if im.Name != "default" && im.Name != "*" {
				name = im.Name
			} else if fam == FamilyIORedis || fam == FamilyPrisma {
				name = "Redis"
				if fam == FamilyPrisma {
					name = "PrismaClient"
				}
			}
		}
	case "member_expression":
		// new pg.Pool(), new Redis.Cluster()
		obj := Unparen(ctor.Field("object"))
		name = ctor.Field("property").Text()
		if obj.Type() == "identifier" {
			if im, ok := c.fs.Import(obj.Text()); ok {
				fam = jsModuleFamily(im.Module)
			}
		}
	default:
		return Client{}, false
	}
	if MatchType(c.k.QueryTypes, name) {
		return mk(FamilyCustom, RoleConn, true), true
	}
	switch fam {
	case FamilyPG:
		if name == "Pool" || name == "Client" || name == "Native" {
			return mk(FamilyPG, RoleConn, true), true
		}
	case FamilySQLTag:
		if name == "Pool" || name == "Client" {
			return mk(FamilyPG, RoleConn, true), true
		}
	case FamilyPrisma:
		if name == "PrismaClient" {
			return mk(FamilyPrisma, RoleConn, true), true
		}
	case FamilyIORedis:
		if name == "Redis" || name == "Cluster" || name == "default" {
			return mk(FamilyIORedis, RoleConn, true), true
		}
	case FamilyMongoDB:
		if name == "MongoClient" {
			return mk(FamilyMongoDB, RoleFactory, true), true
		}
	case FamilySequelize:
		if name == "Sequelize" {
			return mk(FamilySequelize, RoleConn, true), true
		}
	case FamilyTypeORM:
		if name == "DataSource" || name == "Connection" {
			return mk(FamilyTypeORM, RoleConn, true), true
		}
	case FamilyKysely:
		if name == "Kysely" {
			return mk(FamilyKysely, RoleConn, true), true
		}
	}
	if fam == "" && ctor.Type() == "identifier" {
		// new User({...}) of a Mongoose model is a document.
		if m := c.Classify(ctor); m.Role == RoleModel && (m.Family == FamilyMongoose || m.Family == FamilyORMModel) {
			return mk(m.Family, RoleDocument, m.Strong), true
		}
	}
	return Client{}, true
}

// classifyCall classifies the value a call returns.
func (c *ClientClassifier) classifyCall(call parsers.Node) Client {
	fn := callFunc(call)
	switch fn.Type() {
	case "identifier":
		return c.classifyFactoryCall(call, fn)
	case "call_expression":
		// require('knex')(config), require('pg-promise')()(cn)
		if mod, ok := requireCall(fn); ok {
			switch jsModuleFamily(mod) {
			case FamilyKnex:
				return mk(FamilyKnex, RoleConn, true)
			case FamilyPGPromise:
				return mk(FamilyPGPromise, RoleFactory, true)
			}
		}
		if f := c.Classify(fn); f.Family == FamilyPGPromise && f.Role == RoleFactory {
			return mk(FamilyPGPromise, RoleConn, true)
		}
		return Client{}
	case "member_expression", "selector_expression":
	default:
		return Client{}
	}
	recv, method := Callee(call)
	recv = Unparen(recv)
	// Module-level factories: mysql.createPool(), redis.createClient(),
	// sql.Open(), redis.NewClient(), pgxpool.New().
	if recv.Type() == "identifier" || recv.Type() == "package_identifier" {
		if im, ok := c.fs.Import(recv.Text()); ok {
			if _, shadowed := c.fs.Resolve(recv); !shadowed {
				if cl, ok := c.moduleFactory(im, method); ok {
					return cl
				}
			}
		}
	}
	base := c.Classify(recv)
	if base.Kind == NoClient {
		if !c.goF && c.ev.families[FamilyMikroORM] && (method == "getActiveManager" || method == "getEntityManager") {
			// MikroORM base repositories: const manager = super.getActiveManager(ctx).
			return mk(FamilyMikroORM, RoleConn, false)
		}
		return Client{}
	}
	info := ClientMethod(base, method, call)
	switch info.Op {
	case OpDerive, OpQuery, OpLazyQuery:
		return info.Result
	}
	return Client{}
}

// classifyFactoryCall classifies f(…) for a bare function f.
func (c *ClientClassifier) classifyFactoryCall(call, fn parsers.Node) Client {
	name := fn.Text()
	if d, ok := c.fs.Resolve(fn); ok {
		if cl, _ := c.classifyDecl(d); cl.Kind != NoClient {
			// knex('users'), db('users'): a Knex instance called as a function.
			switch {
			case cl.Family == FamilyKnex && cl.Role == RoleConn:
				return mk(FamilyKnex, RoleBuilder, cl.Strong)
			case cl.Family == FamilyPGPromise && cl.Role == RoleFactory:
				return mk(FamilyPGPromise, RoleConn, true)
			case cl.Family == FamilySQLTag && cl.Role == RoleFactory:
				return mk(FamilySQLTag, RoleConn, true)
			}
		}
		if init := Unparen(d.Init); !init.IsNull() {
			// const pgp = require('pg-promise')(); const db = pgp(cn)
			if init.Type() == "call_expression" {
				if mod, ok := requireCall(init.Field("function")); ok && jsModuleFamily(mod) == FamilyPGPromise {
					return mk(FamilyPGPromise, RoleConn, true)
				}
			}
		}
		return Client{}
	}
	im, ok := c.fs.Import(name)
	if !ok {
		return Client{}
	}
	fam := jsModuleFamily(im.Module)
	exp := im.Name
	switch fam {
	case FamilyKnex:
		return mk(FamilyKnex, RoleConn, true)
	case FamilyDrizzle:
		if exp == "drizzle" || exp == "default" || exp == "*" {
			return mk(FamilyDrizzle, RoleConn, true)
		}
	case FamilySQLTag:
		switch exp {
		case "default", "*", "neon", "postgres", "createPool":
			return mk(FamilySQLTag, RoleConn, true)
		}
	case FamilyNodeRedis:
		if exp == "createClient" || exp == "createCluster" {
			return mk(FamilyNodeRedis, RoleConn, true)
		}
	case FamilyMySQL:
		if exp == "createPool" || exp == "createConnection" || exp == "connect" {
			return mk(FamilyMySQL, RoleConn, true)
		}
	case FamilyTypeORM:
		switch exp {
		case "getRepository", "getTreeRepository", "getMongoRepository", "getCustomRepository":
			return mk(FamilyTypeORM, RoleModel, true)
		case "getManager", "getConnection":
			return mk(FamilyTypeORM, RoleConn, true)
		}
	case FamilyMongoose:
		if exp == "model" {
			return mk(FamilyMongoose, RoleModel, true)
		}
	case FamilyPGPromise:
		return mk(FamilyPGPromise, RoleFactory, true)
	case "":
		if isRelativeModule(im.Module) {
			// import { getDb } from './db'; const db = getDb()
			if h := modulePathHint(im.Module); h == hintSQL || h == hintPrisma || h == hintRedis {
				lower := strings.ToLower(name)
				if strings.Contains(lower, "db") || strings.Contains(lower, "pool") || strings.Contains(lower, "client") ||
					strings.Contains(lower, "prisma") || strings.Contains(lower, "redis") || strings.Contains(lower, "connection") {
					return c.hintClient(h, false)
				}
			}
		}
	}
	return Client{}
}

// moduleFactory classifies pkg.f(…) where pkg is an imported module.
func (c *ClientClassifier) moduleFactory(im Import, method string) (Client, bool) {
	if c.goF {
		switch goModuleFamily(im.Module) {
		case FamilyDatabaseSQL:
			if method == "Open" || method == "OpenDB" {
				return mk(FamilyDatabaseSQL, RoleConn, true), true
			}
		case FamilySQLX:
			switch method {
			case "Open", "Connect", "ConnectContext", "MustConnect", "MustOpen", "NewDb":
				return mk(FamilySQLX, RoleConn, true), true
			}
		case FamilyPGX:
			switch method {
			case "Connect", "ConnectConfig", "New", "NewWithConfig", "ConnectWithConfig":
				return mk(FamilyPGX, RoleConn, true), true
			}
		case FamilyGORM:
			if method == "Open" {
				return mk(FamilyGORM, RoleConn, true), true
			}
		case FamilyGoRedis:
			switch method {
			case "NewClient", "NewClusterClient", "NewUniversalClient", "NewFailoverClient", "NewRing", "NewFailoverClusterClient":
				return mk(FamilyGoRedis, RoleConn, true), true
			}
		case FamilyRedigo:
			switch method {
			case "Dial", "DialURL", "DialContext", "DialURLContext", "NewConn":
				return mk(FamilyRedigo, RoleConn, true), true
			}
		case FamilyMongoGo:
			if method == "Connect" || method == "NewClient" {
				return mk(FamilyMongoGo, RoleFactory, true), true
			}
		case FamilyEnt:
			if method == "Open" || method == "NewClient" {
				return mk(FamilyEnt, RoleConn, true), true
			}
		case "":
			// sqlc: db.New(conn) from a project package named db/sqlc/….
			if method == "New" && pathHintOf(im.Module, true) == hintSQL {
				return mk(FamilySQLC, RoleConn, true), true
			}
		}
		return Client{}, false
	}
	switch jsModuleFamily(im.Module) {
	case FamilyMySQL:
		if method == "createPool" || method == "createConnection" || method == "createPoolCluster" || method == "connect" {
			return mk(FamilyMySQL, RoleConn, true), true
		}
	case FamilyNodeRedis:
		if method == "createClient" || method == "createCluster" {
			return mk(FamilyNodeRedis, RoleConn, true), true
		}
	case FamilyMongoose:
		if method == "model" {
			return mk(FamilyMongoose, RoleModel, true), true
		}
		if method == "createConnection" {
			return mk(FamilyMongoose, RoleFactory, true), true
		}
	case FamilyTypeORM:
		if strings.HasPrefix(method, "get") && strings.HasSuffix(method, "Repository") {
			return mk(FamilyTypeORM, RoleModel, true), true
		}
	case FamilyIORedis:
		if method == "fromEnv" {
			return mk(FamilyIORedis, RoleConn, true), true
		}
	}
	return Client{}, false
}

// callbackParam classifies an untyped callback parameter from the call the
// callback is passed to: prisma.$transaction(async (tx) => …),
// knex.transaction(trx => …), dataSource.transaction(manager => …).
func (c *ClientClassifier) callbackParam(d Decl) (Client, bool) {
	fn := d.Scope
	if !IsFunction(fn) {
		return Client{}, false
	}
	args := fn.Parent()
	if args.Type() != "arguments" {
		return Client{}, false
	}
	call := args.Parent()
	if call.Type() != "call_expression" {
		return Client{}, false
	}
	// Only the first parameter.
	params := fn.Field("parameters")
	if params.IsNull() {
		params = fn.Field("parameter")
		if params.IsNull() || params.ID() != d.Node.ID() {
			return Client{}, false
		}
	} else if first := params.NamedChild(0); first.IsNull() || !first.Contains(d.Node) {
		return Client{}, false
	}
	recv, method := Callee(call)
	if recv.IsNull() {
		return Client{}, false
	}
	switch method {
	case "$transaction", "transaction", "tx", "task", "begin", "withTransaction", "txIf", "taskIf":
	default:
		return Client{}, false
	}
	base := c.Classify(recv)
	if !base.IsClient() {
		return Client{}, false
	}
	if base.Family == FamilySequelize {
		return mk(FamilySequelize, RoleTxOption, base.Strong), true
	}
	if base.Family == FamilyMongoDB || base.Family == FamilyMongoose {
		return Client{}, true
	}
	return mk(base.Family, RoleConn, base.Strong), true
}

// ---------------------------------------------------------------------------
// Types.

// ClassifyType classifies a declared type ("*sql.DB", "Repository<User>",
// "PrismaService") in the context of the file's imports.
func (c *ClientClassifier) ClassifyType(typ string) Client { return c.typeClient(typ) }

func (c *ClientClassifier) typeClient(typ string) Client {
	typ = strings.TrimSpace(typ)
	if typ == "" {
		return Client{}
	}
	if MatchType(c.k.QueryTypes, typ) {
		return mk(FamilyCustom, RoleConn, true)
	}
	if c.goF {
		return c.goTypeClient(typ)
	}
	return c.jsTypeClient(typ)
}

func (c *ClientClassifier) goTypeClient(typ string) Client {
	t := strings.TrimPrefix(typ, "*")
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "map[") || strings.HasPrefix(t, "chan") || strings.HasPrefix(t, "func") {
		return Client{}
	}
	if i := strings.Index(t, "["); i > 0 {
		t = t[:i]
	}
	pkg, name := "", t
	if i := strings.LastIndex(t, "."); i >= 0 {
		pkg, name = t[:i], t[i+1:]
	}
	if pkg == "" {
		switch name {
		case "Queries", "Querier":
			return mk(FamilySQLC, RoleConn, true)
		case "DBTX":
			return mk(familyGoSQLish, RoleConn, true)
		}
		return c.embeddedClient(name)
	}
	im, ok := c.fs.Import(pkg)
	if !ok {
		return Client{}
	}
	fam := goModuleFamily(im.Module)
	switch fam {
	case FamilyDatabaseSQL, FamilySQLX:
		switch name {
		case "DB", "Tx", "Conn":
			return mk(fam, RoleConn, true)
		case "Stmt", "NamedStmt":
			return mk(fam, RoleStmt, true)
		case "Rows", "Row":
			return mk(fam, RoleCursor, true)
		case "Queryer", "QueryerContext", "Execer", "ExecerContext", "Ext", "ExtContext":
			return mk(fam, RoleConn, true)
		}
	case FamilyPGX:
		switch name {
		case "Conn", "Tx", "Pool":
			return mk(FamilyPGX, RoleConn, true)
		case "Batch":
			return mk(FamilyPGX, RolePipeline, true)
		case "Rows", "Row", "BatchResults":
			return mk(FamilyPGX, RoleCursor, true)
		}
	case FamilyBun:
		switch name {
		case "DB", "Tx", "Conn", "IDB", "IConn":
			return mk(FamilyBun, RoleConn, true)
		}
		if strings.HasSuffix(name, "Query") {
			return mk(FamilyBun, RoleBuilder, true)
		}
	case FamilyGORM:
		if name == "DB" {
			return mk(FamilyGORM, RoleConn, true)
		}
		if name == "Association" {
			return mk(FamilyGORM, RoleBuilder, true)
		}
	case FamilyGoRedis:
		switch name {
		case "Client", "ClusterClient", "Ring", "UniversalClient", "Cmdable", "Conn", "Tx", "Scripter", "StringCmdable",
			"HashCmdable", "SetCmdable", "SortedSetCmdable", "ListCmdable":
			return mk(FamilyGoRedis, RoleConn, true)
		case "Pipeliner", "Pipeline":
			return mk(FamilyGoRedis, RolePipeline, true)
		}
	case FamilyRedigo:
		switch name {
		case "Conn", "ConnWithTimeout", "ConnWithContext":
			return mk(FamilyRedigo, RoleConn, true)
		case "Pool":
			return mk(FamilyRedigo, RoleFactory, true)
		}
	case FamilyMongoGo:
		switch name {
		case "Client":
			return mk(FamilyMongoGo, RoleFactory, true)
		case "Database":
			return mk(FamilyMongoGo, RoleConn, true)
		case "Collection":
			return mk(FamilyMongoGo, RoleModel, true)
		case "Cursor", "SingleResult", "ChangeStream":
			return mk(FamilyMongoGo, RoleCursor, true)
		}
	case FamilyEnt:
		switch {
		case name == "Client" || name == "Tx":
			return mk(FamilyEnt, RoleConn, true)
		case strings.HasSuffix(name, "Client"):
			return mk(FamilyEnt, RoleModel, true)
		case strings.HasSuffix(name, "Query"):
			return mk(FamilyEnt, RoleBuilder, true)
		case isUpperIdent(name):
			return mk(FamilyEnt, RoleDocument, true)
		}
	case "":
		if name == "Queries" || name == "Querier" {
			return mk(FamilySQLC, RoleConn, true)
		}
		if name == "DBTX" {
			return mk(familyGoSQLish, RoleConn, true)
		}
	}
	return Client{}
}

// embeddedClient classifies a struct type of this file that embeds a
// client (type Store struct{ *sql.DB }): its methods are the client's.
func (c *ClientClassifier) embeddedClient(typeName string) Client {
	for _, field := range [...]string{"DB", "Tx", "Conn", "Pool", "Client", "Queries", "UniversalClient", "ClusterClient"} {
		for _, d := range c.fs.Fields(field) {
			// An embedded field's Node is its type, not a field name.
			if d.Node.Type() == "field_identifier" {
				continue
			}
			spec := d.Scope.Parent().Parent() // field_declaration_list -> struct_type -> type_spec
			if spec.Type() != "type_spec" || spec.Field("name").Text() != typeName {
				continue
			}
			if cl := c.goTypeClient(d.Type); cl.IsClient() {
				return cl
			}
		}
	}
	return Client{}
}

func (c *ClientClassifier) jsTypeClient(typ string) Client {
	t := typ
	// "Repository<User> | null", "readonly Pool"
	if i := strings.Index(t, "|"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	t = strings.TrimPrefix(t, "readonly ")
	if strings.HasPrefix(t, "ReturnType<typeof ") && strings.HasSuffix(t, ">") {
		// ReturnType<typeof createClient>, ReturnType<typeof drizzle>
		fn := strings.TrimSuffix(strings.TrimPrefix(t, "ReturnType<typeof "), ">")
		if im, ok := c.fs.Import(fn); ok {
			switch jsModuleFamily(im.Module) {
			case FamilyNodeRedis:
				return mk(FamilyNodeRedis, RoleConn, true)
			case FamilyDrizzle:
				return mk(FamilyDrizzle, RoleConn, true)
			case FamilySQLTag:
				return mk(FamilySQLTag, RoleConn, true)
			}
		}
		return Client{}
	}
	if i := strings.Index(t, "<"); i > 0 {
		t = t[:i]
	}
	if strings.HasSuffix(t, "[]") {
		return Client{}
	}
	qual, name := "", t
	if i := strings.LastIndex(t, "."); i >= 0 {
		qual, name = t[:i], t[i+1:]
	}
	var fam string
	local := false
	if qual != "" {
		if im, ok := c.fs.Import(qual); ok {
			fam = jsModuleFamily(im.Module)
			local = isRelativeModule(im.Module)
		}
	} else if im, ok := c.fs.Import(name); ok {
		fam = jsModuleFamily(im.Module)
		local = isRelativeModule(im.Module)
		if im.Name != "default" && im.Name != "*" {
			name = im.Name
		}
	}
	if strings.Contains(name, "Prisma") && (fam == "" || fam == FamilyPrisma) {
		// PrismaService, PrismaClient, ExtendedPrismaClient, Prisma.TransactionClient
		return mk(FamilyPrisma, RoleConn, true)
	}
	if qual == "Prisma" && name == "TransactionClient" {
		return mk(FamilyPrisma, RoleConn, true)
	}
	switch fam {
	case FamilyPG:
		switch name {
		case "Pool", "Client", "PoolClient":
			return mk(FamilyPG, RoleConn, true)
		}
	case FamilyMySQL:
		switch name {
		case "Pool", "Connection", "PoolConnection", "PoolCluster":
			return mk(FamilyMySQL, RoleConn, true)
		}
	case FamilyPGPromise:
		switch name {
		case "IDatabase", "ITask", "IBaseProtocol":
			return mk(FamilyPGPromise, RoleConn, true)
		}
	case FamilySQLTag:
		switch name {
		case "Sql", "VercelPool", "VercelClient", "NeonQueryFunction":
			return mk(FamilySQLTag, RoleConn, true)
		case "Pool", "Client", "PoolClient":
			return mk(FamilyPG, RoleConn, true)
		}
	case FamilyTypeORM:
		switch name {
		case "Repository", "TreeRepository", "MongoRepository":
			return mk(FamilyTypeORM, RoleModel, true)
		case "EntityManager", "DataSource", "Connection", "QueryRunner", "MongoEntityManager":
			return mk(FamilyTypeORM, RoleConn, true)
		case "SelectQueryBuilder":
			return mk(FamilyTypeORM, RoleBuilder, true)
		}
	case FamilySequelize:
		switch name {
		case "Sequelize":
			return mk(FamilySequelize, RoleConn, true)
		case "ModelStatic", "ModelCtor", "ModelType":
			return mk(FamilySequelize, RoleModel, true)
		}
	case FamilyKnex:
		switch name {
		case "Knex", "Transaction", "default":
			return mk(FamilyKnex, RoleConn, true)
		}
	case FamilyMikroORM:
		switch name {
		case "EntityManager", "SqlEntityManager":
			return mk(FamilyMikroORM, RoleConn, true)
		case "EntityRepository", "SqlEntityRepository":
			return mk(FamilyMikroORM, RoleModel, true)
		}
	case FamilyKysely:
		switch name {
		case "Kysely", "Transaction":
			return mk(FamilyKysely, RoleConn, true)
		}
	case FamilyDrizzle:
		if strings.HasSuffix(name, "Database") || name == "PgTransaction" || name == "MySqlTransaction" ||
			name == "SQLiteTransaction" || strings.HasSuffix(name, "Transaction") {
			return mk(FamilyDrizzle, RoleConn, true)
		}
	case FamilyMongoose:
		switch name {
		case "Model", "PaginateModel", "SoftDeleteModel", "AggregatePaginateModel":
			return mk(FamilyMongoose, RoleModel, true)
		}
	case FamilyMongoDB:
		switch name {
		case "Collection":
			return mk(FamilyMongoDB, RoleModel, true)
		case "Db":
			return mk(FamilyMongoDB, RoleConn, true)
		case "MongoClient":
			return mk(FamilyMongoDB, RoleFactory, true)
		}
	case FamilyNodeRedis:
		switch name {
		case "RedisClientType", "RedisClusterType", "RedisClient":
			return mk(FamilyNodeRedis, RoleConn, true)
		}
	case FamilyIORedis:
		switch name {
		case "Redis", "Cluster", "default", "VercelKV":
			return mk(FamilyIORedis, RoleConn, true)
		}
	case "":
		if local {
			lower := strings.ToLower(name)
			if strings.Contains(lower, "redis") {
				return mk(FamilyRedis, RoleConn, false)
			}
		}
	}
	return Client{}
}

// ---------------------------------------------------------------------------
// Names.

var sqlNames = map[string]bool{
	"db": true, "database": true, "pool": true, "pgpool": true, "dbpool": true, "conn": true, "connection": true,
	"dbconn": true, "pg": true, "pgclient": true, "dbclient": true, "knex": true, "trx": true, "tx": true,
	"sql": true, "mysql": true, "mysqlpool": true, "sqlpool": true, "connpool": true, "datasource": true,
	"appdatasource": true, "manager": false, "client": true, "sqldb": true, "gormdb": true, "postgres": true,
	"writedb": true, "readdb": true, "primary": false, "replica": false, "dbx": true, "txn": true,
}

func isUpperIdent(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// byName is the fallback when nothing but the receiver's name is known.
// It needs the file to import a matching module.
func (c *ClientClassifier) byName(name string, member bool) Client {
	lower := strings.ToLower(name)
	if strings.Contains(lower, "prisma") {
		return mk(FamilyPrisma, RoleConn, false)
	}
	if strings.Contains(lower, "datasource") && !c.goF && (c.ev.families[FamilyTypeORM] || c.ev.hint[hintSQL]) {
		return mk(FamilyTypeORM, RoleConn, false)
	}
	ev := c.ev
	if c.goF {
		switch {
		case strings.Contains(lower, "redis") || lower == "rdb" || lower == "rc" || member && ev.goScripters[name]:
			if ev.goRedis != "" {
				return mk(ev.goRedis, RoleConn, false)
			}
		case sqlNames[lower] || strings.HasSuffix(lower, "db") || strings.HasSuffix(lower, "pool"):
			if lower == "client" || lower == "manager" {
				return Client{}
			}
			if ev.goSQL || ev.hint[hintSQL] {
				fam := familyGoSQLish
				if ev.families[FamilyGORM] && ev.nSQL == 1 {
					fam = FamilyGORM
				}
				return mk(fam, RoleConn, false)
			}
		}
		return Client{}
	}
	if strings.Contains(lower, "redis") || lower == "kv" {
		fam := ev.redisFam
		if fam == "" {
			fam = FamilyRedis
		}
		return mk(fam, RoleConn, false)
	}
	if ev.families[FamilyMikroORM] {
		// An EntityManager passed around untyped: em, this.em, manager.
		switch lower {
		case "em", "entitymanager", "manager", "activemanager", "transactionmanager":
			return mk(FamilyMikroORM, RoleConn, false)
		}
	}
	if ev.families[FamilyMongoDB] && ev.nSQL == 0 {
		// A Db or MongoClient passed around untyped.
		switch {
		case lower == "db" || lower == "database" || strings.HasSuffix(lower, "db"):
			return mk(FamilyMongoDB, RoleConn, false)
		case lower == "client" || lower == "mongoclient" || lower == "mongo":
			return mk(FamilyMongoDB, RoleFactory, false)
		case strings.HasSuffix(lower, "collection") || lower == "coll" || lower == "col":
			return mk(FamilyMongoDB, RoleModel, false)
		}
	}
	if lower == "client" {
		// "client" is too common (HTTP, SDKs) unless exactly one kind of
		// store is imported.
		switch {
		case ev.redisFam != "" && ev.nSQL == 0 && !ev.families[FamilyMongoDB]:
			return mk(ev.redisFam, RoleConn, false)
		case ev.sqlFam == FamilyPG || ev.sqlFam == FamilyMySQL:
			if ev.redisFam == "" {
				return mk(ev.sqlFam, RoleConn, false)
			}
		}
		return Client{}
	}
	if sqlNames[lower] || strings.HasSuffix(lower, "pool") || (strings.HasSuffix(lower, "db") && len(lower) > 2) {
		if ev.nSQL > 0 || ev.hint[hintSQL] || ev.families[FamilyPrisma] {
			fam := FamilySQL
			switch ev.sqlFam {
			case FamilyPG, FamilyMySQL, FamilyKnex, FamilyDrizzle, FamilyPGPromise, FamilyKysely, FamilySQLTag:
				if !ev.hint[hintSQL] {
					fam = ev.sqlFam
				}
			}
			if fam == FamilySQLTag {
				fam = FamilySQL
			}
			return mk(fam, RoleConn, false)
		}
	}
	if isUpperIdent(name) && !member && !(jsGlobals[name] && !c.goF) && c.importsORM() {
		return mk(FamilyORMModel, RoleModel, true)
	}
	return Client{}
}

// jsGlobals are JavaScript's built-in namespaces and constructors: named
// like models, but Math.max or Number.parseInt never reach a database.
var jsGlobals = setOf("Math", "JSON", "Object", "Array", "Number", "String", "Boolean", "Date", "Promise",
	"Reflect", "Intl", "Symbol", "BigInt", "Map", "Set", "WeakMap", "WeakSet", "Error", "RegExp", "Buffer",
	"URL", "URLSearchParams", "Atomics", "ArrayBuffer", "DataView", "Proxy", "Function", "AbortSignal",
	"Response", "Request", "Headers", "TextEncoder", "TextDecoder", "Temporal")

// byNameHint classifies an import from a project module by the module's
// path and the local name.
func (c *ClientClassifier) byNameHint(name string, h pathHint) Client {
	lower := strings.ToLower(name)
	switch h {
	case hintPrisma:
		if strings.Contains(lower, "prisma") || lower == "db" || lower == "client" || lower == "default" {
			return mk(FamilyPrisma, RoleConn, false)
		}
	case hintRedis:
		if strings.Contains(lower, "redis") || lower == "client" || lower == "cache" || lower == "kv" || lower == "rdb" || lower == "default" {
			fam := c.ev.redisFam
			if fam == "" {
				fam = FamilyRedis
			}
			return mk(fam, RoleConn, false)
		}
	case hintNone:
		// import Product from "../product": a capitalised class from the
		// project may be an ORM model; only ORM-distinctive methods
		// (findById, findOne({…}), findByPk…) count unless the file imports
		// an ORM.
		if !c.goF && isUpperIdent(name) && !isConstName(name) {
			return mk(FamilyORMModel, RoleModel, c.importsORM())
		}
	case hintModel:
		if isUpperIdent(name) {
			return mk(FamilyORMModel, RoleModel, c.importsORM())
		}
	case hintMongo:
		// Next.js' lib/mongodb: export default clientPromise; or a Db.
		switch {
		case strings.Contains(lower, "client") || lower == "default":
			return mk(FamilyMongoDB, RoleFactory, false)
		case lower == "db" || strings.HasSuffix(lower, "db") || lower == "database":
			return mk(FamilyMongoDB, RoleConn, false)
		case isUpperIdent(name):
			return mk(FamilyORMModel, RoleModel, c.importsORM())
		case !c.goF && !mongoModuleNonCollections[lower] && !strings.HasPrefix(lower, "connect") &&
			!strings.HasPrefix(lower, "get") && !strings.HasPrefix(lower, "close"):
			// export const users = db.collection("users"): a collection
			// exported by name. Only collection methods make it query.
			return mk(FamilyMongoDB, RoleModel, false)
		}
		if lower == "db" || lower == "models" {
			return mk(FamilySequelize, RoleFactory, false)
		}
	case hintSQL:
		if c.goF {
			if sqlNames[lower] || strings.HasSuffix(lower, "db") || strings.HasSuffix(lower, "pool") {
				if c.ev.families[FamilyGORM] && c.ev.nSQL == 1 {
					return mk(FamilyGORM, RoleConn, false)
				}
				return mk(familyGoSQLish, RoleConn, false)
			}
			return Client{}
		}
		if strings.Contains(lower, "prisma") {
			return mk(FamilyPrisma, RoleConn, false)
		}
		if strings.Contains(lower, "redis") {
			return mk(FamilyRedis, RoleConn, false)
		}
		if strings.Contains(lower, "datasource") {
			return mk(FamilyTypeORM, RoleConn, false)
		}
		if lower == "sequelize" {
			return mk(FamilySequelize, RoleConn, false)
		}
		if sqlNames[lower] || strings.HasSuffix(lower, "pool") || strings.HasSuffix(lower, "db") || lower == "default" {
			return mk(FamilySQL, RoleConn, false)
		}
		if isUpperIdent(name) && (strings.HasSuffix(name, "Model") || c.importsORM()) {
			return mk(FamilyORMModel, RoleModel, c.importsORM())
		}
	}
	return Client{}
}

// mongoModuleNonCollections are lower-case exports of a MongoDB module that
// are not collections.
var mongoModuleNonCollections = setOf("mongo", "mongodb", "mongoose", "models", "connection", "conn")

// importsORM reports whether the file imports an ORM with model classes.
func (c *ClientClassifier) importsORM() bool {
	f := c.ev.families
	return f[FamilyMongoose] || f[FamilySequelize] || f[FamilyTypeORM]
}

func (c *ClientClassifier) hintClient(h pathHint, strong bool) Client {
	switch h {
	case hintPrisma:
		return mk(FamilyPrisma, RoleConn, strong)
	case hintRedis:
		return mk(FamilyRedis, RoleConn, strong)
	case hintSQL:
		if c.goF {
			return mk(familyGoSQLish, RoleConn, strong)
		}
		return mk(FamilySQL, RoleConn, strong)
	}
	return Client{}
}

// ---------------------------------------------------------------------------
// Methods.

// ClientMethod says what calling method on a client does. call is the call
// expression (for argument checks); it may be the zero Node.
func ClientMethod(cl Client, method string, call parsers.Node) MethodInfo {
	if !cl.IsClient() && cl.Role != RoleDocument {
		return MethodInfo{}
	}
	same := func(role ClientRole) MethodInfo {
		return MethodInfo{Op: OpDerive, Result: Client{Family: cl.Family, Kind: cl.Kind, Role: role, Strong: cl.Strong}}
	}
	query := func(lazy bool, result ClientRole) MethodInfo {
		op := OpQuery
		if lazy {
			op = OpLazyQuery
		}
		mi := MethodInfo{Op: op}
		if result != RoleNone {
			mi.Result = Client{Family: cl.Family, Kind: cl.Kind, Role: result, Strong: cl.Strong}
		}
		return mi
	}
	switch cl.Family {
	case FamilyCustom:
		return query(false, RoleNone)

	case FamilyPG, FamilyMySQL:
		switch method {
		case "query", "execute":
			return query(false, RoleNone)
		case "connect", "getConnection", "promise":
			return same(RoleConn)
		}

	case FamilyPGPromise:
		switch method {
		case "query", "none", "one", "many", "oneOrNone", "manyOrNone", "any", "result", "multi", "multiResult",
			"func", "proc", "map", "each":
			return query(false, RoleNone)
		case "batch":
			return MethodInfo{Op: OpBatch}
		}

	case FamilySQLTag:
		switch method {
		case "query", "unsafe", "file":
			return query(true, RoleNone)
		case "connect":
			return same(RoleConn)
		}

	case FamilySQL:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "query", "execute", "$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe":
				return query(false, RoleNone)
			case "select", "selectDistinct", "insert", "update", "delete", "selectFrom", "insertInto", "updateTable", "deleteFrom":
				return same(RoleBuilder)
			case "connect", "getConnection":
				return same(RoleConn)
			case "collection":
				return MethodInfo{Op: OpDerive, Result: mk(FamilyMongoDB, RoleModel, cl.Strong)}
			}
		case RoleModel:
			if prismaModelMethods[method] {
				return query(true, RoleNone)
			}
			if method == "createMany" || method == "createManyAndReturn" {
				return MethodInfo{Op: OpBatch}
			}
		case RoleBuilder:
			if builderExecutors[method] {
				return query(false, RoleNone)
			}
			return same(RoleBuilder)
		}

	case FamilyPrisma:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe", "$runCommandRaw", "$queryRawTyped":
				return query(true, RoleNone)
			case "$extends":
				return same(RoleConn)
			}
		case RoleModel:
			if prismaModelMethods[method] {
				return query(true, RoleNone)
			}
			if method == "createMany" || method == "createManyAndReturn" {
				return MethodInfo{Op: OpBatch}
			}
		}

	case FamilyTypeORM:
		switch cl.Role {
		case RoleConn, RoleModel:
			if typeormMethods[method] {
				return query(false, RoleNone)
			}
			switch method {
			case "findByIds":
				return MethodInfo{Op: OpBatch}
			case "getRepository", "getTreeRepository", "getMongoRepository", "withRepository", "getCustomRepository":
				return same(RoleModel)
			case "createQueryBuilder":
				return same(RoleBuilder)
			case "createQueryRunner":
				if cl.Role == RoleConn {
					return same(RoleConn)
				}
			}
		case RoleDocument: // a BaseEntity
			switch method {
			case "save", "remove", "softRemove", "reload", "recover":
				return query(false, RoleNone)
			}
		case RoleBuilder:
			switch method {
			case "getOne", "getOneOrFail", "getMany", "getRawOne", "getRawMany", "getCount", "getManyAndCount",
				"getRawAndEntities", "getExists", "execute":
				return query(false, RoleNone)
			case "whereInIds", "andWhereInIds", "orWhereInIds":
				return MethodInfo{Op: OpBatch}
			case "stream":
				return same(RoleCursor)
			}
			return same(RoleBuilder)
		}

	case FamilyMikroORM:
		// persist, assign, create, remove, merge and getReference only
		// touch the unit of work; flush writes it.
		if mikroMethods[method] {
			return query(false, RoleNone)
		}
		switch method {
		case "insertMany", "upsertMany":
			return MethodInfo{Op: OpBatch}
		case "fork":
			if cl.Role == RoleConn {
				return same(RoleConn)
			}
		case "getRepository":
			if cl.Role == RoleConn {
				return same(RoleModel)
			}
		}

	case FamilySequelize:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "query":
				return query(false, RoleNone)
			case "define", "model":
				return same(RoleModel)
			}
		case RoleModel:
			if sequelizeMethods[method] {
				return query(false, RoleNone)
			}
			switch method {
			case "bulkCreate":
				return MethodInfo{Op: OpBatch}
			case "scope", "unscoped", "schema":
				return same(RoleModel)
			}
		case RoleDocument:
			switch method {
			case "save", "update", "destroy", "reload", "increment", "decrement", "restore":
				return query(false, RoleNone)
			}
			if associationMixin(method) {
				return query(true, RoleNone)
			}
		}

	case FamilyORMModel:
		// A model class known by where it is imported from: Mongoose,
		// Sequelize or TypeORM BaseEntity statics.
		switch cl.Role {
		case RoleModel:
			if mongooseLazy[method] {
				if method == "find" && firstArgIsFunction(call) {
					return MethodInfo{}
				}
				if method == "aggregate" || method == "distinct" || method == "exists" {
					if !cl.Strong {
						return MethodInfo{}
					}
				}
				return query(true, RoleNone)
			}
			switch method {
			case "findByPk", "findAll", "findOrCreate", "findAndCountAll", "findOneBy", "findBy", "findOneByOrFail", "destroy":
				return query(false, RoleNone)
			case "insertMany", "bulkCreate", "bulkWrite", "bulkSave":
				return MethodInfo{Op: OpBatch}
			case "query", "relatedQuery":
				// Objection: Model.query() and Model.query(trx) start a query
				// builder; a search client's query({…}) takes a request.
				if objectionStart(method, call) {
					return MethodInfo{Op: OpDerive, Result: mk(FamilyObjection, RoleBuilder, cl.Strong)}
				}
			}
			// create, update, count… are also the names of plain static
			// factories; only an ORM import in the file makes them queries.
			if cl.Strong && (sequelizeMethods[method] || method == "save") {
				return query(false, RoleNone)
			}
		case RoleDocument:
			switch method {
			case "save", "remove", "deleteOne", "reload", "destroy", "increment", "decrement":
				return query(false, RoleNone)
			case "update", "updateOne", "restore", "populate":
				if cl.Strong {
					return query(false, RoleNone)
				}
			}
			if cl.Strong && associationMixin(method) {
				return query(true, RoleNone)
			}
		}

	case FamilyObjection:
		if cl.Role == RoleBuilder {
			switch method {
			case "findByIds", "whereIn", "orWhereIn", "andWhereIn", "whereInComposite", "havingIn":
				return MethodInfo{Op: OpBatch}
			case "then", "execute", "resultSize":
				return query(false, RoleNone)
			case "toKnexQuery", "toSQL", "toString", "toFindQuery":
				return MethodInfo{}
			}
			return same(RoleBuilder)
		}

	case FamilyKnex:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "raw", "select", "from", "table", "insert", "update", "del", "delete", "where", "into", "with",
				"count", "first", "pluck", "queryBuilder", "withRecursive", "distinct", "upsert":
				return same(RoleBuilder)
			case "batchInsert":
				return MethodInfo{Op: OpBatch}
			case "transaction":
				return same(RoleConn)
			}
		case RoleBuilder:
			switch method {
			case "whereIn", "orWhereIn", "andWhereIn", "havingIn":
				return MethodInfo{Op: OpBatch}
			case "toQuery", "toSQL", "toString", "toNative":
				// The statement's text: the builder does not run.
				return MethodInfo{}
			case "then":
				return query(false, RoleNone)
			case "stream":
				return same(RoleCursor)
			}
			return same(RoleBuilder)
		}

	case FamilyKysely:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "selectFrom", "insertInto", "updateTable", "deleteFrom", "replaceInto", "with", "mergeInto":
				return same(RoleBuilder)
			}
		case RoleBuilder:
			switch method {
			case "execute", "executeTakeFirst", "executeTakeFirstOrThrow":
				return query(false, RoleNone)
			case "stream":
				return same(RoleCursor)
			}
			return same(RoleBuilder)
		}

	case FamilyDrizzle:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "select", "selectDistinct", "selectDistinctOn", "insert", "update", "delete", "with", "$with":
				return same(RoleBuilder)
			case "execute", "run", "all", "get", "values", "$count":
				return query(true, RoleNone)
			case "batch":
				return MethodInfo{Op: OpBatch}
			}
		case RoleModel:
			if method == "findFirst" || method == "findMany" {
				return query(true, RoleNone)
			}
		case RoleBuilder:
			switch method {
			case "execute", "run", "all", "get", "then", "values":
				if method == "values" {
					return same(RoleBuilder)
				}
				return query(false, RoleNone)
			case "prepare":
				return same(RoleStmt)
			}
			return same(RoleBuilder)
		case RoleStmt:
			switch method {
			case "execute", "run", "all", "get", "values":
				return query(false, RoleNone)
			}
		}

	case FamilyMongoose:
		switch cl.Role {
		case RoleModel:
			if mongooseLazy[method] {
				if method == "find" && firstArgIsFunction(call) {
					return MethodInfo{}
				}
				return query(true, RoleNone)
			}
			switch method {
			case "create":
				return query(false, RoleNone)
			case "insertMany", "bulkWrite", "bulkSave", "populate":
				return MethodInfo{Op: OpBatch}
			}
		case RoleDocument:
			switch method {
			case "save", "remove", "deleteOne", "updateOne", "populate":
				return query(false, RoleNone)
			}
		case RoleFactory:
			if method == "model" {
				return same(RoleModel)
			}
		}

	case FamilyMongoDB:
		switch cl.Role {
		case RoleFactory:
			if method == "db" {
				return same(RoleConn)
			}
			if method == "connect" {
				return same(RoleFactory)
			}
		case RoleConn:
			switch method {
			case "collection":
				return same(RoleModel)
			case "command":
				return query(false, RoleNone)
			}
		case RoleModel:
			switch method {
			case "findOne", "insertOne", "updateOne", "updateMany", "deleteOne", "deleteMany", "replaceOne",
				"countDocuments", "estimatedDocumentCount", "findOneAndUpdate", "findOneAndDelete", "findOneAndReplace", "distinct":
				return query(false, RoleNone)
			case "find", "aggregate":
				// A cursor: the query runs on toArray(), next(), for await.
				return same(RoleBuilder)
			case "insertMany", "bulkWrite":
				return MethodInfo{Op: OpBatch}
			}
		case RoleBuilder:
			switch method {
			case "toArray", "forEach", "count":
				return query(false, RoleNone)
			case "stream":
				return same(RoleCursor)
			}
			return same(RoleBuilder)
		}

	case FamilyNodeRedis, FamilyIORedis, FamilyRedis:
		switch cl.Role {
		case RoleConn:
			lower := strings.ToLower(method)
			switch lower {
			case "mget", "mset", "msetnx", "jsonmget":
				return MethodInfo{Op: OpBatch}
			case "multi", "pipeline", "batch":
				return same(RolePipeline)
			case "duplicate", "connect", "isolated":
				return same(RoleConn)
			}
			if redisCommands[lower] || lower == "sendcommand" || (lower == "call" && cl.Family == FamilyIORedis) {
				return query(false, RoleNone)
			}
		case RolePipeline:
			return MethodInfo{}
		}

	case FamilyDatabaseSQL, FamilySQLX, familyGoSQLish:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "Query", "QueryContext", "QueryRow", "QueryRowContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext":
				return query(false, RoleCursor)
			case "Exec", "ExecContext", "Get", "GetContext", "Select", "SelectContext", "NamedExec", "NamedExecContext",
				"NamedQuery", "NamedQueryContext", "MustExec", "MustExecContext":
				if cl.Family == familyGoSQLish && (method == "Get" || method == "Select") && !firstArgIsAddress(call, 0) && !firstArgIsAddress(call, 1) {
					return MethodInfo{}
				}
				return query(false, RoleNone)
			case "Begin", "BeginTx", "Beginx", "BeginTxx", "MustBegin", "MustBeginTx", "Conn", "Unsafe":
				return same(RoleConn)
			case "Prepare", "PrepareContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext", "Stmt", "StmtContext", "Stmtx":
				return same(RoleStmt)
			}
			if cl.Family == familyGoSQLish {
				// A handle known only by name may be GORM's: Where(…).First(&u).
				if gormFinishers[method] && (firstArgIsAddress(call, 0) || firstArgIsAddress(call, 1)) {
					return query(false, RoleNone)
				}
				if gormChain[method] {
					return same(RoleConn)
				}
			}
		case RoleStmt:
			switch method {
			case "Query", "QueryContext", "QueryRow", "QueryRowContext", "Queryx", "QueryRowx", "Get", "Select",
				"GetContext", "SelectContext", "QueryxContext", "QueryRowxContext":
				return query(false, RoleCursor)
			}
		}

	case FamilyPGX:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "Query", "QueryRow", "QueryFunc":
				return query(false, RoleCursor)
			case "Exec":
				return query(false, RoleNone)
			case "SendBatch", "CopyFrom":
				return MethodInfo{Op: OpBatch}
			case "Begin", "BeginTx", "Acquire", "Conn":
				return same(RoleConn)
			case "Prepare":
				return MethodInfo{}
			}
		}

	case FamilyBun:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "NewSelect", "NewInsert", "NewUpdate", "NewDelete", "NewRaw", "NewMerge", "NewValues", "NewTruncateTable":
				return same(RoleBuilder)
			case "QueryContext", "Query", "QueryRowContext", "QueryRow":
				return query(false, RoleCursor)
			case "ExecContext", "Exec":
				return query(false, RoleNone)
			case "BeginTx", "Begin", "Conn", "WithNamedArg":
				return same(RoleConn)
			}
		case RoleBuilder:
			switch method {
			case "Scan", "Exec", "Count", "ScanAndCount", "Exists", "Rows":
				return query(false, RoleNone)
			case "String", "AppendQuery", "Operation", "GetModel", "GetTableName", "DB", "Err":
				return MethodInfo{}
			}
			return same(RoleBuilder)
		}

	case FamilyGORM:
		switch cl.Role {
		case RoleConn:
			if gormFinishers[method] {
				return query(false, RoleNone)
			}
			switch method {
			case "CreateInBatches", "FindInBatches":
				return MethodInfo{Op: OpBatch}
			case "Association":
				return same(RoleBuilder)
			}
			if gormChain[method] {
				return same(RoleConn)
			}
		case RoleBuilder: // *gorm.Association
			switch method {
			case "Find", "Append", "Replace", "Delete", "Clear", "Count":
				return query(false, RoleNone)
			}
		}

	case FamilyEnt:
		switch cl.Role {
		case RoleConn:
			switch method {
			case "Tx", "BeginTx", "Debug":
				return same(RoleConn)
			}
		case RoleModel, RoleDocument:
			switch {
			case method == "Get" || method == "GetX":
				return query(false, RoleNone)
			case method == "CreateBulk" || method == "MapCreateBulk":
				return MethodInfo{Op: OpBatch}
			case strings.HasPrefix(method, "Query") || method == "Create" || strings.HasPrefix(method, "Update") ||
				strings.HasPrefix(method, "Delete"):
				return same(RoleBuilder)
			}
		case RoleBuilder:
			if entFinishers[method] {
				return query(false, RoleNone)
			}
			return same(RoleBuilder)
		}

	case FamilySQLC:
		switch method {
		case "WithTx", "WithConn":
			return same(RoleConn)
		}
		if isUpperIdent(method) {
			return query(false, RoleNone)
		}

	case FamilyGoRedis:
		switch cl.Role {
		case RoleConn:
			lower := strings.ToLower(strings.TrimSuffix(method, "Args"))
			switch lower {
			case "mget", "mset", "msetnx", "pipelined", "txpipelined", "jsonmget":
				return MethodInfo{Op: OpBatch}
			case "pipeline", "txpipeline":
				return same(RolePipeline)
			case "conn":
				return same(RoleConn)
			}
			if redisCommands[lower] || method == "Do" {
				return query(false, RoleNone)
			}
		}

	case FamilyRedigo:
		switch cl.Role {
		case RoleFactory:
			if method == "Get" || method == "GetContext" {
				return same(RoleConn)
			}
		case RoleConn:
			switch method {
			case "Get", "GetContext":
				// A pool known only by its name (s.redisPool.Get()): a
				// redigo Conn has no Get, so this is the pool handing
				// out a connection. Get(key) is some other store.
				if n := len(call.Field("arguments").NamedChildren()); !cl.Strong && (method == "Get" && n == 0 || method == "GetContext" && n == 1) {
					return same(RoleConn)
				}
			case "Do", "DoContext", "DoWithTimeout":
				if cmd, ok := StringValue(argAt(call, 0)); ok {
					switch strings.ToUpper(cmd) {
					case "MGET", "MSET", "EXEC", "":
						return MethodInfo{Op: OpBatch}
					case "MULTI", "WATCH", "UNWATCH", "DISCARD":
						return MethodInfo{}
					}
				}
				return query(false, RoleNone)
			}
		}

	case FamilyMongoGo:
		switch cl.Role {
		case RoleFactory:
			if method == "Database" {
				return same(RoleConn)
			}
		case RoleConn:
			switch method {
			case "Collection":
				return same(RoleModel)
			case "RunCommand", "RunCommandCursor":
				return query(false, RoleCursor)
			}
		case RoleModel:
			switch method {
			case "FindOne", "Find", "InsertOne", "UpdateOne", "UpdateMany", "UpdateByID", "DeleteOne", "DeleteMany",
				"ReplaceOne", "CountDocuments", "EstimatedDocumentCount", "FindOneAndUpdate", "FindOneAndDelete",
				"FindOneAndReplace", "Aggregate", "Distinct":
				return query(false, RoleCursor)
			case "InsertMany", "BulkWrite":
				return MethodInfo{Op: OpBatch}
			}
		}
	}
	return MethodInfo{}
}

// associationMixin reports a Sequelize association method of an instance:
// user.getPosts(), team.countMembers(), post.addTag(t), order.createLine(…).
// Each one is a query. Singular getters, setX and hasX are left out: models
// define their own (getFullName, setPassword, hasPermission). Callers
// also require the result to be awaited.
func associationMixin(m string) bool {
	for _, p := range [...]string{"get", "count", "add", "create", "remove"} {
		if len(m) <= len(p)+1 || !strings.HasPrefix(m, p) || m[len(p)] < 'A' || m[len(p)] > 'Z' {
			continue
		}
		if p == "get" {
			// getPosts, getTags: a plural association.
			return strings.HasSuffix(m, "s") && !strings.HasSuffix(m, "ss") && !strings.HasSuffix(m, "us") &&
				!strings.HasSuffix(m, "is") && m != "getAttributes" && m != "getChanges"
		}
		return true
	}
	return false
}

// objectionStart reports whether Model.query(…) or Model.relatedQuery(…)
// has the arguments Objection's take: query() or query(trx) with a
// transaction or knex instance; relatedQuery("relation"[, trx]).
func objectionStart(method string, call parsers.Node) bool {
	args := call.Field("arguments").NamedChildren()
	if method == "relatedQuery" {
		if len(args) == 0 || len(args) > 2 {
			return false
		}
		_, ok := StringValue(args[0])
		return ok
	}
	switch len(args) {
	case 0:
		return true
	case 1:
		a := Unparen(args[0])
		var name string
		switch a.Type() {
		case "identifier":
			name = a.Text()
		case "member_expression":
			name = a.Field("property").Text()
		default:
			return false
		}
		lower := strings.ToLower(name)
		for _, w := range [...]string{"trx", "tx", "transaction", "knex", "db", "conn"} {
			if strings.Contains(lower, w) {
				return true
			}
		}
	}
	return false
}

// ObjectionInstanceQuery reports an Objection instance method that starts
// a query for one loaded row: row.$relatedQuery("books"), row.$query(),
// row.$fetchGraph("pets"). The names are Objection's own.
func ObjectionInstanceQuery(method string, call parsers.Node) bool {
	args := call.Field("arguments").NamedChildren()
	switch method {
	case "$relatedQuery":
		if len(args) == 0 || len(args) > 2 {
			return false
		}
		_, ok := StringValue(args[0])
		return ok
	case "$query":
		return len(args) <= 1
	case "$fetchGraph":
		if len(args) == 0 {
			return false
		}
		a := Unparen(args[0])
		_, ok := StringValue(a)
		return ok || a.Type() == "object"
	}
	return false
}

func argAt(call parsers.Node, i int) parsers.Node {
	if call.IsNull() {
		return parsers.Node{}
	}
	return call.Field("arguments").NamedChild(i)
}

func firstArgIsFunction(call parsers.Node) bool {
	a := Unparen(argAt(call, 0))
	return IsFunction(a)
}

// firstArgIsAddress reports whether argument i of a Go call is &x.
func firstArgIsAddress(call parsers.Node, i int) bool {
	a := argAt(call, i)
	return a.Type() == "unary_expression" && strings.HasPrefix(a.Text(), "&")
}

var prismaModelMethods = setOf("findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
	"create", "update", "upsert", "delete", "count", "aggregate", "groupBy", "updateMany", "deleteMany",
	"updateManyAndReturn", "findRaw", "aggregateRaw")

var typeormMethods = setOf("find", "findBy", "findOne", "findOneBy", "findOneOrFail", "findOneByOrFail", "findAndCount",
	"findAndCountBy", "count", "countBy", "exist", "exists", "existsBy", "sum", "average", "minimum", "maximum",
	"save", "insert", "update", "upsert", "delete", "remove", "softDelete", "restore", "increment", "decrement",
	"query", "softRemove", "recover", "preload", "clear", "updateAll", "deleteAll")

var mikroMethods = setOf("find", "findOne", "findOneOrFail", "findAll", "findAndCount", "findByCursor", "count",
	"nativeInsert", "nativeUpdate", "nativeDelete", "upsert", "insert", "refresh", "lock", "flush", "persistAndFlush",
	"removeAndFlush", "execute")

var sequelizeMethods = setOf("findAll", "findOne", "findByPk", "findOrCreate", "findAndCountAll", "findCreateFind",
	"findOrBuild", "count", "create", "update", "destroy", "upsert", "increment", "decrement", "max", "min", "sum",
	"restore", "aggregate")

var mongooseLazy = setOf("find", "findOne", "findById", "findByIdAndUpdate", "findByIdAndDelete", "findByIdAndRemove",
	"findOneAndUpdate", "findOneAndDelete", "findOneAndRemove", "findOneAndReplace", "updateOne", "updateMany",
	"deleteOne", "deleteMany", "replaceOne", "countDocuments", "estimatedDocumentCount", "exists", "aggregate", "distinct")

var builderExecutors = setOf("execute", "executeTakeFirst", "executeTakeFirstOrThrow", "then", "getOne", "getMany",
	"getRawOne", "getRawMany")

var gormFinishers = setOf("First", "Last", "Take", "Find", "Create", "Save", "Update", "Updates", "UpdateColumn",
	"UpdateColumns", "Delete", "Count", "Pluck", "Scan", "Row", "Rows", "Exec", "FirstOrCreate", "FirstOrInit")

// gormChain are *gorm.DB methods that add to the statement without running it.
var gormChain = setOf("Where", "Or", "Not", "Model", "Table", "Select", "Omit", "Joins", "InnerJoins", "Preload",
	"Order", "Limit", "Offset", "Group", "Having", "Distinct", "Scopes", "Session", "WithContext", "Debug",
	"Unscoped", "Raw", "Clauses", "Attrs", "Assign", "Set", "Begin", "Returning")

var entFinishers = setOf("All", "AllX", "Only", "OnlyX", "OnlyID", "OnlyIDX", "First", "FirstX", "FirstID", "FirstIDX",
	"Count", "CountX", "Exist", "ExistX", "IDs", "IDsX", "Save", "SaveX", "Exec", "ExecX", "Scan", "ScanX",
	"Strings", "StringsX", "Ints", "IntsX", "String", "StringX", "Int", "IntX", "Float64", "Float64s", "Bool", "Bools")

var redisCommands = setOf(
	"get", "set", "setnx", "setex", "psetex", "getset", "getdel", "getex", "append", "strlen", "incr", "incrby",
	"incrbyfloat", "decr", "decrby", "del", "unlink", "exists", "expire", "expireat", "pexpire", "pexpireat",
	"persist", "ttl", "pttl", "rename", "renamenx", "keys", "scan", "getrange", "setrange",
	"hget", "hset", "hsetnx", "hmset", "hmget", "hgetall", "hdel", "hexists", "hincrby", "hincrbyfloat", "hkeys",
	"hvals", "hlen", "hscan", "hstrlen", "hrandfield",
	"lpush", "rpush", "lpushx", "rpushx", "lpop", "rpop", "lrange", "llen", "lindex", "lset", "lrem", "ltrim",
	"linsert", "lpos", "blpop", "brpop", "brpoplpush", "rpoplpush", "lmove", "blmove",
	"sadd", "srem", "smembers", "sismember", "smismember", "scard", "spop", "srandmember", "sinter", "sunion",
	"sdiff", "sinterstore", "sunionstore", "sdiffstore", "smove", "sscan",
	"zadd", "zrem", "zrange", "zrangebyscore", "zrevrange", "zrevrangebyscore", "zrank", "zrevrank", "zscore",
	"zmscore", "zincrby", "zcard", "zcount", "zremrangebyscore", "zremrangebyrank", "zpopmin", "zpopmax", "zscan",
	"zrangestore", "zrangewithscores", "zrevrangewithscores", "zrangebylex", "zunionstore", "zinterstore",
	"publish", "spublish", "xadd", "xread", "xreadgroup", "xrange", "xrevrange", "xlen", "xack", "xdel", "xtrim",
	"xclaim", "xautoclaim", "pfadd", "pfcount", "pfmerge", "setbit", "getbit", "bitcount", "bitop", "bitpos",
	"geoadd", "geodist", "geopos", "georadius", "geosearch", "eval", "evalsha", "evalro", "evalsharo", "fcall",
	"jsonget", "jsonset", "jsondel", "jsonarrappend", "jsonnumincrby", "do")

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// callFunc returns the function of a call, unparenthesised. tree-sitter's
// TypeScript grammar reads `await f<T>(x)` as `(await f)<T>(x)`: a call
// whose function is, without parentheses, an await expression is that
// misparse, and the awaited expression is the function.
func callFunc(call parsers.Node) parsers.Node {
	fn := call.Field("function")
	if fn.Type() == "await_expression" {
		if inner := fn.NamedChild(0); !inner.IsNull() {
			return compiledFunc(Unparen(inner))
		}
	}
	return compiledFunc(Unparen(fn))
}

// compiledFunc sees through the call shape tsc and Babel emit for an
// imported function, `(0, typeorm_1.In)(ids)` or `(0, f)(x)`: a sequence
// whose leading elements are literals (canonically 0) and whose last
// element is a name calls that name, without a `this`.
func compiledFunc(fn parsers.Node) parsers.Node {
	if fn.Type() != "sequence_expression" {
		return fn
	}
	kids := fn.NamedChildren()
	if len(kids) < 2 {
		return fn
	}
	for _, k := range kids[:len(kids)-1] {
		switch k.Type() {
		case "number", "string", "true", "false", "null", "undefined":
		default:
			return fn
		}
	}
	last := Unparen(kids[len(kids)-1])
	switch last.Type() {
	case "identifier", "member_expression":
		return last
	}
	return fn
}

// awaitedCall reports the `await f<T>(x)` misparse: the call itself is
// awaited.
func awaitedCall(call parsers.Node) bool {
	return call.Field("function").Type() == "await_expression"
}

// ---------------------------------------------------------------------------
// Documents: rows and documents loaded through an ORM model, whose own
// methods (doc.save(), instance.update(…), entity.remove()) run queries.

// docModelFamilies are the ORMs whose loaded objects carry query methods.
// Prisma, Drizzle and the MongoDB driver return plain objects.
var docModelFamilies = map[string]bool{FamilyMongoose: true, FamilyORMModel: true, FamilySequelize: true, FamilyTypeORM: true}

// docFinders are model methods whose result is documents (or one).
var docFinders = setOf("find", "findOne", "findById", "findAll", "findByPk", "findBy", "findOneBy", "findOneOrFail",
	"findOneByOrFail", "findOrCreate", "create")

// docModifiers keep a finder's result made of documents: query options,
// cursors, and array methods that keep elements. lean() is absent: it
// returns plain objects.
var docModifiers = setOf("sort", "limit", "skip", "select", "populate", "cursor", "exec", "where", "session", "hint",
	"batchSize", "collation", "setOptions", "comment", "maxTimeMS", "read", "orFail", "filter", "slice")

// documentsOf classifies an expression that evaluates to documents loaded
// from an ORM model: Model.find(…).sort(…), await Model.findAll(…),
// Model.find(…).cursor(), or a variable initialised from one. It returns
// the zero Client otherwise.
func (c *ClientClassifier) documentsOf(e parsers.Node, depth int) Client {
	if depth > 4 {
		return Client{}
	}
	e = unawait(e)
	switch e.Type() {
	case "identifier":
		d, ok := c.fs.Resolve(e)
		if !ok || d.Kind != VarDecl || d.Init.IsNull() || d.Index > 0 {
			return Client{}
		}
		return c.documentsOf(d.Init, depth+1)
	case "call_expression":
	default:
		return Client{}
	}
	for i := 0; i < 16; i++ {
		recv, method := Callee(e)
		if recv.IsNull() {
			return Client{}
		}
		inner := unawait(recv)
		if inner.Type() == "call_expression" {
			if !docModifiers[method] {
				return Client{}
			}
			e = inner
			continue
		}
		if !docFinders[method] {
			return Client{}
		}
		if method == "find" && firstArgIsFunction(e) {
			return Client{} // Array.prototype.find
		}
		m := c.Classify(recv)
		if m.Role != RoleModel || !docModelFamilies[m.Family] {
			return Client{}
		}
		return mk(m.Family, RoleDocument, m.Strong)
	}
	return Client{}
}

// unawait strips parentheses, assertions and await.
func unawait(e parsers.Node) parsers.Node {
	e = Unparen(e)
	for e.Type() == "await_expression" {
		e = Unparen(e.NamedChild(0))
	}
	return e
}

// forOfDocument classifies the variable of a for…of loop over documents.
func (c *ClientClassifier) forOfDocument(id parsers.Node) Client {
	name := id.Text()
	for p := id.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Type() != "for_in_statement" {
			continue
		}
		left := p.Field("left")
		if left.Type() != "identifier" || left.Text() != name {
			continue
		}
		if left.ID() == id.ID() || !p.Field("body").Contains(id) || !isForOf(p) {
			return Client{}
		}
		return c.documentsOf(p.Field("right"), 0)
	}
	return Client{}
}

func isForOf(loop parsers.Node) bool {
	for ch := loop.FirstChild(); !ch.IsNull(); ch = ch.NextSibling() {
		if !ch.IsNamed() && ch.Text() == "of" {
			return true
		}
	}
	return false
}

// declDocument classifies a variable initialised with documents (const
// inv = await Invoice.findByPk(id)) and the element parameter of an
// iteration callback over documents (docs.map(async (d) => …)).
func (c *ClientClassifier) declDocument(d Decl) Client {
	switch d.Kind {
	case VarDecl:
		if d.Init.IsNull() || d.Index > 0 {
			return Client{}
		}
		return c.documentsOf(d.Init, 1)
	case ParamDecl:
		if d.Type != "" || !IsFunction(d.Scope) {
			return Client{}
		}
		fn := d.Scope
		args := fn.Parent()
		for args.Type() == "parenthesized_expression" {
			fn, args = args, args.Parent()
		}
		if args.Type() != "arguments" || args.NamedChild(0).ID() != fn.ID() {
			return Client{}
		}
		call := args.Parent()
		recv, method := Callee(call)
		switch method {
		case "map", "forEach", "flatMap", "filter", "some", "every":
		default:
			return Client{}
		}
		if recv.IsNull() || !firstParamIs(d.Scope, d.Node) {
			return Client{}
		}
		return c.documentsOf(recv, 0)
	}
	return Client{}
}

// firstParamIs reports whether id is a function's first parameter itself
// (not a name destructured from it).
func firstParamIs(fn, id parsers.Node) bool {
	if p := fn.Field("parameter"); !p.IsNull() {
		return p.ID() == id.ID()
	}
	first := fn.Field("parameters").NamedChild(0)
	switch {
	case first.IsNull():
		return false
	case first.ID() == id.ID():
		return true
	case first.Type() == "required_parameter" || first.Type() == "optional_parameter":
		return first.Field("pattern").ID() == id.ID()
	}
	return false
}
