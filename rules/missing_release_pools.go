package rules

import (
	"github.com/hotpath-app/hotpath/parsers"
)

// Pools whose acquisition is not the database/sql shape.
//
// Go: redigo's pool.Get() and go-redis' client.Conn() return one value (no
// error) that goes back to the pool on Close; redigo's GetContext returns
// (conn, err). They are recognised only when the receiver is known to be
// such a pool (declared type, initialiser or import, through the shared
// client classifier) and the result is used as a connection.
//
// TypeScript and JavaScript: pg-promise's db.connect() (released by
// done()), postgres.js' sql.reserve() (released by release()) and
// Objection's Model.startTransaction() (committed or rolled back).

// Resource kinds of this file.
var (
	mrTSPgPromise = &mrKind{pathRelease: []string{"done"}, verb: "released", releaseCall: "%s.done()"}
	mrTSReserved  = &mrKind{pathRelease: []string{"release"}, verb: "released", releaseCall: "%s.release()"}
)

// Methods called on a redigo connection, and on a go-redis one.
var (
	mrRedigoConnUses  = []string{"Do", "DoContext", "DoWithTimeout", "Send", "Flush", "Receive", "ReceiveContext", "ReceiveWithTimeout"}
	mrGoRedisConnUses = []string{"Get", "Set", "Del", "Select", "ClientSetName", "Pipeline", "Pipelined", "TxPipelined",
		"Process", "Do", "Eval", "EvalSha", "Incr", "Expire", "HGet", "HSet", "Subscribe", "Watch", "Ping", "Auth", "AuthACL"}
)

// mrGoOneResult says whether a method may acquire a pooled connection that
// comes without an error result: conn := pool.Get(), cn := rdb.Conn().
func mrGoOneResult(method string) bool { return method == "Get" || method == "Conn" }

// mrGoPooledConn decides the kind of a pool acquisition that is not the
// database/sql shape, or returns nil: redigo pool.Get() / GetContext(ctx)
// and go-redis client.Conn(). oneResult: the call's result is bound alone.
func mrGoPooledConn(p *Pass, recv parsers.Node, method string, nargs int, oneResult bool, uses mrUses) *mrKind {
	if recv.IsNull() {
		return nil
	}
	switch method {
	case "Get", "GetContext":
		if (method == "Get") != oneResult || (method == "Get" && nargs != 0) || (method == "GetContext" && nargs != 1) {
			return nil
		}
		if !uses.any(mrRedigoConnUses...) {
			return nil
		}
		cl := ClassifyClient(p.Facts(), p.Knowledge, recv)
		if cl.Family == FamilyRedigo && cl.Role == RoleFactory && cl.Strong {
			return mrGoConn
		}
	case "Conn":
		if !oneResult || nargs > 1 || !uses.any(mrGoRedisConnUses...) {
			return nil
		}
		cl := ClassifyClient(p.Facts(), p.Knowledge, recv)
		if cl.Family == FamilyGoRedis && cl.Role == RoleConn && cl.Strong {
			return mrGoConn
		}
	}
	return nil
}

// pg-promise query methods of a connection. mrPgPromiseTell are the ones
// no other client spells that way.
var (
	mrPgPromiseUses = []string{"none", "one", "oneOrNone", "many", "manyOrNone", "any", "result", "multi", "multiResult",
		"map", "each", "func", "proc", "stream"}
	mrPgPromiseTell = []string{"none", "oneOrNone", "many", "manyOrNone", "any", "result", "multi", "multiResult", "proc"}
)

// mrTSPooled decides the kind of a TypeScript acquisition of this file's
// pools, or returns nil: pg-promise's db.connect(), postgres.js'
// sql.reserve(), Objection's Model.startTransaction(). uses are the
// variable's uses in body.
func mrTSPooled(p *Pass, recv parsers.Node, method string, args []parsers.Node, awaited bool, body parsers.Node, name string, uses mrUses) *mrKind {
	if recv.IsNull() || !awaited || mrTSHasCallback(args) {
		return nil
	}
	fs := p.Facts()
	switch method {
	case "connect":
		// pg-promise: const sco = await db.connect(); … sco.done(). The
		// done() release together with pg-promise's query methods says so;
		// an options object ({direct: true}) is allowed.
		if len(args) > 1 || (len(args) == 1 && Unparen(args[0]).Type() != "object") {
			return nil
		}
		if !uses.methods["done"] || mrTSNotPool(p, recv) {
			return nil
		}
		if uses.any(mrPgPromiseTell...) {
			return mrTSPgPromise
		}
		if uses.any(mrPgPromiseUses...) && (fs.Imports("pg-promise") || ClassifyClient(fs, p.Knowledge, recv).Family == FamilyPGPromise) {
			return mrTSPgPromise
		}
	case "reserve":
		// postgres.js: const conn = await sql.reserve(); conn`…`;
		// conn.release(). The result used as a tagged template tells it
		// from other things that are reserved (seats, slots).
		if len(args) != 0 || !uses.methods["release"] || mrTSLockish(recv) {
			return nil
		}
		if mrTSTagged(body, name) {
			return mrTSReserved
		}
	case "startTransaction":
		// Objection: const trx = await Model.startTransaction([knex]);
		// committed or rolled back by hand. TypeORM's and MongoDB's
		// startTransaction() return nothing to bind.
		if len(args) <= 1 && uses.any("commit", "rollback") && !mrTSNotPool(p, recv) {
			return mrTSTrx
		}
	}
	return nil
}

// mrTSTagged reports whether name is used as a template tag under body:
// conn`select 1`.
func mrTSTagged(body parsers.Node, name string) bool {
	found := false
	body.Walk(func(n parsers.Node) bool {
		if found {
			return false
		}
		if mrIsTaggedTemplate(n) && mrIsName(n.Field("function"), name) {
			found = true
		}
		return true
	})
	return found
}

// mrIsTaggedTemplate reports whether a call is a tagged template: sql`…`.
func mrIsTaggedTemplate(call parsers.Node) bool {
	return call.Type() == "call_expression" && call.Field("arguments").Type() == "template_string"
}
