package comments

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hotpath-app/hotpath/rules"
)

// testPatch has RIGHT-side hunks 1..5 (added 2, 3), 22..25 (added 23) and
// 32..32 (two lines deleted after it).
const testPatch = "@@ -1,3 +1,5 @@\n l1\n+l2\n+l3\n l4\n l5\n" +
	"@@ -20,4 +22,4 @@\n l22\n-old\n+l23\n l24\n l25\n" +
	"@@ -30,3 +32,1 @@\n l32\n-y\n-z\n"

func mustPatch(t testing.TB, p string) *FileDiff {
	t.Helper()
	d, err := ParsePatch(p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func finding(path string, line, end int) rules.Finding {
	return rules.Finding{Rule: "query-in-loop", Path: path, Line: line, EndLine: end, Severity: rules.Warning,
		Message: "query in loop", Fingerprint: fpFor(path, line)}
}

func fpFor(path string, line int) string {
	return "fp" + path[:1] + string(rune('a'+line%26)) + string(rune('a'+line/26%26))
}

func withFix(f rules.Finding, start, end int) rules.Finding {
	f.Fix = &rules.Fix{Description: "batch it", StartLine: start, EndLine: end, Replacement: "x"}
	return f
}

// outcome is a compact view of a classification.
type outcome struct {
	Class     string // inline, summary, out
	Line      int
	StartLine int
	Reason    string
}

func classify(fd Filtered) map[string]outcome {
	got := map[string]outcome{}
	for _, a := range fd.Inline {
		got[a.Finding.Fingerprint] = outcome{Class: "inline", Line: a.Line, StartLine: a.StartLine}
	}
	for _, u := range fd.NotCommentable {
		got[u.Finding.Fingerprint] = outcome{Class: "summary", Reason: u.Reason}
	}
	for _, f := range fd.OutOfScope {
		got[f.Fingerprint] = outcome{Class: "out"}
	}
	return got
}

func TestFilter(t *testing.T) {
	d := mustPatch(t, testPatch)
	diffs := map[string]*FileDiff{"a.go": d, "binary.go": nil}

	type want struct{ added, diff, file outcome }
	inline := func(line int) outcome { return outcome{Class: "inline", Line: line} }
	rng := func(start, line int) outcome { return outcome{Class: "inline", Line: line, StartLine: start} }
	out := outcome{Class: "out"}
	outside := outcome{Class: "summary", Reason: ReasonOutsideDiff}
	noPatch := outcome{Class: "summary", Reason: ReasonNoPatch}

	tests := []struct {
		name string
		f    rules.Finding
		want want
	}{
		{"on an added line", finding("a.go", 2, 2), want{inline(2), inline(2), inline(2)}},
		{"end line zero means one line", finding("a.go", 3, 0), want{inline(3), inline(3), inline(3)}},
		{"on a context line", finding("a.go", 1, 1), want{out, inline(1), inline(1)}},
		{"outside every hunk", finding("a.go", 10, 10), want{out, out, outside}},
		{"starts on context, covers an added line", finding("a.go", 1, 2), want{inline(1), inline(1), inline(1)}},
		{"starts outside, reaches an added line", finding("a.go", 15, 23), want{inline(22), inline(22), inline(22)}},
		{"multi-line spanning two hunks", finding("a.go", 4, 23), want{inline(4), inline(4), inline(4)}},
		{"range between hunks", finding("a.go", 6, 21), want{out, out, outside}},
		{"on a deleted line", finding("a.go", 33, 33), want{out, out, outside}},
		{"deleted-only neighbourhood but context line", finding("a.go", 32, 33), want{out, inline(32), inline(32)}},
		{"file without patch", finding("binary.go", 5, 5), want{noPatch, noPatch, noPatch}},
		{"file not in the pull request", finding("other.go", 2, 2), want{out, out, out}},
		{"fix on the finding's lines", withFix(finding("a.go", 2, 3), 2, 3), want{rng(2, 3), rng(2, 3), rng(2, 3)}},
		{"fix on the same single line", withFix(finding("a.go", 2, 2), 2, 2), want{inline(2), inline(2), inline(2)}},
		{"fix just below in the same hunk", withFix(finding("a.go", 2, 2), 4, 5), want{rng(2, 5), rng(2, 5), rng(2, 5)}},
		{"fix above in the same hunk", withFix(finding("a.go", 23, 23), 22, 22), want{rng(22, 23), rng(22, 23), rng(22, 23)}},
		{"fix in another hunk", withFix(finding("a.go", 2, 2), 22, 23), want{inline(2), inline(2), inline(2)}},
		{"fix outside the diff", withFix(finding("a.go", 5, 5), 5, 7), want{out, inline(5), inline(5)}},
		{"fix with inverted lines", withFix(finding("a.go", 2, 2), 3, 1), want{inline(2), inline(2), inline(2)}},
		{"line zero", finding("a.go", 0, 0), want{out, inline(1), inline(1)}},
	}
	for _, scope := range []Scope{ScopeAdded, ScopeDiff, ScopeFile} {
		t.Run(scope.String(), func(t *testing.T) {
			var fs []rules.Finding
			want := map[string]outcome{}
			for i, tt := range tests {
				f := tt.f
				f.Fingerprint = tt.name
				f.Column = i // keep the findings distinct
				fs = append(fs, f)
				want[tt.name] = map[Scope]outcome{ScopeAdded: tt.want.added, ScopeDiff: tt.want.diff, ScopeFile: tt.want.file}[scope]
			}
			got := classify(Filter(fs, diffs, scope))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Filter(scope %s) (-want +got):\n%s", scope, diff)
			}
		})
	}
}

func TestFilterInvariants(t *testing.T) {
	d := mustPatch(t, testPatch)
	for line := 0; line < 40; line++ {
		for end := line - 1; end < line+30; end++ {
			f := finding("a.go", line, end)
			for fixStart := 0; fixStart < 40; fixStart += 3 {
				f := withFix(f, fixStart, fixStart+line%4)
				for _, scope := range []Scope{ScopeAdded, ScopeDiff, ScopeFile} {
					fd := Filter([]rules.Finding{f}, map[string]*FileDiff{"a.go": d}, scope)
					if n := len(fd.Inline) + len(fd.NotCommentable) + len(fd.OutOfScope); n != 1 {
						t.Fatalf("finding classified %d times", n)
					}
					for _, a := range fd.Inline {
						if !d.Commentable(a.Line) {
							t.Fatalf("%+v anchored on uncommentable line", a)
						}
						if a.StartLine != 0 && (a.StartLine >= a.Line || !d.SameHunk(a.StartLine, a.Line)) {
							t.Fatalf("%+v: range not within one hunk", a)
						}
					}
				}
			}
		}
	}
}

func TestFilteredInScope(t *testing.T) {
	fd := Filtered{
		Inline:         []Anchored{{Finding: finding("b.go", 3, 3), Line: 3}},
		NotCommentable: []Unanchored{{Finding: finding("a.go", 9, 9), Reason: ReasonNoPatch}},
		OutOfScope:     []rules.Finding{finding("a.go", 1, 1)},
	}
	got := fd.InScope()
	want := []rules.Finding{finding("a.go", 9, 9), finding("b.go", 3, 3)}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("InScope (-want +got):\n%s", diff)
	}
}

func TestParseScope(t *testing.T) {
	for _, s := range []Scope{ScopeAdded, ScopeDiff, ScopeFile} {
		got, err := ParseScope(s.String())
		if err != nil || got != s {
			t.Errorf("ParseScope(%q) = %v, %v", s, got, err)
		}
	}
	if got, err := ParseScope(""); err != nil || got != ScopeAdded {
		t.Errorf("ParseScope(\"\") = %v, %v; want the default", got, err)
	}
	var s Scope
	if err := s.UnmarshalText([]byte("everything")); err == nil {
		t.Errorf("UnmarshalText accepted an unknown scope")
	}
	if err := s.UnmarshalText([]byte("file")); err != nil || s != ScopeFile {
		t.Errorf("UnmarshalText(file) = %v, %v", s, err)
	}
}
