package review_test

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/internal/review"
)

// batchSize makes every GraphQL contents query carry n files.
func batchSize(n int) envOption {
	return func(c *githubapi.Config, _ *review.Options) { c.ContentsBatchSize = n }
}

// forkPR adds pull request 1 from a fork at head with two files, one
// finding each.
func forkPR(e *env, head string, unreachable bool) {
	e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 1, HeadSHA: head, BaseSHA: baseSHA,
		HeadRepo: "someone/api", HeadUnreachableBySHA: unreachable,
		Files: []fakegithub.File{addedFile("src/a.ts", tsSource("loadA", 1, 0)), addedFile("src/b.ts", tsSource("loadB", 1, 2))}})
}

// requestCounts is the fake's per-route request counts without token mints.
func requestCounts(fg *fakegithub.Server) map[string]int {
	c := fg.Counts()
	delete(c, ghroute.AccessTokens)
	return c
}

// A fork head GitHub does not resolve by SHA in the base repository is read
// through refs/pull/1/head: the review is posted as for any fork, with one
// extra GraphQL query per contents batch and nothing else; a fork whose head
// resolves by SHA makes no extra request at all.
func TestForkHeadUnreachableBySHAIsReadThroughThePullRef(t *testing.T) {
	// Baseline: the same fork pull request, head reachable by SHA.
	base := newEnv(t, batchSize(1))
	forkPR(base, head1, false)
	base.mustReview(base.job(head1))
	baseCounts := requestCounts(base.fg)
	if n := baseCounts[ghroute.GraphQL]; n != 2 {
		t.Fatalf("reachable fork: GraphQL requests = %d, want 2 (one per batch of 1 file)", n)
	}
	if len(base.comments()) != 2 || base.onlyRun().Conclusion != "success" {
		t.Fatalf("reachable fork: %d comments, run %s", len(base.comments()), base.onlyRun().Conclusion)
	}

	e := newEnv(t, batchSize(1))
	forkPR(e, head1, true)
	e.mustReview(e.job(head1))

	rvs := e.reviews()
	if len(rvs) != 1 || rvs[0].CommitID != head1 {
		t.Fatalf("reviews = %+v, want one on %s", rvs, head1)
	}
	got := map[string]bool{}
	for _, c := range e.comments() {
		got[c.Path+":"+itoa(c.Line)] = true
	}
	want := map[string]bool{}
	for _, f := range []struct{ path, src string }{{"src/a.ts", tsSource("loadA", 1, 0)}, {"src/b.ts", tsSource("loadB", 1, 2)}} {
		for _, l := range findingLines(f.src) {
			want[f.path+":"+itoa(l)] = true
		}
	}
	if len(got) != len(want) || len(e.comments()) != 2 {
		t.Fatalf("comments at %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("no comment at %s (got %v)", k, got)
		}
	}
	run := e.onlyRun()
	if run.Status != "completed" || run.Conclusion != "success" || run.HeadSHA != head1 {
		t.Errorf("run %s/%s on %s, want completed/success on the head", run.Status, run.Conclusion, run.HeadSHA)
	}
	if strings.Contains(run.Summary, "not-found") || strings.Contains(strings.ToLower(run.Title), "partial") {
		t.Errorf("run reports missing files:\n%s\n%s", run.Title, run.Summary)
	}
	if !strings.Contains(run.Summary, "refs/pull/1/head") {
		t.Errorf("summary does not say the files were read through refs/pull/1/head:\n%s", run.Summary)
	}

	counts := requestCounts(e.fg)
	if n := counts[ghroute.GraphQL]; n != 4 {
		t.Errorf("GraphQL requests = %d, want 4 (2 batches by SHA + 2 through the ref)", n)
	}
	counts[ghroute.GraphQL] -= 2
	for route, n := range baseCounts {
		if counts[route] != n {
			t.Errorf("%s: %d requests, want %d as for a reachable fork", route, counts[route], n)
		}
	}
	for route, n := range counts {
		if _, ok := baseCounts[route]; !ok {
			t.Errorf("%s: %d unexpected requests", route, n)
		}
	}
}

