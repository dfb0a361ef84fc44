// Package rules holds hotpath's checks and the machinery that runs them.
//
// A check is a *Rule value: its ID, title, documentation, languages,
// default severity and a Check function, in the manner of
// golang.org/x/tools/go/analysis. Rules see a parsed file through a *Pass
// and report Findings, which are plain values with no tree-sitter or GitHub
// types in them. A rule never returns an error for problems in user code:
// those are findings; a rule that cannot decide stays silent, because a false
// positive costs more than a miss.
//
// The registry (All) is the only list of rules. TestRegistry checks that
// every rule has documentation and testdata for every language it declares.
package rules

import (
	"fmt"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Severity is how serious a finding is. Off disables a rule.
type Severity int

// Severities, least serious first.
const (
	Off Severity = iota
	Notice
	Warning
	Error
)

var severityNames = [...]string{Off: "off", Notice: "notice", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "off", "notice", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want off, notice, warning or error)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// A Rule is one check.
type Rule struct {
	// ID is permanent: users write it in config files and suppressions.
	ID string
	// Title is one line, lower-case, no trailing period.
	Title string
	// Doc is the rule's markdown documentation page.
	Doc string
	// Languages the rule analyses.
	Languages []parsers.Language
	// Severity is the default; the config file may change it.
	Severity Severity
	// Check inspects one file and reports through the pass.
	Check func(*Pass)
}

// Supports reports whether the rule analyses files in lang.
func (r *Rule) Supports(lang parsers.Language) bool {
	for _, l := range r.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// DocURL returns the address of the rule's documentation page.
func (r *Rule) DocURL() string { return DocBaseURL + r.ID + ".md" }

// DocBaseURL is where rule pages are published; each page is also embedded
// in the binary (hotpath rules <id>).
var DocBaseURL = "https://github.com/hotpath-app/hotpath/blob/main/rules/docs/"

// A Finding is one problem in one file. Lines and columns are 1-based;
// columns count characters.
type Finding struct {
	Rule      string    `json:"rule"`
	Path      string    `json:"path"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line"`
	EndColumn int       `json:"end_column"`
	Severity  Severity  `json:"severity"`
	Message   string    `json:"message"`
	Related   []Related `json:"related,omitempty"`
	Fix       *Fix      `json:"fix,omitempty"`
	// Function is the enclosing function ("" at top level).
	Function string `json:"function,omitempty"`
	// Snippet is the flagged statement with whitespace collapsed; it keys the
	// fingerprint, so a finding keeps its identity when code moves.
	Snippet string `json:"-"`
	// Fingerprint identifies the finding across revisions: rule, path,
	// function, snippet and occurrence index — never the line number.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Related points at a second location that explains a finding, such as the
// loop that makes a query repeat.
type Related struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// A Fix replaces whole lines StartLine..EndLine (inclusive, 1-based) with
// Replacement. It is offered only when the change is mechanical.
type Fix struct {
	Description string `json:"description"`
	StartLine   int    `json:"start_line"`
	EndLine     int    `json:"end_line"`
	Replacement string `json:"replacement"`
}

// String formats a finding as path:line:col: severity: rule: message.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
}
