package comments

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/hotpath-app/hotpath/rules"
)

func anchored(fp string, sev rules.Severity, path string, line int) Anchored {
	return Anchored{Finding: rules.Finding{Rule: "query-in-loop", Path: path, Line: line, EndLine: line,
		Severity: sev, Message: "m " + fp, Fingerprint: fp}, Line: line}
}

func existing(id int64, fp, path string, line int, age time.Duration) Existing {
	return Existing{ID: id, NodeID: fmt.Sprintf("PRRC_%d", id), Path: path, Line: line,
		Body:      Marker(fp, "query-in-loop") + "\nbody",
		CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-age)}
}

// planView reduces a Plan to comparable identifiers.
type planView struct {
	Post          []string // fingerprints, in order
	Overflow      []string
	AlreadyPosted []string // fp@commentID
	Outdated      []string // commentID:action:classifier
	Duplicates    []string
}

func view(p Plan) planView {
	var v planView
	for _, c := range p.Post {
		v.Post = append(v.Post, c.Anchored.Finding.Fingerprint)
	}
	for _, a := range p.Overflow {
		v.Overflow = append(v.Overflow, a.Finding.Fingerprint)
	}
	for _, ap := range p.AlreadyPosted {
		v.AlreadyPosted = append(v.AlreadyPosted, fmt.Sprintf("%s@%d", ap.Finding.Fingerprint, ap.Comment.ID))
	}
	cl := func(cs []Cleanup) (out []string) {
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%d:%s:%s", c.Comment.ID, c.Action, c.Classifier))
		}
		return out
	}
	v.Outdated, v.Duplicates = cl(p.Outdated), cl(p.Duplicates)
	return v
}