// A same-repository pull request whose files are all missing at the head is
// not retried through the ref.
func TestNoRefRetryForSameRepositoryPullRequests(t *testing.T) {
	e := newEnv(t)
	e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 1, HeadSHA: head1, BaseSHA: baseSHA,
		Files: []fakegithub.File{{Path: "src/a.ts", Patch: fakegithub.AddedPatch("let a = 1;\n"), Status: "added"}}})
	e.mustReview(e.job(head1))
	if n := e.fg.Count(ghroute.GraphQL); n != 1 {
		t.Errorf("GraphQL requests = %d, want 1", n)
	}
	if run := e.onlyRun(); run.Conclusion != "neutral" || !strings.Contains(run.Summary, "not-found") {
		t.Errorf("run %s:\n%s", run.Conclusion, run.Summary)
	}
}

// A push lands while the contents are read: refs/pull/1/head no longer
// points at the job's head, so nothing from the new commit is analysed for
// the old one; the pull request confirms the move and the check is
// cancelled as superseded, with no review.
func TestForkHeadRefMovedWhileReading(t *testing.T) {
	var (
		fg      atomic.Pointer[fakegithub.Server]
		graphql atomic.Int32
	)
	e := newEnv(t, onRequest(func(ri githubapi.RequestInfo) {
		if ri.Route == ghroute.GraphQL && graphql.Add(1) == 1 {
			// After the SHA lookup came back empty, before the ref is read.
			fg.Load().SetHead(owner, repoName, 1, head2, addedFile("src/a.ts", tsSource("moved", 3, 0)))
		}
	}))
	fg.Store(e.fg)
	forkPR(e, head1, true)
	e.mustReview(e.job(head1))

	if n := len(e.reviews()); n != 0 {
		t.Errorf("reviews = %d, want none for the superseded head", n)
	}
	if n := len(e.comments()); n != 0 {
		t.Errorf("comments = %d, want none", n)
	}
	run := e.onlyRun()
	if run.HeadSHA != head1 || run.Conclusion != "cancelled" || !strings.Contains(run.Summary, "Superseded by "+head2) || len(run.Annotations) != 0 {
		t.Errorf("run on %s %s:\n%s", run.HeadSHA, run.Conclusion, run.Summary)
	}
	if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeSuperseded}); got != 1 {
		t.Errorf("superseded outcomes = %v", got)
	}
	counts := requestCounts(e.fg)
	if counts[ghroute.GraphQL] != 2 || counts[ghroute.PullGet] != 2 || counts[ghroute.PullReviews] != 0 || counts[ghroute.PullReviewCreate] != 0 {
		t.Errorf("requests %v: want 2 GraphQL (SHA, ref), 2 pull request reads, no review read or write", counts)
	}
}

// refs/pull/1/head points at another commit while the pull request still
// reports the job's head (GitHub has updated one and not the other): the
// files there are never analysed for the job's head; the attempt fails
// (retried) with the check run left in progress, and the next attempt,
// once the ref agrees, posts the review.
func TestForkHeadRefDisagreeingWithThePullRequestIsRetried(t *testing.T) {
	e := newEnv(t)
	forkPR(e, head1, true)
	e.fg.SetFile(owner, repoName, head2, "src/a.ts", []byte(tsSource("other", 3, 0)))
	e.fg.SetFile(owner, repoName, head2, "src/b.ts", []byte(tsSource("other", 3, 0)))
	e.fg.SetPullHeadRef(owner, repoName, 1, head2)

	job := e.job(head1)
	err := e.review(job)
	if !errors.Is(err, githubapi.ErrHeadMoved) || queue.IsPermanent(err) {
		t.Fatalf("err = %v, want a retryable ErrHeadMoved", err)
	}
	if len(e.reviews()) != 0 || len(e.comments()) != 0 {
		t.Fatalf("posted %d reviews, %d comments from another commit", len(e.reviews()), len(e.comments()))
	}
	if run := e.onlyRun(); run.Status != "in_progress" {
		t.Fatalf("run %s/%s, want in_progress until the retry", run.Status, run.Conclusion)
	}

	e.fg.SetPullHeadRef(owner, repoName, 1, "")
	job.Attempt++
	e.mustReview(job)
	if len(e.reviews()) != 1 || len(e.comments()) != 2 {
		t.Fatalf("retry: %d reviews, %d comments, want 1 and 2", len(e.reviews()), len(e.comments()))
	}
	if run := e.onlyRun(); run.Status != "completed" || run.Conclusion != "success" {
		t.Errorf("retry: run %s/%s", run.Status, run.Conclusion)
	}
}
