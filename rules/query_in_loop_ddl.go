package rules

import (
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Schema statements in a loop — DROP TABLE per table, ALTER TABLE per
// shard, CREATE INDEX per partition — are per-object maintenance that a
// migration tool or a test clean-up runs, not data access repeated per
// row: there is no N+1 to batch. A statement whose text visibly starts
// with a DDL keyword (a literal, "DROP TABLE " + t, fmt.Sprintf("ALTER
// TABLE %s …", t), a template, or a local assigned one of those just
// before) is not a query-in-loop finding.

var ddlKeywords = []string{"DROP ", "ALTER ", "CREATE ", "TRUNCATE ", "RENAME ", "COMMENT ON ", "GRANT ", "REVOKE ",
	"VACUUM", "REINDEX", "CLUSTER "}

// isDDLText reports whether SQL text starts with a schema statement.
func isDDLText(s string) bool {
	u := strings.ToUpper(strings.TrimLeft(s, " \t\r\n("))
	for _, k := range ddlKeywords {
		if strings.HasPrefix(u, k) {
			return true
		}
	}
	return false
}

// ddlStatement reports whether the statement text e of a query call is a
// schema statement.
func ddlStatement(e parsers.Node) bool {
	if e.IsNull() {
		return false
	}
	lead, ok := leadingText(e, 0)
	return ok && isDDLText(lead)
}

// leadingText returns the constant text an expression starts with.
func leadingText(e parsers.Node, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	e = Unparen(e)
	if s, ok := StringValue(e); ok {
		return s, true
	}
	switch e.Type() {
	case "binary_expression":
		return leadingText(e.Field("left"), depth+1)
	case "template_string":
		t := strings.TrimPrefix(e.Text(), "`")
		if i := strings.Index(t, "${"); i >= 0 {
			t = t[:i]
		}
		return t, true
	case "call_expression":
		fn := Unparen(e.Field("function")).Text()
		args := e.Field("arguments").NamedChildren()
		if (fn == "fmt.Sprintf" || fn == "util.format" || fn == "format") && len(args) > 0 {
			return leadingText(args[0], depth+1)
		}
	case "identifier":
		if rhs := lastAssignedBefore(e); !rhs.IsNull() {
			return leadingText(rhs, depth+1)
		}
	}
	return "", false
}

// lastAssignedBefore finds, in the statements before the one holding id
// (in its block and the blocks around it, within its function), the last
// assignment or declaration of id, and returns the value assigned.
func lastAssignedBefore(id parsers.Node) parsers.Node {
	name := id.Text()
	for stmt := id; !stmt.IsNull() && !IsFunction(stmt); stmt = stmt.Parent() {
		for prev := stmt.PrevNamedSibling(); !prev.IsNull(); prev = prev.PrevNamedSibling() {
			if v := assignedValue(prev, name); !v.IsNull() {
				return v
			}
		}
	}
	return parsers.Node{}
}

// assignedValue returns the value a statement assigns to name (Go =, :=,
// var; JS =, const/let), or the zero Node.
func assignedValue(s parsers.Node, name string) parsers.Node {
	switch s.Type() {
	case "assignment_statement", "short_var_declaration":
		l, r := s.Field("left").NamedChildren(), s.Field("right").NamedChildren()
		if len(l) == 1 && len(r) == 1 && l[0].Text() == name {
			return r[0]
		}
	case "expression_statement":
		if a := s.NamedChild(0); a.Type() == "assignment_expression" && a.Field("left").Text() == name {
			return a.Field("right")
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range s.NamedChildren() {
			if d.Type() == "variable_declarator" && d.Field("name").Text() == name {
				return d.Field("value")
			}
		}
	case "var_declaration":
		for _, spec := range s.NamedChildren() {
			if spec.Type() == "var_spec" && spec.Field("name").Text() == name {
				return spec.Field("value").NamedChild(0)
			}
		}
	}
	return parsers.Node{}
}
