package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// A Pass is one rule's view of one file.
type Pass struct {
	File *parsers.File
	Rule *Rule
	// Knowledge holds the built-in client tables plus the repository's
	// additions from its config file.
	Knowledge *Knowledge

	facts  *Facts
	report func(Finding)
}

// Facts returns the file's shared facts (imports, declarations, functions),
// computed once per file and shared by all rules.
func (p *Pass) Facts() *Facts { return p.facts }

// A Diagnostic is what a rule reports: a node, a message, and optionally
// related locations and a fix.
type Diagnostic struct {
	Node    parsers.Node
	Message string
	Related []RelatedNode
	Fix     *Fix
}

// RelatedNode is a related location given as a node.
type RelatedNode struct {
	Node    parsers.Node
	Message string
}

// Report records a diagnostic as a finding of the pass's rule.
func (p *Pass) Report(d Diagnostic) {
	f := p.File
	line, col := f.Position(d.Node.StartByte())
	endLine, endCol := f.Position(d.Node.EndByte())
	fd := Finding{
		Rule:      p.Rule.ID,
		Path:      f.Path,
		Line:      line,
		Column:    col,
		EndLine:   endLine,
		EndColumn: endCol,
		Severity:  p.Rule.Severity,
		Message:   d.Message,
		Fix:       d.Fix,
		Function:  FunctionName(EnclosingFunction(d.Node)),
		Snippet:   snippet(d.Node),
	}
	for _, r := range d.Related {
		l, c := f.Position(r.Node.StartByte())
		fd.Related = append(fd.Related, Related{Line: l, Column: c, Message: r.Message})
	}
	p.report(fd)
}

// Reportf reports a finding at n with a formatted message.
func (p *Pass) Reportf(n parsers.Node, format string, args ...any) {
	p.Report(Diagnostic{Node: n, Message: fmt.Sprintf(format, args...)})
}

// snippet returns the statement around n with whitespace collapsed, the
// stable part of a finding's fingerprint.
func snippet(n parsers.Node) string {
	s := n
	for p := n; !p.IsNull(); p = p.Parent() {
		t := p.Type()
		if strings.HasSuffix(t, "_statement") || strings.HasSuffix(t, "_declaration") || t == "variable_declarator" ||
			t == "short_var_declaration" || t == "assignment_statement" {
			s = p
			break
		}
		if IsFunction(p) || t == "program" || t == "source_file" {
			break
		}
	}
	// A loop or block statement would drag its whole body into the key;
	// the flagged expression alone is steadier then.
	if t := s.Type(); strings.HasPrefix(t, "for") || strings.HasPrefix(t, "while") || t == "if_statement" ||
		t == "try_statement" || t == "function_declaration" || t == "method_declaration" || t == "class_declaration" ||
		t == "do_statement" || t == "switch_statement" || t == "expression_switch_statement" {
		s = n
	}
	text := strings.Join(strings.Fields(s.Text()), " ")
	if len(text) > 240 {
		text = text[:240]
	}
	return text
}
