package comments

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hotpath-app/hotpath/rules"
)

const sha = "0123456789abcdef0123456789abcdef01234567"

func TestReviewBody(t *testing.T) {
	over := anchored("w1", rules.Warning, "src/my dir/ünï.ts", 12)
	over.Finding.EndLine = 14
	over.Finding.Message = "`await` in a loop, ping @octocat"
	rejected := anchored("e1", rules.Error, "a.go", 3)

	tests := []struct {
		name    string
		in      ReviewInput
		want    []string
		notWant []string
	}{
		{
			name: "inline only",
			in:   ReviewInput{HeadSHA: sha, Inline: 3, MaxComments: 25},
			want: []string{ReviewMarker(sha) + "\n", "found 3 new performance problems in this change: 3 as inline comments."},
			notWant: []string{
				"Over the limit", "Could not be attached",
			},
		},
		{
			name: "overflow with links, already posted",
			in:   ReviewInput{HeadSHA: sha, RepoURL: "https://github.com/o/r/", Inline: 25, AlreadyPosted: 1, MaxComments: 25, Overflow: []Anchored{over}},
			want: []string{
				"found 26 new performance problems in this change: 25 as inline comments, 1 listed below.",
				"1 finding already commented on earlier is not repeated.",
				"**Over the limit of 25 inline comments per review:**",
				"- warning [`src/my dir/ünï.ts:12`](https://github.com/o/r/blob/" + sha + "/src/my%20dir/%C3%BCn%C3%AF.ts#L12-L14) `query-in-loop`: `await` in a loop, ping @\u200boctocat",
			},
		},
		{
			name: "rejected anchors without a repository URL",
			in:   ReviewInput{HeadSHA: sha, Inline: 1, MaxComments: 25, Rejected: []Anchored{rejected}},
			want: []string{
				"found 2 new performance problems in this change: 1 as inline comments, 1 listed below.",
				"**Could not be attached to the diff:**",
				"- error `a.go:3` `query-in-loop`: m e1",
			},
		},
		{
			name: "inline comments turned off",
			in:   ReviewInput{HeadSHA: sha, MaxComments: 0, Overflow: []Anchored{rejected}},
			want: []string{"found 1 new performance problem in this change: 1 listed below.", "comments.max_comments is 0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := ReviewBody(tt.in)
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%s", w, body)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body has %q:\n%s", w, body)
				}
			}
			if got, ok := ParseReviewMarker(body); !ok || got != sha {
				t.Errorf("review marker = %q, %v", got, ok)
			}
		})
	}
}

func TestReviewBodyLimit(t *testing.T) {
	long := strings.Repeat("查询在循环中 ", 200) // cut to 300 bytes per item
	var over, rej []Anchored
	for i := 0; i < 3000; i++ {
		a := anchored(fmt.Sprintf("fp%d", i), rules.Warning, fmt.Sprintf("pkg/dir%d/file.go", i), i+1)
		a.Finding.Message = long
		over = append(over, a)
	}
	for i := 0; i < 50; i++ {
		rej = append(rej, anchored(fmt.Sprintf("r%d", i), rules.Error, "r.go", i+1))
	}
	body := ReviewBody(ReviewInput{HeadSHA: sha, RepoURL: "https://github.com/o/r", Inline: 25, MaxComments: 25, Overflow: over, Rejected: rej})
	if len(body) > MaxCommentBody {
		t.Fatalf("body is %d bytes", len(body))
	}
	if !utf8.ValidString(body) {
		t.Errorf("invalid UTF-8")
	}
	listed := strings.Count(body, "\n- warning ")
	if listed == 0 || listed == 3000 {
		t.Fatalf("listed %d of 3000", listed)
	}
	if want := fmt.Sprintf("- … and %d more\n", 3000-listed); !strings.Contains(body, want) {
		t.Errorf("body lacks %q", want)
	}
	if !strings.Contains(body, "**Could not be attached to the diff:**") || !strings.Contains(body, "`r.go:50`") {
		t.Errorf("the rejected list was crowded out")
	}
	if len(body) < MaxCommentBody-2000 {
		t.Errorf("body is only %d bytes: the budget is badly used", len(body))
	}
}