func TestPlanComments(t *testing.T) {
	analysed := map[string]bool{"a.go": true, "b.go": true}
	tests := []struct {
		name     string
		current  Filtered
		existing []Existing
		max      int
		want     planView
	}{
		{
			name: "nothing at all",
			max:  25,
		},
		{
			name:    "first run posts everything, most severe first",
			current: Filtered{Inline: []Anchored{anchored("n1", rules.Notice, "a.go", 1), anchored("e1", rules.Error, "b.go", 9), anchored("w1", rules.Warning, "a.go", 5)}},
			max:     25,
			want:    planView{Post: []string{"e1", "w1", "n1"}},
		},
		{
			name:     "already posted at another line is not re-posted",
			current:  Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 40)}},
			existing: []Existing{existing(7, "w1", "a.go", 12, time.Hour)},
			max:      25,
			want:     planView{AlreadyPosted: []string{"w1@7"}},
		},
		{
			name:     "posted earlier, now outside the scope: kept",
			current:  Filtered{OutOfScope: []rules.Finding{anchored("w1", rules.Warning, "a.go", 40).Finding}},
			existing: []Existing{existing(7, "w1", "a.go", 0, time.Hour)},
			max:      25,
			want:     planView{AlreadyPosted: []string{"w1@7"}},
		},
		{
			name:    "duplicates: oldest kept, extras deleted or minimised",
			current: Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 4)}},
			existing: []Existing{
				existing(9, "w1", "a.go", 4, time.Minute),
				existing(8, "w1", "a.go", 4, time.Hour), // oldest
				func() Existing { e := existing(10, "w1", "a.go", 4, time.Second); e.HasReplies = true; return e }(),
			},
			max:  25,
			want: planView{AlreadyPosted: []string{"w1@8"}, Duplicates: []string{"9:delete:", "10:minimize:DUPLICATE"}},
		},
		{
			name:    "same time: lower ID is older",
			current: Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 4)}},
			existing: []Existing{
				existing(12, "w1", "a.go", 4, 0),
				existing(11, "w1", "a.go", 4, 0),
			},
			max:  25,
			want: planView{AlreadyPosted: []string{"w1@11"}, Duplicates: []string{"12:delete:"}},
		},
		{
			name: "fixed findings: delete, or minimise when a human replied",
			existing: []Existing{
				existing(1, "gone1", "a.go", 3, time.Hour),
				func() Existing { e := existing(2, "gone2", "a.go", 5, time.Hour); e.HasReplies = true; return e }(),
				func() Existing {
					e := existing(3, "gone3", "a.go", 7, time.Hour)
					e.HasReplies, e.IsMinimized = true, true
					return e
				}(),
				func() Existing { e := existing(4, "gone4", "a.go", 9, time.Hour); e.IsMinimized = true; return e }(),
			},
			max:  25,
			want: planView{Outdated: []string{"1:delete:", "2:minimize:OUTDATED", "4:delete:"}},
		},
		{
			name: "comments on files not analysed this run are left alone",
			existing: []Existing{
				existing(1, "x", "skipped-too-large.go", 3, time.Hour),
				existing(2, "y", "not-in-pr-any-more.go", 3, time.Hour),
			},
			max: 25,
		},
		{
			name: "comments without our marker are ignored",
			existing: []Existing{
				{ID: 5, Path: "a.go", Line: 1, Body: "LGTM"},
				{ID: 6, Path: "a.go", Line: 1, Body: "```\n" + Marker("w1", "query-in-loop") + "\n```"},
			},
			current: Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 4)}},
			max:     25,
			want:    planView{Post: []string{"w1"}},
		},
		{
			name: "cap: first by severity then position, rest overflow",
			current: Filtered{Inline: []Anchored{
				anchored("n1", rules.Notice, "a.go", 1),
				anchored("w2", rules.Warning, "b.go", 2),
				anchored("w1", rules.Warning, "a.go", 9),
				anchored("e1", rules.Error, "b.go", 30),
			}},
			max:  2,
			want: planView{Post: []string{"e1", "w1"}, Overflow: []string{"w2", "n1"}},
		},
		{
			name:     "already posted findings do not use the cap",
			current:  Filtered{Inline: []Anchored{anchored("e1", rules.Error, "a.go", 1), anchored("w1", rules.Warning, "a.go", 2)}},
			existing: []Existing{existing(3, "e1", "a.go", 1, time.Hour)},
			max:      1,
			want:     planView{Post: []string{"w1"}, AlreadyPosted: []string{"e1@3"}},
		},
		{
			name:    "max zero lists everything in the body",
			current: Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 2)}},
			max:     0,
			want:    planView{Overflow: []string{"w1"}},
		},
		{
			name:    "a finding without a fingerprint is not posted",
			current: Filtered{Inline: []Anchored{anchored("", rules.Error, "a.go", 2), anchored("w1", rules.Warning, "a.go", 3)}},
			max:     25,
			want:    planView{Post: []string{"w1"}, Overflow: []string{""}},
		},
		{
			name:    "the same fingerprint twice in one run is posted once",
			current: Filtered{Inline: []Anchored{anchored("w1", rules.Warning, "a.go", 2), anchored("w1", rules.Warning, "a.go", 2)}},
			max:     25,
			want:    planView{Post: []string{"w1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PlanComments(tt.current, tt.existing, PlanOptions{MaxComments: tt.max, Analyzed: analysed})
			if diff := cmp.Diff(tt.want, view(p), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("PlanComments (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlanCommentsRendersPosts(t *testing.T) {
	a := anchored("w1", rules.Warning, "store/load.go", 5)
	a.Finding.Fix = &rules.Fix{Description: "pass ctx", StartLine: 5, EndLine: 5, Replacement: "\t\tdb.QueryContext(ctx, id)"}
	p := PlanComments(Filtered{Inline: []Anchored{a}}, nil, PlanOptions{
		MaxComments: DefaultMaxComments,
		Source: func(path string) []byte {
			if path == "store/load.go" {
				return []byte(goSrc)
			}
			return nil
		},
	})
	if len(p.Post) != 1 {
		t.Fatalf("got %d posts", len(p.Post))
	}
	c := p.Post[0]
	if c.Path != "store/load.go" || c.Line != 5 || c.StartLine != 0 {
		t.Errorf("comment position = %s:%d-%d", c.Path, c.StartLine, c.Line)
	}
	if fp, _, ok := ParseMarker(c.Body); !ok || fp != "w1" {
		t.Errorf("body lacks the marker")
	}
	if !strings.Contains(c.Body, "```suggestion\n\t\tdb.QueryContext(ctx, id)\n```") {
		t.Errorf("body lacks the verified suggestion:\n%s", c.Body)
	}
}

// TestPlanAcrossPushes simulates five pushes, including a force-push that
// moves every line, and checks that no finding is ever posted twice.
func TestPlanAcrossPushes(t *testing.T) {
	var posted []Existing
	nextID := int64(1)
	pushes := [][]Anchored{
		{anchored("a", rules.Warning, "a.go", 10), anchored("b", rules.Error, "a.go", 20)},
		{anchored("a", rules.Warning, "a.go", 12), anchored("b", rules.Error, "a.go", 22), anchored("c", rules.Notice, "b.go", 3)},
		{anchored("a", rules.Warning, "a.go", 40), anchored("c", rules.Notice, "b.go", 90)}, // force-push: b fixed, lines moved
		{anchored("a", rules.Warning, "a.go", 41), anchored("c", rules.Notice, "b.go", 91)},
		{anchored("c", rules.Notice, "b.go", 91)}, // a fixed
	}
	counts := map[string]int{}
	for i, inline := range pushes {
		p := PlanComments(Filtered{Inline: inline}, posted, PlanOptions{MaxComments: 25, Analyzed: map[string]bool{"a.go": true, "b.go": true}})
		for _, c := range p.Post {
			fp := c.Anchored.Finding.Fingerprint
			counts[fp]++
			posted = append(posted, Existing{ID: nextID, Path: c.Path, Line: c.Line, Body: c.Body, CreatedAt: time.Unix(int64(i), 0)})
			nextID++
		}
		gone := map[int64]bool{}
		for _, c := range p.Outdated {
			gone[c.Comment.ID] = true
		}
		kept := posted[:0]
		for _, e := range posted {
			if !gone[e.ID] {
				kept = append(kept, e)
			}
		}
		posted = kept
	}
	if diff := cmp.Diff(map[string]int{"a": 1, "b": 1, "c": 1}, counts); diff != "" {
		t.Errorf("posts per finding (-want +got):\n%s", diff)
	}
	if len(posted) != 1 {
		t.Errorf("after the last push %d comments remain, want only c's", len(posted))
	}
}

func TestPlan500Findings(t *testing.T) {
	var inline []Anchored
	for i := 0; i < 500; i++ {
		sev := []rules.Severity{rules.Notice, rules.Warning, rules.Error}[i%3]
		inline = append(inline, anchored(fmt.Sprintf("fp%03d", i), sev, fmt.Sprintf("f%02d.go", i%40), i+1))
	}
	p := PlanComments(Filtered{Inline: inline}, nil, PlanOptions{MaxComments: DefaultMaxComments})
	if len(p.Post) != DefaultMaxComments || len(p.Post)+len(p.Overflow) != 500 {
		t.Fatalf("post %d + overflow %d, want 25 + 475", len(p.Post), len(p.Overflow))
	}
	for _, c := range p.Post {
		if c.Anchored.Finding.Severity != rules.Error {
			t.Errorf("posted a %s while errors overflowed", c.Anchored.Finding.Severity)
		}
	}
	body := ReviewBody(ReviewInput{HeadSHA: "abcdef1234567", RepoURL: "https://github.com/o/r", Inline: len(p.Post),
		MaxComments: DefaultMaxComments, Overflow: p.Overflow})
	if len(body) > MaxCommentBody {
		t.Errorf("review body %d bytes", len(body))
	}
	if got := strings.Count(body, "\n- "); got != 475 {
		t.Errorf("review body lists %d findings, want 475", got)
	}
}
