package comments

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParsePatch(t *testing.T) {
	tests := []struct {
		name  string
		patch string
		want  *FileDiff
	}{
		{
			name:  "empty patch means no diff",
			patch: "",
			want:  nil,
		},
		{
			name:  "whitespace only",
			patch: "\n",
			want:  nil,
		},
		{
			name: "replace one line with three",
			patch: "@@ -1,5 +1,7 @@\n" +
				" package main\n" +
				" \n" +
				"-import \"fmt\"\n" +
				"+import (\n" +
				"+\t\"fmt\"\n" +
				"+)\n" +
				" \n" +
				" func main() {",
			want: &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 5, NewStart: 1, NewLines: 7, Added: []int{3, 4, 5}}}},
		},
		{
			name: "two hunks with section headings",
			patch: "@@ -10,3 +10,4 @@ func a() {\n" +
				" \tx := 1\n" +
				"+\ty := 2\n" +
				" \treturn\n" +
				" }\n" +
				"@@ -40,4 +41,3 @@ func b() {\n" +
				" \ta()\n" +
				"-\tb()\n" +
				" \tc()\n" +
				" }\n",
			want: &FileDiff{Hunks: []Hunk{
				{OldStart: 10, OldLines: 3, NewStart: 10, NewLines: 4, Added: []int{11}},
				{OldStart: 40, OldLines: 4, NewStart: 41, NewLines: 3},
			}},
		},
		{
			name:  "new file",
			patch: "@@ -0,0 +1,3 @@\n+a\n+b\n+c",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 0, OldLines: 0, NewStart: 1, NewLines: 3, Added: []int{1, 2, 3}}}},
		},
		{
			name:  "deleted file",
			patch: "@@ -1,3 +0,0 @@\n-a\n-b\n-c",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 3, NewStart: 0, NewLines: 0}}},
		},
		{
			name:  "counts omitted mean one",
			patch: "@@ -1 +1 @@\n-a\n+b",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1, Added: []int{1}}}},
		},
		{
			name:  "no newline at end of old file",
			patch: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2, Added: []int{2}}}},
		},
		{
			name:  "no newline at end of new file",
			patch: "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2, Added: []int{2}}}},
		},
		{
			name:  "no newline at end of either file",
			patch: "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2, Added: []int{2}}}},
		},
		{
			name:  "CRLF line endings",
			patch: "@@ -1,3 +1,3 @@\r\n a\r\n-b\r\n+B\r\n c\r\n",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 3, NewStart: 1, NewLines: 3, Added: []int{2}}}},
		},
		{
			name:  "context line whose space was stripped",
			patch: "@@ -1,3 +1,4 @@\n a\n\n+x\n c\n",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 3, NewStart: 1, NewLines: 4, Added: []int{3}}}},
		},
		{
			name: "deletion-only hunk between others",
			patch: "@@ -1,2 +1,3 @@\n a\n+b\n c\n" +
				"@@ -10,3 +11,1 @@\n x\n-y\n-z\n" +
				"@@ -20,1 +19,0 @@\n-gone\n" +
				"@@ -30,1 +28,2 @@\n p\n+q\n",
			want: &FileDiff{Hunks: []Hunk{
				{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 3, Added: []int{2}},
				{OldStart: 10, OldLines: 3, NewStart: 11, NewLines: 1},
				{OldStart: 20, OldLines: 1, NewStart: 19, NewLines: 0},
				{OldStart: 30, OldLines: 1, NewStart: 28, NewLines: 2, Added: []int{29}},
			}},
		},
		{
			name:  "unicode content",
			patch: "@@ -1 +1 @@\n-// héllo\n+// 你好 🌍\n",
			want:  &FileDiff{Hunks: []Hunk{{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1, Added: []int{1}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePatch(tt.patch)
			if err != nil {
				t.Fatalf("ParsePatch: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParsePatch mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParsePatchErrors(t *testing.T) {
	tests := map[string]string{
		"file headers":            "--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-a\n+b\n",
		"no hunk header":          "just text\n",
		"bad header":              "@@ -a,b +c,d @@\n a\n",
		"too few body lines":      "@@ -1,3 +1,3 @@\n a\n b\n",
		"too many body lines":     "@@ -1,1 +1,1 @@\n a\n b\n",
		"stray line":              "@@ -1,2 +1,2 @@\n a\n?b\n",
		"overlapping hunks":       "@@ -1,3 +1,3 @@\n a\n b\n c\n@@ -2,2 +2,2 @@\n b\n c\n",
		"unordered hunks":         "@@ -10,1 +10,1 @@\n a\n@@ -1,1 +1,1 @@\n b\n",
		"new lines from line 0":   "@@ -0,0 +0,1 @@\n+a\n",
		"second hunk broken":      "@@ -1 +1 @@\n a\n@@ -5,2 +5,2 @@\n x\n",
		"truncated second header": "@@ -1 +1 @@\n a\n@@ -5,2\n",
	}
	for name, patch := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := ParsePatch(patch)
			if err == nil {
				t.Fatalf("ParsePatch(%q) = %+v, want an error", patch, d)
			}
			if !errors.Is(err, ErrInvalidPatch) {
				t.Errorf("error %v does not wrap ErrInvalidPatch", err)
			}
			if d != nil {
				t.Errorf("ParsePatch returned a diff with its error")
			}
		})
	}
}

func TestFileDiffLines(t *testing.T) {
	d, err := ParsePatch("@@ -1,2 +1,3 @@\n a\n+b\n c\n" +
		"@@ -10,3 +11,1 @@\n x\n-y\n-z\n" +
		"@@ -20,1 +19,0 @@\n-gone\n" +
		"@@ -30,1 +28,2 @@\n p\n+q\n")
	if err != nil {
		t.Fatal(err)
	}
	type state struct{ Commentable, Added bool }
	want := map[int]state{
		0: {}, 1: {true, false}, 2: {true, true}, 3: {true, false}, 4: {},
		10: {}, 11: {true, false}, 12: {},
		18: {}, 19: {}, 20: {},
		27: {}, 28: {true, false}, 29: {true, true}, 30: {},
	}
	got := map[int]state{}
	for n := range want {
		got[n] = state{d.Commentable(n), d.IsAdded(n)}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("line states (-want +got):\n%s", diff)
	}
	if !d.SameHunk(1, 3) || d.SameHunk(3, 11) || d.SameHunk(11, 28) || d.SameHunk(19, 19) {
		t.Errorf("SameHunk wrong")
	}
	if got := d.AddedLines(); got != 2 {
		t.Errorf("AddedLines = %d, want 2", got)
	}

	var none *FileDiff
	if none.Commentable(1) || none.IsAdded(1) || none.SameHunk(1, 1) || none.AddedLines() != 0 {
		t.Errorf("nil FileDiff has lines")
	}
}

// hugePatch builds a patch of n hunks of 10 lines (5 added) each.
func hugePatch(n int) string {
	var b strings.Builder
	oldLine, newLine := 1, 1
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "@@ -%d,5 +%d,10 @@ func f%d() {\n", oldLine, newLine, i)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&b, " ctx %d\n+add %d\n", j, j)
		}
		oldLine += 20
		newLine += 30
	}
	return b.String()
}

