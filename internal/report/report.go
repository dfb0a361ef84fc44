// Package report writes scan results in the formats `hotpath scan` offers:
// text for people, json for scripts (a stable, documented shape), sarif for
// GitHub code scanning and other SARIF consumers, and github for workflow
// command annotations in GitHub Actions.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/rules"
)

// Formats lists the accepted --format values.
var Formats = []string{"text", "json", "sarif", "github"}

// Write renders res in the named format.
func Write(w io.Writer, format string, res *engine.Result) error {
	switch format {
	case "text", "":
		return Text(w, res)
	case "json":
		return JSON(w, res)
	case "sarif":
		return SARIF(w, res)
	case "github":
		return GitHub(w, res)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// Version is hotpath's version as recorded in the build, or "dev".
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Text writes one line per finding, then a summary line.
func Text(w io.Writer, res *engine.Result) error {
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "\t%s:%d:%d: %s\n", f.Path, r.Line, r.Column, r.Message)
		}
	}
	if len(res.Findings) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(summaryLine(res))
	b.WriteByte('\n')
	if len(res.Skipped) > 0 {
		for _, s := range res.Skipped {
			if s.Detail != "" {
				fmt.Fprintf(&b, "skipped %s: %s (%s)\n", s.Path, s.Reason, s.Detail)
			} else {
				fmt.Fprintf(&b, "skipped %s: %s\n", s.Path, s.Reason)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func summaryLine(res *engine.Result) string {
	_, bySev := engine.Counts(res.Findings)
	var parts []string
	for _, s := range []string{"error", "warning", "notice"} {
		if n := bySev[s]; n > 0 {
			parts = append(parts, plural(n, s))
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprintf("%s%s in %s analysed (%s); %d suppressed; %s skipped; %s excluded by config",
		plural(len(res.Findings), "finding"), detail, plural(res.Analyzed, "file"), plural(res.Lines, "line"),
		len(res.Suppressed), plural(len(res.Skipped), "file"), plural(len(res.Excluded), "file"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// JSONReport is the --format json document. Its shape is stable: fields may
// be added, never renamed or removed.
type JSONReport struct {
	Tool     JSONTool        `json:"tool"`
	Findings []rules.Finding `json:"findings"`
	Counts   JSONCounts      `json:"counts"`
	Files    JSONFiles       `json:"files"`
	// Suppressed lists findings silenced by hotpath-ignore comments.
	Suppressed []rules.Finding `json:"suppressed"`
}

// JSONTool names the producer.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONCounts summarises findings.
type JSONCounts struct {
	Findings   int            `json:"findings"`
	Suppressed int            `json:"suppressed"`
	ByRule     map[string]int `json:"by_rule"`
	BySeverity map[string]int `json:"by_severity"`
}

// JSONFiles accounts for every file considered.
type JSONFiles struct {
	Analyzed     int              `json:"analyzed"`
	Lines        int              `json:"lines"`
	SyntaxErrors int              `json:"with_syntax_errors"`
	Skipped      []engine.Skipped `json:"skipped"`
	Excluded     int              `json:"excluded"`
}

// NewJSONReport builds the json document for res.
func NewJSONReport(res *engine.Result) JSONReport {
	byRule, bySev := engine.Counts(res.Findings)
	r := JSONReport{
		Tool:       JSONTool{Name: "hotpath", Version: Version()},
		Findings:   res.Findings,
		Suppressed: res.Suppressed,
		Counts:     JSONCounts{Findings: len(res.Findings), Suppressed: len(res.Suppressed), ByRule: byRule, BySeverity: bySev},
		Files: JSONFiles{Analyzed: res.Analyzed, Lines: res.Lines, SyntaxErrors: len(res.SyntaxErrorFiles),
			Skipped: res.Skipped, Excluded: len(res.Excluded)},
	}
	if r.Findings == nil {
		r.Findings = []rules.Finding{}
	}
	if r.Suppressed == nil {
		r.Suppressed = []rules.Finding{}
	}
	if r.Files.Skipped == nil {
		r.Files.Skipped = []engine.Skipped{}
	}
	return r
}

// JSON writes the stable json document.
func JSON(w io.Writer, res *engine.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewJSONReport(res))
}

// GitHub writes GitHub Actions workflow commands (::warning file=…::msg),
// which the Actions runner turns into annotations on the workflow run and
// pull request. Suppressed and skipped files are summarised in a notice.
func GitHub(w io.Writer, res *engine.Result) error {
	var b strings.Builder
	for _, f := range res.Findings {
		level := "warning"
		switch f.Severity {
		case rules.Error:
			level = "error"
		case rules.Notice:
			level = "notice"
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, escapeProperty(f.Path), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty("hotpath "+f.Rule), escapeData(f.Message))
	}
	fmt.Fprintf(&b, "::notice title=hotpath::%s\n", escapeData(summaryLine(res)))
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData and escapeProperty follow the runner's escaping of workflow
// command values (actions/toolkit, command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
