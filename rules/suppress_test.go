package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/hotpath-app/hotpath/parsers"
)

// flagRule reports every call to a function named flag. It stands in for a
// real rule so suppression handling is tested on its own.
var flagRule = &Rule{
	ID: "query-in-loop", Title: "test", Doc: "test", Severity: Warning,
	Languages: []parsers.Language{parsers.Go, parsers.TypeScript, parsers.JavaScript},
	Check: func(p *Pass) {
		p.File.Root().Walk(func(n parsers.Node) bool {
			if n.Type() == "call_expression" && n.Field("function").Text() == "flag" {
				p.Reportf(n, "flagged")
			}
			return true
		})
	},
}

func analyzeWith(t *testing.T, r *Rule, path, src string) FileResult {
	t.Helper()
	saved := All
	All = []*Rule{r, MissingRelease}
	defer func() { All = saved }()
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(f, &Settings{Severity: map[string]Severity{"missing-release": Off}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func lines(fs []Finding) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f.Line)
	}
	return out
}

func TestLineSuppressions(t *testing.T) {
	src := `function f() {
  flag(); // hotpath-ignore query-in-loop: bounded to three items
  // hotpath-ignore query-in-loop, missing-release: fixture code
  flag();
  /* hotpath-ignore query-in-loop: start-up only */ flag();
  flag();
  // hotpath-ignore missing-release: wrong rule
  flag();
}
`
	res := analyzeWith(t, flagRule, "a.ts", src)
	if got := lines(res.Findings); len(got) != 2 || got[0] != 6 || got[1] != 8 {
		t.Errorf("findings on lines %v, want [6 8]", got)
	}
	if got := lines(res.Suppressed); len(got) != 3 {
		t.Errorf("suppressed on lines %v, want 3 of them", got)
	}
}

func TestGoSuppressionAndFile(t *testing.T) {
	src := "// hotpath-ignore-file query-in-loop: generated fixtures\n\npackage a\n\nfunc f() {\n\tflag()\n\tflag()\n}\n"
	res := analyzeWith(t, flagRule, "a.go", src)
	if len(res.Findings) != 0 || len(res.Suppressed) != 2 {
		t.Errorf("findings %v suppressed %v", res.Findings, res.Suppressed)
	}
}

func TestInvalidSuppressions(t *testing.T) {
	src := `// hotpath-ignore query-in-loop
flag();
// hotpath-ignore no-such-rule: because
flag();
// hotpath-ignore : reason but no rule
const x = 1;
// hotpath-ignore-file query-in-loop: too late, code came first
`
	res := analyzeWith(t, flagRule, "a.js", src)
	var msgs []string
	for _, f := range res.Findings {
		if f.Rule == InvalidSuppression {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 4 {
		t.Fatalf("invalid suppressions reported: %q", msgs)
	}
	for i, want := range []string{"needs a reason", "unknown rule \"no-such-rule\"", "names no rule", "at the top of the file"} {
		if !strings.Contains(msgs[i], want) {
			t.Errorf("message %d = %q, want it to mention %q", i, msgs[i], want)
		}
	}
	// The invalid ones suppress nothing.
	if got := lines(res.Findings); !containsInt(got, 2) || !containsInt(got, 4) {
		t.Errorf("findings on %v, want lines 2 and 4 still reported", got)
	}
	// Prose that merely mentions the word is not a directive.
	res = analyzeWith(t, flagRule, "a.ts", "// see the hotpath-ignore docs for how to silence\nflag();\n")
	if len(res.Findings) != 1 || res.Findings[0].Rule != "query-in-loop" {
		t.Errorf("got %v", res.Findings)
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestFingerprintsIgnoreLineNumbers(t *testing.T) {
	a := analyzeWith(t, flagRule, "a.ts", "function f() {\n  flag();\n  flag();\n}\n")
	b := analyzeWith(t, flagRule, "a.ts", "// new header\n\nfunction f() {\n  other();\n  flag();\n  flag();\n}\n")
	if len(a.Findings) != 2 || len(b.Findings) != 2 {
		t.Fatalf("findings: %v / %v", a.Findings, b.Findings)
	}
	for i := range a.Findings {
		if a.Findings[i].Fingerprint != b.Findings[i].Fingerprint {
			t.Errorf("finding %d changed fingerprint when code moved", i)
		}
	}
	if a.Findings[0].Fingerprint == a.Findings[1].Fingerprint {
		t.Error("two occurrences share a fingerprint")
	}
	c := analyzeWith(t, flagRule, "a.ts", "function g() {\n  flag();\n}\n")
	if c.Findings[0].Fingerprint == a.Findings[0].Fingerprint {
		t.Error("a different enclosing function should change the fingerprint")
	}
}

func TestPanickingRuleIsContained(t *testing.T) {
	boom := &Rule{ID: "query-in-loop", Title: "t", Doc: "t", Severity: Warning,
		Languages: []parsers.Language{parsers.TypeScript}, Check: func(*Pass) { panic("boom") }}
	saved := All
	All = []*Rule{boom}
	defer func() { All = saved }()
	p := parsers.NewParser(parsers.Options{})
	defer p.Close()
	f, _ := p.Parse(context.Background(), "a.ts", []byte("x()"))
	_, err := Analyze(f, nil)
	if err == nil || !strings.Contains(err.Error(), "query-in-loop panicked on a.ts") {
		t.Errorf("err = %v", err)
	}
}
