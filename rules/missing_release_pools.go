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
