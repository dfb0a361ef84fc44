package comments

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hotpath-app/hotpath/rules"
)

// GitHub limits on check run output (github-contract.md L21–L23, from the
// checks/create request schema in @octokit/openapi 23.0.2).
const (
	// MaxSummary is output.summary's maxLength: 65,535 characters, else
	// 422 "Only 65535 characters are allowed".
	MaxSummary = 65535
	// MaxAnnotationsPerRequest is output.annotations' maxItems: "The Checks
	// API limits the number of annotations to a maximum of 50 per API
	// request"; further PATCH requests append.
	MaxAnnotationsPerRequest = 50
	// MaxAnnotationTitle is an annotation title's limit: 255 characters.
	MaxAnnotationTitle = 255
	// MaxAnnotationMessage is an annotation message's limit: 64 KB.
	MaxAnnotationMessage = 64 * 1024
)

// Check run conclusions hotpath sets.
const (
	ConclusionSuccess = "success"
	ConclusionFailure = "failure"
	ConclusionNeutral = "neutral"
)

// Conclusion returns the check run conclusion: "failure" when a finding is
// at least failOn (rules.Off means the config's fail_on: never), otherwise
// "neutral" when the analysis was partial (files skipped for size or time,
// more than 3,000 files in the pull request) because a clean result proves
// nothing, otherwise "success". A partial analysis never fails the check
// by itself.
//
// Pass OnChangedLines(findings, diffs), whatever the comment scope, so
// that problems the pull request did not introduce never fail it.
func Conclusion(findings []rules.Finding, failOn rules.Severity, partial bool) string {
	if failOn != rules.Off {
		for _, f := range findings {
			if f.Severity >= failOn {
				return ConclusionFailure
			}
		}
	}
	if partial {
		return ConclusionNeutral
	}
	return ConclusionSuccess
}

// OnChangedLines returns the findings with at least one line the pull
// request adds or changes, in input order: the findings that decide the
// conclusion. Findings in files without a patch are left out, since
// nothing shows that the pull request introduced them (GitHub also drops
// patches from large responses, so a missing patch says little about the
// file).
func OnChangedLines(findings []rules.Finding, diffs map[string]*FileDiff) []rules.Finding {
	var out []rules.Finding
	for _, f := range findings {
		if d := diffs[f.Path]; d != nil {
			lo, hi := findingLines(f)
			if d.anyAdded(lo, hi) {
				out = append(out, f)
			}
		}
	}
	return out
}

// Title returns the check run's output.title for the reported findings,
// such as "2 performance problems found".
func Title(findings []rules.Finding, partial bool) string {
	t := "No performance problems found"
	if len(findings) > 0 {
		t = plural(len(findings), "performance problem") + " found"
	}
	if partial {
		t += " (partial analysis)"
	}
	return t
}

// ConfigSource says where the run's configuration came from.
type ConfigSource struct {
	// Path is the config file's path; "" means built-in defaults.
	Path string
	// SHA is the commit (of the base branch) the file was read at.
	SHA string
	// Error is set when the file could not be used.
	Error string
}

// SkippedFile is a file that was not analysed.
type SkippedFile struct {
	Path string
	// Reason is a short word such as parsers.SkipReason values or
	// "time-budget".
	Reason string
	Detail string
}

// SummaryInput is what Summary reports.
type SummaryInput struct {
	// Findings reported (Filtered.InScope for the comment scope).
	Findings []rules.Finding
	// FailOn is the failing threshold; rules.Off means never.
	FailOn rules.Severity
	Scope  Scope
	Config ConfigSource
	// Analyzed counts files parsed and checked.
	Analyzed int
	// Skipped files, with reasons.
	Skipped []SkippedFile
	// NoPatch lists changed files GitHub sent no patch for: their findings
	// cannot be inline comments.
	NoPatch []string
	// Suppressed counts findings silenced by hotpath-ignore comments.
	Suppressed int
	// OutOfScope counts findings in changed files outside the scope.
	OutOfScope int
	// Partial marks an incomplete analysis; Notes explain it (and anything
	// else worth saying, such as a superseding commit).
	Partial bool
	Notes   []string
}

