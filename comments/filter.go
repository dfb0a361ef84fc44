package comments

import (
	"fmt"
	"sort"

	"github.com/hotpath-app/hotpath/rules"
)

// Scope selects which findings of the changed files a review is about
// (the config's comments.scope).
type Scope int

// Scopes. The zero value is ScopeAdded, the default.
const (
	// ScopeAdded keeps findings with at least one line the pull request
	// added or changed. Pre-existing problems in untouched code stay quiet.
	ScopeAdded Scope = iota
	// ScopeDiff keeps findings with at least one line inside a diff hunk,
	// context lines included.
	ScopeDiff
	// ScopeFile keeps every finding in a changed file; those outside the
	// diff cannot be inline comments and are summarised instead.
	ScopeFile
)

var scopeNames = [...]string{ScopeAdded: "added", ScopeDiff: "diff", ScopeFile: "file"}

func (s Scope) String() string {
	if s >= 0 && int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return fmt.Sprintf("scope(%d)", int(s))
}

// ParseScope parses "added", "diff" or "file". The empty string is
// ScopeAdded.
func ParseScope(s string) (Scope, error) {
	if s == "" {
		return ScopeAdded, nil
	}
	for i, n := range scopeNames {
		if s == n {
			return Scope(i), nil
		}
	}
	return ScopeAdded, fmt.Errorf("unknown scope %q (want added, diff or file)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Scope) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Scope) UnmarshalText(b []byte) error {
	v, err := ParseScope(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Anchored is a finding with the place on the RIGHT side of the diff where
// its inline comment goes.
type Anchored struct {
	Finding rules.Finding
	// Line is the (last) line of the comment, inside a hunk.
	Line int
	// StartLine is the first line of a multi-line comment, in the same
	// hunk as Line and before it; 0 for a single-line comment.
	StartLine int
}

// Start returns the first line of the anchored range.
func (a Anchored) Start() int {
	if a.StartLine > 0 {
		return a.StartLine
	}
	return a.Line
}

// Reasons a finding in scope cannot be an inline comment.
const (
	// ReasonNoPatch: GitHub sent no patch for the file (binary, over its
	// per-file diff limits), so no line can carry a comment.
	ReasonNoPatch = "no-patch"
	// ReasonOutsideDiff: the finding is in a changed file (scope file) but
	// none of its lines is inside a hunk.
	ReasonOutsideDiff = "outside-diff"
	// ReasonRejected: GitHub refused the anchor (422) when the review was
	// posted; the pipeline moved it to the review body.
	ReasonRejected = "rejected-anchor"
)

// Unanchored is a finding in scope that is shown only in the review body,
// the check run summary and annotations.
type Unanchored struct {
	Finding rules.Finding
	// Reason is one of the Reason constants.
	Reason string
}

// Filtered is the outcome of Filter. Each finding is in exactly one list;
// every list keeps the input order.
type Filtered struct {
	// Inline findings are in scope and have a valid inline anchor.
	Inline []Anchored
	// NotCommentable findings are in scope but have no inline anchor.
	NotCommentable []Unanchored
	// OutOfScope findings are outside the scope (untouched lines, or files
	// the pull request does not change).
	OutOfScope []rules.Finding
}

// InScope returns the findings in scope (inline or not), sorted by path
// and position: the findings that decide the check run's conclusion and
// become its annotations.
func (f Filtered) InScope() []rules.Finding {
	out := make([]rules.Finding, 0, len(f.Inline)+len(f.NotCommentable))
	for _, a := range f.Inline {
		out = append(out, a.Finding)
	}
	for _, u := range f.NotCommentable {
		out = append(out, u.Finding)
	}
	rules.SortFindings(out)
	return out
}

// maxSuggestionSpan bounds how far a multi-line anchor may grow to cover a
// fix that is near, but not on, the finding's own lines.
const maxSuggestionSpan = 12

// Filter classifies findings against the pull request's diffs.
//
// diffs maps each changed file's path (the head path) to its parsed patch.
// A path mapped to nil is a changed file without a patch: its findings are
// in scope for every scope (the change cannot be ruled out) but never
// inline, and they do not count towards the conclusion (OnChangedLines).
// Leave pure renames without content changes out of the map.
// Findings in paths absent from the map are out of scope.
//
// A finding covers lines Line..EndLine (EndLine < Line means Line only).
// It is in scope when one of those lines is added (ScopeAdded), inside a
// hunk (ScopeDiff), or always (ScopeFile). Its inline anchor is the start
// line when that is inside a hunk, otherwise the first line of its range
// inside a hunk. When the finding has a fix whose lines are all in that
// anchor's hunk and close to it, the anchor becomes a multi-line range
// covering both, so that RenderComment can offer the fix as a suggestion;
// a range never spans two hunks (GitHub answers 422).
func Filter(findings []rules.Finding, diffs map[string]*FileDiff, scope Scope) Filtered {
	var out Filtered
	for _, f := range findings {
		d, changed := diffs[f.Path]
		if !changed {
			out.OutOfScope = append(out.OutOfScope, f)
			continue
		}
		if d == nil {
			out.NotCommentable = append(out.NotCommentable, Unanchored{Finding: f, Reason: ReasonNoPatch})
			continue
		}
		lo, hi := findingLines(f)
		var inScope bool
		switch scope {
		case ScopeAdded:
			inScope = d.anyAdded(lo, hi)
		case ScopeDiff:
			inScope = d.firstCommentable(lo, hi) > 0
		default:
			inScope = true
		}
		if !inScope {
			out.OutOfScope = append(out.OutOfScope, f)
			continue
		}
		a, ok := anchor(f, d)
		if !ok {
			out.NotCommentable = append(out.NotCommentable, Unanchored{Finding: f, Reason: ReasonOutsideDiff})
			continue
		}
		out.Inline = append(out.Inline, a)
	}
	return out
}

// findingLines returns the finding's line range, repaired if malformed.
func findingLines(f rules.Finding) (lo, hi int) {
	lo, hi = f.Line, f.EndLine
	if lo < 1 {
		lo = 1
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// anchor picks the inline position of a finding, if any line of it is
// inside a hunk.
func anchor(f rules.Finding, d *FileDiff) (Anchored, bool) {
	lo, hi := findingLines(f)
	line := lo
	if !d.Commentable(line) {
		line = d.firstCommentable(lo, hi)
		if line == 0 {
			return Anchored{}, false
		}
	}
	a := Anchored{Finding: f, Line: line}
	if fx := f.Fix; fx != nil && fx.StartLine >= 1 && fx.EndLine >= fx.StartLine {
		start, end := min(line, fx.StartLine), max(line, fx.EndLine)
		if end-start < maxSuggestionSpan && d.SameHunk(line, start) && d.SameHunk(line, end) {
			a.Line = end
			if start < end {
				a.StartLine = start
			}
		}
	}
	return a, true
}

// sortBySeverity orders anchored findings most severe first, then by path,
// line, column and rule.
func sortBySeverity(as []Anchored) {
	sort.SliceStable(as, func(i, j int) bool {
		a, b := as[i].Finding, as[j].Finding
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
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
