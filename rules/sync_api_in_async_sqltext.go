package rules

import (
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Recognising a database call by the SQL text it is given, for receivers
// whose type this file cannot see (a struct field declared in another file
// of the package): s.pool.Exec(ctx, "REFRESH MATERIALIZED VIEW …").

// sapiSQLTextMethods are the methods that run the SQL text they are passed
// in database/sql, sqlx and pgx.
var sapiSQLTextMethods = map[string]bool{
	"Query": true, "QueryRow": true, "QueryContext": true, "QueryRowContext": true, "Exec": true, "ExecContext": true,
	"Queryx": true, "QueryRowx": true, "QueryxContext": true, "QueryRowxContext": true, "Get": true, "GetContext": true,
	"Select": true, "SelectContext": true, "NamedExec": true, "NamedExecContext": true, "NamedQuery": true,
	"NamedQueryContext": true, "MustExec": true, "MustExecContext": true,
}

// sapiRunsSQLText reports whether a method call runs SQL text: its method
// is one that runs a statement and one of its first three arguments (after
// a context and a destination) is a statement — a literal, a constant or variable bound to one,
// a concatenation that starts with one, or fmt.Sprintf of one.
func (s *sapiGo) sapiRunsSQLText(call parsers.Node, method string) bool {
	if !sapiSQLTextMethods[method] {
		return false
	}
	args := hpArgs(call)
	for i := 0; i < len(args) && i < 3; i++ { // sqlx: GetContext(ctx, &dest, query, …)
		if sapiScanMethods[method] && (i == 0 || !sapiAddressOf(args[i-1])) {
			// Get and Select are common names (a statement cache keyed by
			// its text: stmts.Get("SELECT …")); sqlx's take &dest first.
			continue
		}
		if sapiLooksLikeSQL(s.sqlText(args[i], 0)) {
			return true
		}
	}
	return false
}

// sapiScanMethods are sqlx's methods that scan into a destination given
// before the query.
var sapiScanMethods = map[string]bool{"Get": true, "GetContext": true, "Select": true, "SelectContext": true}

func sapiAddressOf(e parsers.Node) bool {
	e = Unparen(e)
	return e.Type() == "unary_expression" && e.Field("operator").Type() == "&"
}

// sqlText returns the leading literal text of an expression, or "".
func (s *sapiGo) sqlText(e parsers.Node, depth int) string {
	if depth > 3 || e.IsNull() {
		return ""
	}
	e = Unparen(e)
	switch e.Type() {
	case "interpreted_string_literal", "raw_string_literal":
		t, _ := StringValue(e)
		return t
	case "binary_expression":
		if e.Field("operator").Type() == "+" {
			return s.sqlText(e.Field("left"), depth+1)
		}
	case "call_expression":
		if f := collapse(Unparen(e.Field("function")).Text()); f == "fmt.Sprintf" || f == "strings.TrimSpace" {
			if a := hpArgs(e); len(a) > 0 {
				return s.sqlText(a[0], depth+1)
			}
		}
	case "identifier":
		if d, ok := s.fs.Resolve(e); ok && d.Kind == VarDecl && !d.Init.IsNull() {
			return s.sqlText(d.Init, depth+1)
		}
	}
	return ""
}

// sapiLooksLikeSQL reports statement text: a statement keyword followed by
// the clause it needs (SELECT … FROM, INSERT INTO, UPDATE … SET, DELETE
// FROM, WITH … AS, REFRESH MATERIALIZED VIEW, TRUNCATE, CREATE/DROP/ALTER
// TABLE/INDEX/VIEW, VACUUM, ANALYZE, CALL f(…), LOCK TABLE).
func sapiLooksLikeSQL(s string) bool {
	f := strings.Fields(strings.ToUpper(strings.TrimLeft(s, " \t\r\n(")))
	if len(f) < 2 {
		return false
	}
	rest := " " + strings.Join(f[1:], " ") + " "
	has := func(w string) bool { return strings.Contains(rest, " "+w+" ") }
	switch f[0] {
	case "SELECT":
		return has("FROM") || strings.Contains(rest, "(")
	case "INSERT":
		return f[1] == "INTO"
	case "UPDATE":
		return has("SET")
	case "DELETE":
		return f[1] == "FROM"
	case "WITH":
		return has("AS") && (has("SELECT") || strings.Contains(rest, "(SELECT"))
	case "REFRESH":
		return f[1] == "MATERIALIZED"
	case "TRUNCATE", "VACUUM", "ANALYZE":
		return f[1] == "TABLE" || f[1] == "ONLY" || f[1] == "VERBOSE" || len(f) == 2 && strings.Trim(f[1], `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_."`) == ""
	case "CREATE", "DROP", "ALTER":
		switch f[1] {
		case "TABLE", "INDEX", "VIEW", "MATERIALIZED", "UNIQUE", "SCHEMA", "SEQUENCE", "TEMP", "TEMPORARY", "EXTENSION":
			return true
		}
	case "CALL":
		return strings.Contains(rest, "(")
	case "LOCK":
		return f[1] == "TABLE"
	}
	return false
}