// Summary returns the check run's output.summary markdown: the verdict,
// a table of findings per rule and severity, the scope, the config source,
// the files analysed, skipped (with reasons) and without a patch, and the
// suppressed count. It never exceeds MaxSummary: the file lists are cut
// first, with an explicit "… and N more", and the table is always kept.
func Summary(in SummaryInput) string {
	var b strings.Builder
	if len(in.Findings) == 0 {
		b.WriteString("**No performance problems found.**")
	} else {
		fmt.Fprintf(&b, "**%s found.**", plural(len(in.Findings), "performance problem"))
	}
	if in.FailOn == rules.Off {
		b.WriteString(" This check never fails (`fail_on: never`).\n")
	} else {
		fmt.Fprintf(&b, " This check fails on findings of severity `%s` or higher on lines this pull request adds or changes.\n", in.FailOn)
	}
	if in.Partial {
		b.WriteString("\n> [!WARNING]\n> Partial analysis: some files were not analysed, so this result may miss problems.\n")
	}
	for _, n := range in.Notes {
		fmt.Fprintf(&b, "\n%s\n", sanitize(oneLine(n, 1000)))
	}

	if len(in.Findings) > 0 {
		b.WriteString("\n")
		writeRuleTable(&b, in.Findings)
	}

	b.WriteString("\n")
	scopeText := map[Scope]string{
		ScopeAdded: "findings on lines this pull request adds or changes",
		ScopeDiff:  "findings inside the diff",
		ScopeFile:  "findings anywhere in the changed files",
	}[in.Scope]
	fmt.Fprintf(&b, "- **Scope:** %s (`comments.scope: %s`).", scopeText, in.Scope)
	if in.OutOfScope > 0 {
		fmt.Fprintf(&b, " %s elsewhere in the changed files %s not reported.", plural(in.OutOfScope, "finding"), isAre(in.OutOfScope))
	}
	b.WriteString("\n")
	switch {
	case in.Config.Error != "":
		fmt.Fprintf(&b, "- **Config:** `%s` could not be used (%s); defaults applied.\n", code(in.Config.Path), sanitize(oneLine(in.Config.Error, 500)))
	case in.Config.Path == "":
		b.WriteString("- **Config:** defaults (no config file on the base branch).\n")
	case in.Config.SHA != "":
		fmt.Fprintf(&b, "- **Config:** `%s` at `%s`.\n", code(in.Config.Path), code(shortSHA(in.Config.SHA)))
	default:
		fmt.Fprintf(&b, "- **Config:** `%s`.\n", code(in.Config.Path))
	}
	fmt.Fprintf(&b, "- **Files:** %d analysed, %d skipped, %d without a diff from GitHub.\n", in.Analyzed, len(in.Skipped), len(in.NoPatch))
	if in.Suppressed > 0 {
		fmt.Fprintf(&b, "- **Suppressed:** %s silenced by `hotpath-ignore` comments.\n", plural(in.Suppressed, "finding"))
	}

	skipped := make([]string, len(in.Skipped))
	for i, s := range in.Skipped {
		l := fmt.Sprintf("- `%s`: %s", code(s.Path), sanitize(s.Reason))
		if s.Detail != "" {
			l += " (" + sanitize(oneLine(s.Detail, 200)) + ")"
		}
		skipped[i] = l
	}
	noPatch := make([]string, len(in.NoPatch))
	for i, p := range in.NoPatch {
		noPatch[i] = fmt.Sprintf("- `%s`", code(p))
	}
	type list struct {
		head  string
		lines []string
		size  int
	}
	var lists []list
	const foot = "\n</details>\n"
	room := MaxSummary - b.Len()
	for _, l := range []struct {
		title string
		lines []string
	}{
		{"Skipped files", skipped},
		{"Files without a diff (binary or too large for GitHub's diff; no inline comments)", noPatch},
	} {
		if len(l.lines) == 0 {
			continue
		}
		x := list{head: fmt.Sprintf("\n<details><summary>%s (%d)</summary>\n\n", l.title, len(l.lines)), lines: l.lines}
		for _, line := range l.lines {
			x.size += len(line) + 1
		}
		room -= len(x.head) + len(foot)
		lists = append(lists, x)
	}
	budgets := shareBudget(room, lists, func(l list) int { return l.size })
	for i, l := range lists {
		b.WriteString(l.head)
		writeList(&b, l.lines, budgets[i], "")
		b.WriteString(foot)
	}
	return truncate(b.String(), MaxSummary)
}

