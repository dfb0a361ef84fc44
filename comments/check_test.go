package comments

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/hotpath-app/hotpath/rules"
)

func sev(ss ...rules.Severity) []rules.Finding {
	var fs []rules.Finding
	for _, s := range ss {
		fs = append(fs, rules.Finding{Rule: "query-in-loop", Path: "a.go", Line: 1, Severity: s})
	}
	return fs
}

func TestConclusion(t *testing.T) {
	tests := []struct {
		name     string
		findings []rules.Finding
		failOn   rules.Severity
		partial  bool
		want     string
	}{
		{"no findings", nil, rules.Error, false, ConclusionSuccess},
		{"no findings, partial", nil, rules.Error, true, ConclusionNeutral},
		{"below threshold", sev(rules.Warning, rules.Notice), rules.Error, false, ConclusionSuccess},
		{"at threshold", sev(rules.Notice, rules.Warning), rules.Warning, false, ConclusionFailure},
		{"above threshold", sev(rules.Error), rules.Notice, false, ConclusionFailure},
		{"failure wins over partial", sev(rules.Error), rules.Error, true, ConclusionFailure},
		{"partial below threshold", sev(rules.Warning), rules.Error, true, ConclusionNeutral},
		{"never fails", sev(rules.Error, rules.Error), rules.Off, false, ConclusionSuccess},
		{"never fails, partial", sev(rules.Error), rules.Off, true, ConclusionNeutral},
	}
	for _, tt := range tests {
		if got := Conclusion(tt.findings, tt.failOn, tt.partial); got != tt.want {
			t.Errorf("%s: Conclusion = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOnChangedLines(t *testing.T) {
	d := mustPatch(t, testPatch)
	diffs := map[string]*FileDiff{"a.go": d, "binary.go": nil}
	in := []rules.Finding{
		finding("a.go", 2, 2),      // added
		finding("a.go", 1, 1),      // context only
		finding("a.go", 15, 23),    // reaches an added line
		finding("a.go", 33, 33),    // deleted neighbourhood
		finding("binary.go", 1, 1), // no patch
		finding("other.go", 2, 2),  // not in the pull request
	}
	var got []string
	for _, f := range OnChangedLines(in, diffs) {
		got = append(got, fmt.Sprintf("%s:%d", f.Path, f.Line))
	}
	if diff := cmp.Diff([]string{"a.go:2", "a.go:15"}, got); diff != "" {
		t.Errorf("OnChangedLines (-want +got):\n%s", diff)
	}
}

func TestTitle(t *testing.T) {
	got := []string{Title(nil, false), Title(sev(rules.Error), false), Title(sev(rules.Error, rules.Notice), true)}
	want := []string{"No performance problems found", "1 performance problem found", "2 performance problems found (partial analysis)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Title (-want +got):\n%s", diff)
	}
}

func TestSummary(t *testing.T) {
	findings := []rules.Finding{
		{Rule: "query-in-loop", Severity: rules.Error},
		{Rule: "query-in-loop", Severity: rules.Warning},
		{Rule: "missing-release", Severity: rules.Error},
		{Rule: rules.InvalidSuppression, Severity: rules.Warning},
	}
	in := SummaryInput{
		Findings: findings, FailOn: rules.Warning, Scope: ScopeAdded,
		Config:   ConfigSource{Path: ".github/hotpath.yml", SHA: "0123456789abcdef0123"},
		Analyzed: 12, Skipped: []SkippedFile{{Path: "big.ts", Reason: "too-large", Detail: "2 MiB"}},
		NoPatch: []string{"assets/logo.go"}, Suppressed: 4, OutOfScope: 5,
		Partial: true, Notes: []string{"The pull request has more than 3,000 files; only the first 3,000 were reviewed."},
	}
	s := Summary(in)
	qil, mr := rules.ByID("query-in-loop"), rules.ByID("missing-release")
	for _, want := range []string{
		"**4 performance problems found.** This check fails on findings of severity `warning` or higher on lines this pull request adds or changes.",
		"Partial analysis",
		"more than 3,000 files",
		"| Rule | Error | Warning | Notice | Total |",
		fmt.Sprintf("| [`missing-release`](%s) %s | 1 | 0 | 0 | 1 |", mr.DocURL(), mr.Title),
		fmt.Sprintf("| [`query-in-loop`](%s) %s | 1 | 1 | 0 | 2 |", qil.DocURL(), qil.Title),
		"| `invalid-suppression` | 0 | 1 | 0 | 1 |",
		"| **Total** | 2 | 2 | 0 | 4 |",
		"`comments.scope: added`). 5 findings elsewhere in the changed files are not reported.",
		"- **Config:** `.github/hotpath.yml` at `0123456789ab`.",
		"- **Files:** 12 analysed, 1 skipped, 1 without a diff from GitHub.",
		"- **Suppressed:** 4 findings silenced",
		"<summary>Skipped files (1)</summary>",
		"- `big.ts`: too-large (2 MiB)",
		"- `assets/logo.go`",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}

	clean := Summary(SummaryInput{FailOn: rules.Off, Scope: ScopeDiff, Analyzed: 3})
	for _, want := range []string{
		"**No performance problems found.** This check never fails (`fail_on: never`).",
		"- **Config:** defaults (no config file on the base branch).",
		"(`comments.scope: diff`)",
	} {
		if !strings.Contains(clean, want) {
			t.Errorf("clean summary lacks %q:\n%s", want, clean)
		}
	}
	for _, notWant := range []string{"| Rule |", "Partial", "<details>", "Suppressed"} {
		if strings.Contains(clean, notWant) {
			t.Errorf("clean summary has %q:\n%s", notWant, clean)
		}
	}

	broken := Summary(SummaryInput{Config: ConfigSource{Path: ".github/hotpath.yml", Error: "line 3: unknown field \"rulez\""}})
	if !strings.Contains(broken, "could not be used (line 3: unknown field \"rulez\"); defaults applied") {
		t.Errorf("config error not shown:\n%s", broken)
	}
}

func TestSummaryLimit(t *testing.T) {
	var skipped []SkippedFile
	var noPatch []string
	for i := 0; i < 5000; i++ {
		skipped = append(skipped, SkippedFile{Path: fmt.Sprintf("vendor/très/long/path/%04d/file.ts", i), Reason: "too-large"})
		noPatch = append(noPatch, fmt.Sprintf("assets/图片/%04d.go", i))
	}
	findings := make([]rules.Finding, 0, 500)
	for i := 0; i < 500; i++ {
		findings = append(findings, rules.Finding{Rule: rules.IDs()[i%len(rules.IDs())], Severity: rules.Warning})
	}
	s := Summary(SummaryInput{Findings: findings, FailOn: rules.Error, Analyzed: 100, Skipped: skipped, NoPatch: noPatch, Partial: true})
	if len(s) > MaxSummary {
		t.Fatalf("summary is %d bytes", len(s))
	}
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8")
	}
	if !strings.Contains(s, "| **Total** | 0 | 500 | 0 | 500 |") {
		t.Errorf("the table was not kept")
	}
	if strings.Count(s, "</details>") != 2 || strings.Count(s, "<details>") != 2 {
		t.Errorf("a details block is unbalanced or missing")
	}
	for _, title := range []string{"Skipped files (5000)", "Files without a diff"} {
		if !strings.Contains(s, title) {
			t.Errorf("summary lacks %q", title)
		}
	}
	if strings.Count(s, "more\n") != 2 {
		t.Errorf("want an \"… and N more\" line in each list:\n%s", s[len(s)-500:])
	}
}

func TestAnnotations(t *testing.T) {
	qil := rules.ByID("query-in-loop")
	findings := []rules.Finding{
		{Rule: "query-in-loop", Path: "a.go", Line: 5, Column: 3, EndLine: 5, EndColumn: 15, Severity: rules.Error,
			Message: "`db.Query` runs once per element", Related: []rules.Related{{Line: 4, Message: "the loop"}},
			Fix: &rules.Fix{Description: "batch the query"}},
		{Rule: "query-in-loop", Path: "b.ts", Line: 2, Column: 7, EndLine: 9, EndColumn: 2, Severity: rules.Warning, Message: "m"},
		{Rule: "query-in-loop", Path: "c.ts", Line: 3, Column: 9, EndLine: 0, EndColumn: 0, Severity: rules.Notice, Message: "ünïcödé 🌍"},
		{Rule: rules.InvalidSuppression, Path: "d.go", Line: 1, Severity: rules.Warning, Message: "needs a reason"},
	}
	got := Annotations(findings)
	want := []Annotation{
		{Path: "a.go", StartLine: 5, EndLine: 5, StartColumn: 3, EndColumn: 15, Level: LevelFailure,
			Title:   "query-in-loop: " + qil.Title,
			Message: "`db.Query` runs once per element\nline 4: the loop\nFix: batch the query\nDocs: " + qil.DocURL()},
		{Path: "b.ts", StartLine: 2, EndLine: 9, Level: LevelWarning, Title: "query-in-loop: " + qil.Title, Message: "m\nDocs: " + qil.DocURL()},
		{Path: "c.ts", StartLine: 3, EndLine: 3, StartColumn: 9, EndColumn: 9, Level: LevelNotice, Title: "query-in-loop: " + qil.Title,
			Message: "ünïcödé 🌍\nDocs: " + qil.DocURL()},
		{Path: "d.go", StartLine: 1, EndLine: 1, Level: LevelWarning, Title: "invalid-suppression: invalid hotpath-ignore comment", Message: "needs a reason"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Annotations (-want +got):\n%s", diff)
	}
}

func TestAnnotationLimits(t *testing.T) {
	f := rules.Finding{Rule: strings.Repeat("r", 400), Path: "a.go", Line: 1, Severity: rules.Error,
		Message: strings.Repeat("é", 70000)}
	a := Annotations([]rules.Finding{f})[0]
	if len(a.Title) > MaxAnnotationTitle || len(a.Message) > MaxAnnotationMessage {
		t.Errorf("title %d bytes, message %d bytes", len(a.Title), len(a.Message))
	}
	if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Message) {
		t.Errorf("invalid UTF-8 after truncation")
	}
}

func TestBatches(t *testing.T) {
	mk := func(n int) []Annotation {
		as := make([]Annotation, n)
		for i := range as {
			as[i].StartLine = i
		}
		return as
	}
	sizes := func(bs [][]Annotation) []int {
		var out []int
		for _, b := range bs {
			out = append(out, len(b))
		}
		return out
	}
	tests := []struct {
		n, size int
		want    []int
	}{
		{0, 50, nil},
		{1, 50, []int{1}},
		{50, 50, []int{50}},
		{51, 50, []int{50, 1}},
		{500, 50, []int{50, 50, 50, 50, 50, 50, 50, 50, 50, 50}},
		{120, 100, []int{50, 50, 20}}, // never above GitHub's 50
		{7, 0, []int{7}},
		{7, 3, []int{3, 3, 1}},
	}
	for _, tt := range tests {
		bs := Batches(mk(tt.n), tt.size)
		if diff := cmp.Diff(tt.want, sizes(bs)); diff != "" {
			t.Errorf("Batches(%d, %d) sizes (-want +got):\n%s", tt.n, tt.size, diff)
		}
		i := 0
		for _, b := range bs {
			for _, a := range b {
				if a.StartLine != i {
					t.Fatalf("order lost")
				}
				i++
			}
		}
	}
	// Appending to a batch must not overwrite the next one.
	as := mk(100)
	bs := Batches(as, 50)
	_ = append(bs[0], Annotation{StartLine: -1})
	if bs[1][0].StartLine != 50 {
		t.Errorf("batches share capacity")
	}
}
