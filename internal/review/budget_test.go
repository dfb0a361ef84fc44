package review_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// bigPR seeds pull request 1 with n changed TypeScript files, every
// findingEvery-th of them with one query-in-loop finding (0: none).
func bigPR(e *env, n, findingEvery int) int {
	files := make([]fakegithub.File, 0, n)
	findings := 0
	for i := 0; i < n; i++ {
		src := fmt.Sprintf("export function f%d(a: number) {\n  return a + %d;\n}\n", i, i)
		if findingEvery > 0 && i%findingEvery == 0 {
			src = tsSource(fmt.Sprintf("load%d_", i), 1, 0)
			findings++
		}
		files = append(files, addedFile(fmt.Sprintf("src/mod%03d/file%03d.ts", i/50, i), src))
	}
	e.addPR(head1, files...)
	return findings
}

// warm makes the installation token and the App's identity cached, as in a
// running server, by reviewing another pull request first.
func warm(e *env) {
	e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 99, HeadSHA: head2, BaseSHA: baseSHA,
		Files: []fakegithub.File{addedFile("warm.ts", "export const a = 1;\n")}})
	job := e.job(head2)
	job.Number = 99
	e.mustReview(job)
	e.fg.ResetRequests()
}

func formatCounts(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %3d %s", c[k], k)
	}
	return b.String()
}

// TestRequestBudget counts the GitHub requests of one review, check run
// writes included (targets from issue 3: at most 10 for 20 files, 20 for
// 300 files), with a warm installation token as in a running server.
func TestRequestBudget(t *testing.T) {
	for _, tc := range []struct {
		files, every, max int
	}{
		{20, 1, 10},  // 20 findings: 20 inline comments, 20 annotations
		{300, 3, 20}, // 100 findings: 25 inline, 75 listed, 2 annotation batches
		{300, 1, 20}, // 300 findings: 6 annotation batches
		{300, 0, 20}, // clean
	} {
		t.Run(fmt.Sprintf("%d files, %d findings", tc.files, func() int {
			if tc.every == 0 {
				return 0
			}
			return (tc.files + tc.every - 1) / tc.every
		}()), func(t *testing.T) {
			e := newEnv(t)
			findings := bigPR(e, tc.files, tc.every)
			warm(e)
			e.mustReview(e.job(head1))
			total := e.fg.Total()
			t.Logf("%d requests (warm token):%s", total, formatCounts(e.fg.Counts()))
			if total > tc.max {
				t.Errorf("%d requests, want at most %d", total, tc.max)
			}
			if n := e.fg.Count(ghroute.Contents) + e.fg.Count(ghroute.Blob); n > 1 {
				t.Errorf("%d per-file content requests", n)
			}
			run := e.runs()[len(e.runs())-1]
			if run.Status != "completed" || len(run.Annotations) != findings {
				t.Errorf("run %s with %d annotations, want %d", run.Status, len(run.Annotations), findings)
			}
			wantComments := min(findings, 25)
			if got := len(e.comments()); got != wantComments {
				t.Errorf("comments %d, want %d", got, wantComments)
			}
		})
	}
}

// TestColdRequestCount reports the requests of the first review in a
// process: one more for the installation token and one for GET /app (the
// bot login), both cached afterwards.
func TestColdRequestCount(t *testing.T) {
	e := newEnv(t)
	bigPR(e, 20, 1)
	e.mustReview(e.job(head1))
	t.Logf("%d requests (cold):%s", e.fg.Total(), formatCounts(e.fg.Counts()))
	if got := e.fg.Total(); got > 12 {
		t.Errorf("%d requests, want at most 12 cold", got)
	}
	if e.fg.Count(ghroute.AccessTokens) != 1 || e.fg.Count(ghroute.App) != 1 {
		t.Errorf("token/app requests: %v", e.fg.Counts())
	}
}

// BenchmarkReview measures one review against the fake GitHub with 50 ms of
// latency per request (issue 3's benchmark setting).
func BenchmarkReview(b *testing.B) {
	for _, tc := range []struct{ files, every int }{{20, 1}, {300, 3}} {
		b.Run(fmt.Sprintf("files=%d", tc.files), func(b *testing.B) {
			var requests int
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				e := newEnv(b)
				bigPR(e, tc.files, tc.every)
				warm(e)
				e.fg.SetLatency(50 * time.Millisecond)
				b.StartTimer()
				e.mustReview(e.job(head1))
				b.StopTimer()
				requests += e.fg.Total()
			}
			b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
		})
	}
}
