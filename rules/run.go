package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/hotpath-app/hotpath/parsers"
)

// Settings is the effective rule configuration for one run.
type Settings struct {
	// Severity overrides a rule's default severity; Off disables it.
	// Rules not in the map keep their default.
	Severity map[string]Severity
	// Knowledge extends the built-in tables.
	Knowledge Knowledge
}

// SeverityOf returns the severity a rule runs at under s (Off: not run).
func (s *Settings) SeverityOf(r *Rule) Severity {
	if s != nil {
		if sev, ok := s.Severity[r.ID]; ok {
			return sev
		}
	}
	return r.Severity
}

// FileResult is the outcome of analysing one file.
type FileResult struct {
	// Findings are the reported problems, sorted by position, with
	// fingerprints set. Invalid suppressions are among them.
	Findings []Finding
	// Suppressed are findings silenced by a hotpath-ignore comment.
	Suppressed []Finding
}

// Analyze runs every enabled rule that supports the file's language.
// A rule that panics is contained: the panic becomes an error naming the
// rule and the file, and the other rules' findings are kept.
func Analyze(f *parsers.File, s *Settings) (FileResult, error) {
	if s == nil {
		s = &Settings{}
	}
	var raw []Finding
	facts := NewFacts(f)
	var firstErr error
	for _, r := range All {
		sev := s.SeverityOf(r)
		if sev == Off || !r.Supports(f.Lang) {
			continue
		}
		pass := &Pass{File: f, Rule: r, Knowledge: &s.Knowledge, facts: facts}
		pass.report = func(fd Finding) {
			fd.Severity = sev
			raw = append(raw, fd)
		}
		if err := runCheck(r, pass); err != nil && firstErr == nil {
			firstErr = err
		}
	}

	sups, bad := parseSuppressions(f)
	var res FileResult
	for _, fd := range raw {
		suppressed := false
		for _, sp := range sups {
			if sp.covers(fd) {
				suppressed = true
				break
			}
		}
		if suppressed {
			res.Suppressed = append(res.Suppressed, fd)
		} else {
			res.Findings = append(res.Findings, fd)
		}
	}
	res.Findings = append(res.Findings, bad...)
	res.Findings = dedupe(res.Findings)
	SortFindings(res.Findings)
	SortFindings(res.Suppressed)
	SetFingerprints(res.Findings)
	SetFingerprints(res.Suppressed)
	return res, firstErr
}

func runCheck(r *Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rule %s panicked on %s: %v", r.ID, p.File.Path, v)
		}
	}()
	r.Check(p)
	return nil
}

// dedupe drops findings reported twice for the same rule and position.
func dedupe(fs []Finding) []Finding {
	type key struct {
		rule      string
		line, col int
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Rule, f.Line, f.Column}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// SortFindings orders findings by path, line, column and rule.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// SetFingerprints gives each finding an identity that survives the code
// moving: a hash of rule, path, enclosing function, the flagged statement's
// normalised text, and its occurrence index among identical keys. The
// findings must be sorted.
func SetFingerprints(fs []Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		key := f.Rule + "\x00" + f.Path + "\x00" + f.Function + "\x00" + f.Snippet
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		f.Fingerprint = hex.EncodeToString(sum[:8])
	}
}