func TestParsePatchHuge(t *testing.T) {
	// 4,000 hunks, 40,000 lines: twice GitHub's per-file patch limit.
	d, err := ParsePatch(hugePatch(4000))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Hunks) != 4000 || d.AddedLines() != 20000 {
		t.Fatalf("got %d hunks, %d added lines", len(d.Hunks), d.AddedLines())
	}
	last := d.Hunks[3999]
	if !d.IsAdded(last.NewStart+1) || d.IsAdded(last.NewStart) || !d.Commentable(last.NewEnd()) || d.Commentable(last.NewEnd()+1) {
		t.Errorf("lookups in the last hunk are wrong: %+v", last)
	}
}

func BenchmarkParsePatch(b *testing.B) {
	p := hugePatch(2000) // 20,000 lines, GitHub's per-file limit
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := ParsePatch(p); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParsePatch(f *testing.F) {
	f.Add("@@ -1,5 +1,7 @@\n package main\n \n-import \"fmt\"\n+import (\n+\t\"fmt\"\n+)\n \n func main() {")
	f.Add("@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
	f.Add("@@ -1,3 +1,3 @@\r\n a\r\n-b\r\n+B\r\n c\r\n")
	f.Add("@@ -0,0 +1 @@\n+x")
	f.Add(hugePatch(3))
	f.Add("@@ -1 +1 @@\n-a\n+b\n@@ -20,1 +19,0 @@\n-gone\n")
	f.Fuzz(func(t *testing.T, patch string) {
		d, err := ParsePatch(patch)
		if err != nil || d == nil {
			return
		}
		prevEnd := 0
		for _, h := range d.Hunks {
			if h.NewLines > 0 {
				if h.NewStart <= prevEnd {
					t.Fatalf("hunks overlap: %+v", d.Hunks)
				}
				prevEnd = h.NewEnd()
			}
			for i, n := range h.Added {
				if !h.Contains(n) || (i > 0 && h.Added[i-1] >= n) {
					t.Fatalf("added line %d outside or out of order in %+v", n, h)
				}
				if !d.IsAdded(n) || !d.Commentable(n) {
					t.Fatalf("lookup disagrees for added line %d", n)
				}
			}
			if h.NewLines > 0 && (!d.Commentable(h.NewStart) || !d.Commentable(h.NewEnd()) || !d.SameHunk(h.NewStart, h.NewEnd())) {
				t.Fatalf("hunk bounds not commentable: %+v", h)
			}
		}
	})
}
