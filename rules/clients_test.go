package rules

import (
	"context"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
)

// parseSnippet parses src as a file of the given name.
func parseSnippet(t testing.TB, name, src string) *parsers.File {
	t.Helper()
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, err := p.Parse(context.Background(), name, []byte(src))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return f
}

// lastExpr returns the last named node whose text is exactly text.
func lastExpr(t testing.TB, f *parsers.File, text string) parsers.Node {
	t.Helper()
	var found parsers.Node
	f.Root().Walk(func(n parsers.Node) bool {
		if n.IsNamed() && n.Text() == text && n.Type() != "expression_statement" && n.Type() != "expression_list" {
			found = n
		}
		return true
	})
	if found.IsNull() {
		t.Fatalf("no node %q in %s", text, f.Path)
	}
	return found
}

func TestClassifyClient(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		src    string
		expr   string // the last occurrence is classified
		family string // "" = not a client
		role   ClientRole
		strong bool
	}{
		{"pg pool from new", "a.ts", `import { Pool } from "pg"; const pool = new Pool(); pool;`, "pool", FamilyPG, RoleConn, true},
		{"pg client from connect", "a.ts", `import pg from "pg"; const pool = new pg.Pool(); async function f() { const client = await pool.connect(); client; }`, "client", FamilyPG, RoleConn, true},
		{"ioredis default import", "a.ts", `import Redis from "ioredis"; const r = new Redis(); r;`, "r", FamilyIORedis, RoleConn, true},
		{"node-redis createClient", "a.ts", `import { createClient } from "redis"; const c = createClient(); c;`, "c", FamilyNodeRedis, RoleConn, true},
		{"redis multi is a pipeline", "a.ts", `import Redis from "ioredis"; const r = new Redis(); const m = r.multi(); m;`, "m", FamilyIORedis, RolePipeline, true},
		{"prisma via ??", "a.ts", `import { PrismaClient } from "@prisma/client"; const g = globalThis as any; export const prisma = g.prisma ?? new PrismaClient(); prisma.user;`, "prisma.user", FamilyPrisma, RoleModel, true},
		{"prisma service type", "a.ts", `import { PrismaService } from "./prisma.service"; class A { constructor(private readonly prisma: PrismaService) {} f() { this.prisma; } }`, "this.prisma", FamilyPrisma, RoleConn, true},
		{"typeorm repository field", "a.ts", `import { Repository } from "typeorm"; class S { constructor(private readonly repo: Repository<User>) {} f() { this.repo; } }`, "this.repo", FamilyTypeORM, RoleModel, true},
		{"mongoose model import", "a.js", `const User = require("../models/User"); User;`, "User", FamilyORMModel, RoleModel, false},
		{"mongo collection", "a.ts", `import { MongoClient } from "mongodb"; const c = new MongoClient(""); const col = c.db("x").collection("y"); col;`, "col", FamilyMongoDB, RoleModel, true},
		{"knex instance", "a.js", `const knex = require("knex")({ client: "pg" }); knex;`, "knex", FamilyKnex, RoleConn, true},
		{"drizzle", "a.ts", `import { drizzle } from "drizzle-orm/node-postgres"; const db = drizzle(""); db;`, "db", FamilyDrizzle, RoleConn, true},
		{"project db module", "a.ts", `import { db } from "@/server/db"; db;`, "db", FamilySQL, RoleConn, false},
		{"name only, no imports", "a.ts", `const x = 1; db;`, "db", "", RoleNone, false},
		{"knex parameter with a table call", "a.js", `module.exports = run(async function up(knex) { await knex("users").select(); knex; });`, "knex", FamilyKnex, RoleConn, false},
		{"knex parameter without a table call", "a.js", `module.exports = run(async function up(knex) { knex; });`, "knex", "", RoleNone, false},
		{"knex member call is not a table call", "a.js", `function f(o, knex) { o.knex("users"); knex; }`, "knex", "", RoleNone, false},
		{"name with a db import", "a.js", `const { Pool } = require("pg"); function f(db) { db; }`, "db", FamilyPG, RoleConn, false},
		{"a Map named cache is not redis", "a.ts", `import Redis from "ioredis"; const cache = new Map(); cache;`, "cache", "", RoleNone, false},
		{"http client named client", "a.ts", `import axios from "axios"; const client = axios.create(); client;`, "client", "", RoleNone, false},
		{"typed non-client param", "a.ts", `import { Pool } from "pg"; function f(db: Logger) { db; }`, "db", "", RoleNone, false},
		{"for-of over a model's cursor", "a.ts", `import { Op } from "sequelize"; import { Sub } from "../models/sub"; async function f() { for await (const s of Sub.find({}).cursor()) { s; } }`, "s", FamilyORMModel, RoleDocument, true},
		{"variable from findByPk", "a.ts", `import { Sequelize } from "sequelize"; import { Inv } from "../models/inv"; async function f(id) { const inv = await Inv.findByPk(id); inv; }`, "inv", FamilyORMModel, RoleDocument, true},
		{"map element of found documents", "a.js", `const Ticket = require("../models/ticket"); async function f() { const ts = await Ticket.find({ open: true }); ts.map((t) => t); }`, "t", FamilyORMModel, RoleDocument, false},
		{"lean results are plain objects", "a.js", `const Ticket = require("../models/ticket"); async function f() { for (const t of await Ticket.find({}).lean()) { t; } }`, "t", "", RoleNone, false},
		{"for-in keys are not documents", "a.js", `const Ticket = require("../models/ticket"); async function f() { for (const k in await Ticket.find({})) { k; } }`, "k", "", RoleNone, false},
		{"prisma rows are plain objects", "a.ts", `import { PrismaClient } from "@prisma/client"; const p = new PrismaClient(); async function f() { for (const u of await p.user.findMany()) { u; } }`, "u", "", RoleNone, false},
		{"collection exported by a mongo module", "a.mjs", `import { devices } from "../mongo.mjs"; devices;`, "devices", FamilyMongoDB, RoleModel, false},
		{"mongo module helper is not a collection", "a.mjs", `import { getCollection, mongoose } from "../lib/mongo.js"; mongoose;`, "mongoose", "", RoleNone, false},
		{"redis-named import from a project module", "a.ts", `import { redisClient } from "../platform/cache"; redisClient;`, "redisClient", FamilyRedis, RoleConn, false},
		{"sequelize from the db module", "a.ts", `import { sequelize } from "../db/sequelize"; sequelize;`, "sequelize", FamilySequelize, RoleConn, false},

		{"go sql.DB field", "a.go", "package x\nimport \"database/sql\"\ntype S struct{ db *sql.DB }\nfunc (s *S) f() { s.db }", "s.db", FamilyDatabaseSQL, RoleConn, true},
		{"go rows from Query", "a.go", "package x\nimport \"database/sql\"\nfunc f(db *sql.DB) { rows, err := db.Query(\"\"); rows; err }", "rows", FamilyDatabaseSQL, RoleCursor, true},
		{"go err from Query", "a.go", "package x\nimport \"database/sql\"\nfunc f(db *sql.DB) { rows, err := db.Query(\"\"); rows; err }", "err", "", RoleNone, false},
		{"go tx from BeginTx", "a.go", "package x\nimport \"database/sql\"\nfunc f(db *sql.DB) { tx, _ := db.BeginTx(nil, nil); tx }", "tx", FamilyDatabaseSQL, RoleConn, true},
		{"go pgxpool", "a.go", "package x\nimport \"github.com/jackc/pgx/v5/pgxpool\"\nfunc f() { p, _ := pgxpool.New(nil, \"\"); p }", "p", FamilyPGX, RoleConn, true},
		{"go-redis pipeline", "a.go", "package x\nimport \"github.com/redis/go-redis/v9\"\nfunc f() { r := redis.NewClient(nil); pipe := r.Pipeline(); pipe }", "pipe", FamilyGoRedis, RolePipeline, true},
		{"redigo conn from pool", "a.go", "package x\nimport \"github.com/gomodule/redigo/redis\"\nfunc f(p *redis.Pool) { c := p.Get(); c }", "c", FamilyRedigo, RoleConn, true},
		{"gorm param", "a.go", "package x\nimport \"gorm.io/gorm\"\nfunc f(db *gorm.DB) { db }", "db", FamilyGORM, RoleConn, true},
		{"mongo collection go", "a.go", "package x\nimport \"go.mongodb.org/mongo-driver/mongo\"\nfunc f(d *mongo.Database) { c := d.Collection(\"x\"); c }", "c", FamilyMongoGo, RoleModel, true},
		{"ent entity client", "a.go", "package x\nimport \"github.com/acme/app/ent\"\nfunc f(c *ent.Client) { c.User }", "c.User", FamilyEnt, RoleModel, true},
		{"sqlc queries", "a.go", "package x\nimport \"github.com/acme/app/internal/db\"\ntype S struct{ q *db.Queries }\nfunc (s *S) f() { s.q }", "s.q", FamilySQLC, RoleConn, true},
		{"bun DB field", "a.go", "package x\nimport \"github.com/uptrace/bun\"\ntype S struct{ db *bun.DB }\nfunc (s *S) f() { s.db }", "s.db", FamilyBun, RoleConn, true},
		{"bun builder", "a.go", "package x\nimport \"github.com/uptrace/bun\"\nfunc f(db *bun.DB) { q := db.NewSelect(); q }", "q", FamilyBun, RoleBuilder, true},
		{"redigo pool known by name", "a.go", "package x\nimport \"github.com/gomodule/redigo/redis\"\nfunc (s *S) f() { c := s.redisPool.Get(); c }", "c", FamilyRedigo, RoleConn, false},
		{"objection builder", "a.ts", `import Product from "../models/Product"; const q = Product.query().where("a", 1); q;`, "q", FamilyObjection, RoleBuilder, false},
		{"objection builder in a transaction", "a.ts", `import Product from "../models/Product"; async function f(trx) { const q = Product.query(trx); q; }`, "q", FamilyObjection, RoleBuilder, false},
		{"a search client's query is not objection", "a.ts", `import Search from "../search/client"; const q = Search.query({ text: "x" }); q;`, "q", "", RoleNone, false},
		{"for-of variable shadows an import", "a.ts", `import Product from "../models/Product"; function f(list: string[]) { for (const Product of list) { Product; } }`, "Product", "", RoleNone, false},
		{"go name only, no imports", "a.go", "package x\nfunc f() { db }", "db", "", RoleNone, false},
		{"go package var with database/sql import", "a.go", "package x\nimport \"database/sql\"\nvar _ = sql.ErrNoRows\nfunc f() { DB }", "DB", familyGoSQLish, RoleConn, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := parseSnippet(t, tt.file, tt.src)
			got := ClassifyClient(NewFacts(f), nil, lastExpr(t, f, tt.expr))
			if got.Family != tt.family || (tt.family != "" && (got.Role != tt.role || got.Strong != tt.strong)) {
				t.Errorf("ClassifyClient(%s) = %+v, want family %q role %d strong %v", tt.expr, got, tt.family, tt.role, tt.strong)
			}
			if (tt.family != "") != got.IsClient() {
				t.Errorf("IsClient() = %v", got.IsClient())
			}
		})
	}
}