// writeRuleTable writes the per-rule count table.
func writeRuleTable(b *strings.Builder, findings []rules.Finding) {
	type counts [rules.Error + 1]int
	byRule := map[string]*counts{}
	var ids []string
	for _, f := range findings {
		c := byRule[f.Rule]
		if c == nil {
			c = &counts{}
			byRule[f.Rule] = c
			ids = append(ids, f.Rule)
		}
		if f.Severity >= 0 && f.Severity <= rules.Error {
			c[f.Severity]++
		}
	}
	sort.Strings(ids)
	b.WriteString("| Rule | Error | Warning | Notice | Total |\n|---|---:|---:|---:|---:|\n")
	var total counts
	for _, id := range ids {
		c := byRule[id]
		name := "`" + code(id) + "`"
		if r := rules.ByID(id); r != nil {
			name = fmt.Sprintf("[`%s`](%s) %s", id, r.DocURL(), r.Title)
		}
		n := 0
		for s := range c {
			n += c[s]
			total[s] += c[s]
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d |\n", name, c[rules.Error], c[rules.Warning], c[rules.Notice], n)
	}
	fmt.Fprintf(b, "| **Total** | %d | %d | %d | %d |\n", total[rules.Error], total[rules.Warning], total[rules.Notice], len(findings))
}

// code makes s safe inside a single-backtick code span.
func code(s string) string {
	s = strings.ReplaceAll(s, "`", "'")
	return strings.Join(strings.Fields(s), " ")
}

func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// Annotation is one check run annotation (output.annotations[] of
// checks/create and checks/update).
type Annotation struct {
	Path      string
	StartLine int
	EndLine   int
	// StartColumn and EndColumn are set only for single-line annotations
	// (GitHub rejects them otherwise); 0 means omit.
	StartColumn int
	EndColumn   int
	// Level is "notice", "warning" or "failure".
	Level   string
	Title   string
	Message string
}

// Annotation levels.
const (
	LevelNotice  = "notice"
	LevelWarning = "warning"
	LevelFailure = "failure"
)

// Level maps a severity to an annotation level.
func Level(s rules.Severity) string {
	switch {
	case s >= rules.Error:
		return LevelFailure
	case s == rules.Warning:
		return LevelWarning
	}
	return LevelNotice
}

// Annotations returns one annotation per finding, in order, within
// GitHub's limits: titles of at most MaxAnnotationTitle and messages of at
// most MaxAnnotationMessage bytes, columns only on single-line findings.
func Annotations(findings []rules.Finding) []Annotation {
	out := make([]Annotation, 0, len(findings))
	for _, f := range findings {
		lo, hi := findingLines(f)
		a := Annotation{Path: f.Path, StartLine: lo, EndLine: hi, Level: Level(f.Severity)}
		if lo == hi && f.Column > 0 {
			a.StartColumn, a.EndColumn = f.Column, f.Column
			if f.EndLine == f.Line {
				a.EndColumn = max(f.EndColumn, f.Column)
			}
		}
		rule := rules.ByID(f.Rule)
		a.Title = truncate(oneLine(f.Rule+": "+ruleTitle(f.Rule, rule), MaxAnnotationTitle), MaxAnnotationTitle)
		var m strings.Builder
		m.WriteString(f.Message)
		for _, r := range f.Related {
			fmt.Fprintf(&m, "\nline %d: %s", r.Line, oneLine(r.Message, 500))
		}
		if f.Fix != nil && f.Fix.Description != "" {
			m.WriteString("\nFix: " + oneLine(f.Fix.Description, 1000))
		}
		if rule != nil {
			m.WriteString("\nDocs: " + rule.DocURL())
		}
		a.Message = truncate(m.String(), MaxAnnotationMessage)
		out = append(out, a)
	}
	return out
}

// Batches splits annotations into groups of at most size (at most
// MaxAnnotationsPerRequest; a size out of range means that maximum), one
// group per checks/create or checks/update request. It returns nil for no
// annotations.
func Batches(annotations []Annotation, size int) [][]Annotation {
	if size <= 0 || size > MaxAnnotationsPerRequest {
		size = MaxAnnotationsPerRequest
	}
	var out [][]Annotation
	for len(annotations) > 0 {
		n := min(size, len(annotations))
		out = append(out, annotations[:n:n])
		annotations = annotations[n:]
	}
	return out
}