func TestClassifyClientKnowledge(t *testing.T) {
	f := parseSnippet(t, "a.go", "package x\nimport \"github.com/acme/app/store\"\ntype H struct{ users *store.UserStore }\nfunc (h *H) f() { h.users }")
	fs := NewFacts(f)
	e := lastExpr(t, f, "h.users")
	if got := ClassifyClient(fs, nil, e); got.IsClient() {
		t.Fatalf("without knowledge: %+v, want no client", got)
	}
	got := ClassifyClient(fs, &Knowledge{QueryTypes: []string{"UserStore"}}, e)
	if got.Family != FamilyCustom || !got.IsClient() || got.Kind != CustomClient {
		t.Fatalf("with knowledge: %+v, want a custom client", got)
	}
	if mi := ClientMethod(got, "Anything", parsers.Node{}); mi.Op != OpQuery {
		t.Errorf("custom client method: %v, want OpQuery", mi.Op)
	}
}

func TestClientMethod(t *testing.T) {
	redisC := mk(FamilyIORedis, RoleConn, true)
	goRedis := mk(FamilyGoRedis, RoleConn, true)
	tests := []struct {
		cl     Client
		method string
		want   MethodOp
	}{
		{redisC, "get", OpQuery},
		{redisC, "hgetall", OpQuery},
		{redisC, "mget", OpBatch},
		{redisC, "pipeline", OpDerive},
		{redisC, "on", OpNone},
		{mk(FamilyIORedis, RolePipeline, true), "get", OpNone},
		{mk(FamilyNodeRedis, RoleConn, true), "hGetAll", OpQuery},
		{goRedis, "HGetAll", OpQuery},
		{goRedis, "MGet", OpBatch},
		{goRedis, "SetArgs", OpQuery},
		{goRedis, "Pipelined", OpBatch},
		{mk(FamilyPrisma, RoleModel, true), "findUnique", OpLazyQuery},
		{mk(FamilyPrisma, RoleModel, true), "createMany", OpBatch},
		{mk(FamilyTypeORM, RoleModel, true), "create", OpNone}, // builds an entity, no query
		{mk(FamilyTypeORM, RoleModel, true), "save", OpQuery},
		{mk(FamilyDatabaseSQL, RoleConn, true), "QueryRowContext", OpQuery},
		{mk(FamilyDatabaseSQL, RoleConn, true), "PingContext", OpNone},
		{mk(FamilyDatabaseSQL, RoleStmt, true), "ExecContext", OpNone},
		{mk(FamilyDatabaseSQL, RoleCursor, true), "Next", OpNone},
		{mk(FamilyPGX, RoleConn, true), "SendBatch", OpBatch},
		{mk(FamilyGORM, RoleConn, true), "Where", OpDerive},
		{mk(FamilyGORM, RoleConn, true), "First", OpQuery},
		{mk(FamilyGORM, RoleConn, true), "CreateInBatches", OpBatch},
		{mk(FamilyMongoDB, RoleModel, true), "insertMany", OpBatch},
		{mk(FamilyORMModel, RoleModel, false), "create", OpNone}, // could be a plain static factory
		{mk(FamilyORMModel, RoleModel, true), "create", OpQuery},
		{mk(FamilyORMModel, RoleModel, false), "findById", OpLazyQuery},
		{Client{}, "query", OpNone},
	}
	for _, tt := range tests {
		if got := ClientMethod(tt.cl, tt.method, parsers.Node{}).Op; got != tt.want {
			t.Errorf("ClientMethod(%s/%d, %s) = %d, want %d", tt.cl.Family, tt.cl.Role, tt.method, got, tt.want)
		}
	}
}

func TestModulePathHint(t *testing.T) {
	tests := map[string]pathHint{
		"@/server/db":          hintSQL,
		"../db":                hintSQL,
		"./lib/prisma":         hintPrisma,
		"../lib/redis.js":      hintRedis,
		"../models/User":       hintModel,
		"./post.model":         hintModel,
		"./utils/format":       hintNone,
		"../components/Button": hintNone,
	}
	for mod, want := range tests {
		if got := modulePathHint(mod); got != want {
			t.Errorf("modulePathHint(%q) = %d, want %d", mod, got, want)
		}
	}
	if got := pathHintOf("github.com/acme/app/internal/store", true); got != hintSQL {
		t.Errorf("Go store package: %d, want hintSQL", got)
	}
	if got := modulePathHint("./store"); got != hintNone {
		t.Errorf("JS ./store (often a UI store): %d, want hintNone", got)
	}
}

func TestSQLIsBatched(t *testing.T) {
	for s, want := range map[string]bool{
		"SELECT * FROM t WHERE id = ANY($1)":             true,
		"select * from t where id in (?)":                true,
		"SELECT * FROM t WHERE id IN (:...ids)":          true,
		"id IN ?":                                        true,
		"UPDATE t SET x = 1 WHERE id IN ?":               true,
		"SELECT * FROM t WHERE id = $1":                  false,
		"SELECT * FROM t WHERE kind IN ('a', 'b')":       false,
		"INSERT INTO t SELECT * FROM unnest($1, $2)":     true,
		"SELECT * FROM t WHERE id IN (SELECT id FROM u)": false,
	} {
		if got := sqlIsBatched(s); got != want {
			t.Errorf("sqlIsBatched(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestJSFactsLoopVarsParamsAndRequire(t *testing.T) {
	src := `const knex = require("knex")({ client: "pg" });
const user = load();
for (const user of users) { use(user); }
for (const [k, { v }] of pairs) { use(k, v); }
for (x of xs) {}
use(user);
ids.map(id => id);
`
	f := parseSnippet(t, "a.js", src)
	fs := NewFacts(f)
	if !fs.Imports("knex") {
		t.Errorf("require(\"knex\")({…}) does not record the module")
	}
	if ds := fs.Decls("knex"); len(ds) != 1 || ds[0].Init.IsNull() {
		t.Errorf("knex: %d decls, want one variable with its initialiser", len(ds))
	}
	var uses []parsers.Node
	f.Root().Walk(func(n parsers.Node) bool {
		if n.Type() == "identifier" && n.Text() == "user" && n.Parent().Type() == "arguments" {
			uses = append(uses, n)
		}
		return true
	})
	if len(uses) != 2 {
		t.Fatalf("found %d uses of user", len(uses))
	}
	if d, ok := fs.Resolve(uses[0]); !ok || d.Node.Parent().Type() != "for_in_statement" || !d.Init.IsNull() {
		t.Errorf("use inside the loop resolves to %v (ok %v), want the loop variable without initialiser", d.Node.Parent().Type(), ok)
	}
	if d, ok := fs.Resolve(uses[1]); !ok || d.Node.Parent().Type() != "variable_declarator" {
		t.Errorf("use after the loop resolves to %v (ok %v), want the outer const", d.Node.Parent().Type(), ok)
	}
	for _, name := range []string{"k", "v"} {
		if len(fs.Decls(name)) != 1 {
			t.Errorf("destructured loop variable %s: %d decls, want 1", name, len(fs.Decls(name)))
		}
	}
	if len(fs.Decls("x")) != 0 {
		t.Errorf("for (x of xs) declares nothing, got %d decls", len(fs.Decls("x")))
	}
	if ds := fs.Decls("id"); len(ds) != 1 || ds[0].Kind != ParamDecl {
		t.Errorf("bare arrow parameter: %+v, want one parameter", ds)
	}
}

func TestCalleeAwaitMisparse(t *testing.T) {
	f := parseSnippet(t, "a.ts", "async function f() { const r = await pool.query<Row>(\"SELECT 1\"); }")
	var call parsers.Node
	f.Root().Walk(func(n parsers.Node) bool {
		if n.Type() == "call_expression" && call.IsNull() {
			call = n
		}
		return true
	})
	recv, m := Callee(call)
	if recv.Text() != "pool" || m != "query" {
		t.Errorf("Callee = (%q, %q), want (pool, query)", recv.Text(), m)
	}
}
