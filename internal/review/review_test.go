package review_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/comments"
	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/internal/review"
)

func TestOpenedPostsOneReviewAndCompletesCheck(t *testing.T) {
	e := newEnv(t)
	a := tsSource("loadA", 2, 0)
	b := tsSource("loadB", 1, 0)
	clean := "export const answer = 42;\n"
	e.addPR(head1, addedFile("src/a.ts", a), addedFile("src/b.ts", b), addedFile("src/clean.ts", clean),
		addedFile("README.md", "# readme\n"))
	e.mustReview(e.job(head1))

	rvs := e.reviews()
	if len(rvs) != 1 {
		t.Fatalf("reviews = %d, want 1", len(rvs))
	}
	rv := rvs[0]
	if rv.Event != "COMMENT" || rv.CommitID != head1 {
		t.Errorf("review event %q commit %q, want COMMENT on %s", rv.Event, rv.CommitID, head1)
	}
	if sha, ok := comments.ParseReviewMarker(rv.Body); !ok || sha != head1 {
		t.Errorf("review body lacks the review marker for %s:\n%s", head1, rv.Body)
	}
	cs := e.comments()
	if len(cs) != 3 {
		t.Fatalf("inline comments = %d, want 3: %+v", len(cs), cs)
	}
	want := map[string]bool{}
	for _, l := range findingLines(a) {
		want["src/a.ts:"+itoa(l)] = true
	}
	for _, l := range findingLines(b) {
		want["src/b.ts:"+itoa(l)] = true
	}
	fps := map[string]bool{}
	for _, c := range cs {
		if !want[c.Path+":"+itoa(c.Line)] {
			t.Errorf("unexpected comment at %s:%d", c.Path, c.Line)
		}
		fp, rule, ok := comments.ParseMarker(c.Body)
		if !ok || rule != "query-in-loop" {
			t.Errorf("comment without marker: %q", c.Body)
		}
		fps[fp] = true
		if c.Side != "RIGHT" {
			t.Errorf("comment side %q", c.Side)
		}
	}
	if len(fps) != 3 {
		t.Errorf("fingerprints not distinct: %v", fps)
	}

	run := e.onlyRun()
	if run.Name != "hotpath" || run.HeadSHA != head1 || run.ExternalID != "1" {
		t.Errorf("check run %q on %s external_id %q", run.Name, run.HeadSHA, run.ExternalID)
	}
	if run.Status != "completed" || run.Conclusion != "success" { // warnings; fail_on defaults to error
		t.Errorf("check run %s/%s, want completed/success", run.Status, run.Conclusion)
	}
	if len(run.Annotations) != 3 {
		t.Errorf("annotations = %d, want 3", len(run.Annotations))
	}
	for _, an := range run.Annotations {
		if an.Level != "warning" || !want[an.Path+":"+itoa(an.StartLine)] {
			t.Errorf("annotation %+v", an)
		}
	}
	for _, s := range []string{"3 performance problems found", "defaults (no config file on the base branch)", "3 analysed"} {
		if !strings.Contains(run.Summary+run.Title, s) {
			t.Errorf("summary lacks %q:\n%s", s, run.Summary)
		}
	}
	if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeReviewed}); got != 1 {
		t.Errorf("hotpath_reviews_total{reviewed} = %v", got)
	}
	if got := metricValue(t, e.reg, "hotpath_review_comments_posted_total", nil); got != 3 {
		t.Errorf("hotpath_review_comments_posted_total = %v", got)
	}
	if got := metricValue(t, e.reg, "hotpath_review_time_to_post_seconds", nil); got != 1 {
		t.Errorf("time-to-post observations = %v", got)
	}
	if recs := e.store.Records(); len(recs) != 1 || !recs[0].Completed || recs[0].CheckRunID != run.ID {
		t.Errorf("store records = %+v", recs)
	}
}

func TestFailOnWarningFailsOnlyForChangedLines(t *testing.T) {
	e := newEnv(t)
	e.setConfig("fail_on: warning\n")
	old := tsSource("old", 1, 0)
	// The pull request adds a second function; the first finding is
	// pre-existing (a context line at most).
	updated := old + strings.TrimPrefix(tsSource("added", 1, 0), "import { PrismaClient } from \"@prisma/client\";\nconst prisma = new PrismaClient();\n")
	e.addPR(head1, modifiedFile("src/a.ts", old, updated))
	e.mustReview(e.job(head1))
	run := e.onlyRun()
	if run.Conclusion != "failure" {
		t.Errorf("conclusion %q, want failure for a new warning with fail_on: warning", run.Conclusion)
	}
	if len(e.comments()) != 1 {
		t.Errorf("comments = %d, want 1 (only the added function)", len(e.comments()))
	}
	if !strings.Contains(run.Summary, "`.github/hotpath.yml` at `"+baseSHA[:12]+"`") {
		t.Errorf("summary does not name the config source:\n%s", run.Summary)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSameFindingsAtNewHeadAreNotCommentedAgain(t *testing.T) {
	e := newEnv(t)
	src := tsSource("load", 3, 0)
	e.addPR(head1, addedFile("src/a.ts", src))
	e.mustReview(e.job(head1))
	if n := len(e.comments()); n != 3 {
		t.Fatalf("first review: %d comments, want 3", n)
	}

	// A push moves every finding 4 lines down.
	moved := tsSource("load", 3, 4)
	e.fg.SetHead(owner, repoName, 1, head2, addedFile("src/a.ts", moved))
	e.mustReview(e.job(head2))

	if n := len(e.reviews()); n != 1 {
		t.Errorf("reviews = %d, want 1 (nothing new at the second head)", n)
	}
	if n := len(e.comments()); n != 3 {
		t.Errorf("comments = %d, want 3", n)
	}
	if d := e.fg.DeletedComments(); len(d) != 0 {
		t.Errorf("deleted %d comments of findings that only moved", len(d))
	}
	if m := e.fg.MinimizedComments(); len(m) != 0 {
		t.Errorf("minimised %v", m)
	}
	runs := e.runs()
	if len(runs) != 2 || runs[1].HeadSHA != head2 || runs[1].Conclusion != "success" || len(runs[1].Annotations) != 3 {
		t.Errorf("second check run: %+v", runs)
	}
	for i, l := range findingLines(moved) {
		if runs[1].Annotations[i].StartLine != l {
			t.Errorf("annotation %d at line %d, want %d", i, runs[1].Annotations[i].StartLine, l)
		}
	}
	if !strings.Contains(runs[1].Summary, "3 performance problems found") {
		t.Errorf("summary:\n%s", runs[1].Summary)
	}
}

func TestCrashBetweenReviewAndCheckCompletionPostsOnce(t *testing.T) {
	for _, tc := range []struct {
		name   string
		config string
	}{
		{"inline comments", ""},
		{"body-only review", "comments:\n  max_comments: 0\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			if tc.config != "" {
				e.setConfig(tc.config)
			}
			e.addPR(head1, addedFile("src/a.ts", tsSource("load", 2, 0)))
			// The review is posted, then completing the check fails.
			e.fg.FailNext(ghroute.CheckRunUpdate, http.StatusBadGateway, 1)
			job := e.job(head1)
			err := e.review(job)
			if err == nil || queue.IsPermanent(err) {
				t.Fatalf("first attempt: err = %v, want a retryable error", err)
			}
			if n := len(e.reviews()); n != 1 {
				t.Fatalf("reviews after the first attempt = %d", n)
			}
			job.Attempt = 2
			e.mustReview(job)
			if n := len(e.reviews()); n != 1 {
				t.Errorf("reviews = %d, want 1", n)
			}
			wantComments := 2
			if tc.config != "" {
				wantComments = 0
			}
			if n := len(e.comments()); n != wantComments {
				t.Errorf("comments = %d, want %d", n, wantComments)
			}
			e.noneInProgress()
			runs := e.runs()
			last := runs[len(runs)-1]
			if last.Conclusion != "success" || len(last.Annotations) != 2 {
				t.Errorf("final run: %s with %d annotations", last.Conclusion, len(last.Annotations))
			}
			if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeRetry}); got != 1 {
				t.Errorf("retry outcomes = %v", got)
			}
		})
	}
}

func TestRetryReusesTheCheckRun(t *testing.T) {
	t.Run("from the store", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		// Every attempt at listing files fails (githubapi retries 3 times).
		e.fg.FailNext(ghroute.PullFiles, http.StatusInternalServerError, 3)
		job := e.job(head1)
		err := e.review(job)
		if err == nil || queue.IsPermanent(err) {
			t.Fatalf("err = %v, want retryable", err)
		}
		var ra queue.RetryAfter
		if errors.As(err, &ra) {
			t.Errorf("a 5xx must not snooze")
		}
		if run := e.onlyRun(); run.Status != "in_progress" {
			t.Errorf("after a retryable error the run is %s, want in_progress", run.Status)
		}
		job.Attempt = 2
		e.mustReview(job)
		run := e.onlyRun()
		if run.Status != "completed" || len(e.reviews()) != 1 {
			t.Errorf("run %s, reviews %d", run.Status, len(e.reviews()))
		}
	})
	t.Run("after a crash before it was recorded", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		id := e.fg.AddCheckRun(owner, repoName, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head1, ExternalID: "1", Status: "in_progress"})
		job := e.job(head1)
		job.Attempt = 2
		e.mustReview(job)
		run := e.onlyRun()
		if run.ID != id || run.Status != "completed" {
			t.Errorf("run %d %s, want the existing run %d completed", run.ID, run.Status, id)
		}
	})
}

func TestServerErrorThenSuccessOnARead(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.fg.FailNext(ghroute.PullGet, http.StatusInternalServerError, 1)
	e.fg.FailNext(ghroute.GraphQL, http.StatusBadGateway, 1)
	e.mustReview(e.job(head1))
	if len(e.reviews()) != 1 || len(e.comments()) != 1 {
		t.Errorf("reviews %d comments %d, want 1 and 1", len(e.reviews()), len(e.comments()))
	}
	if run := e.onlyRun(); run.Conclusion != "success" {
		t.Errorf("conclusion %q", run.Conclusion)
	}
}

func TestRateLimitSnoozes(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.fg.RateLimitNext(ghroute.PullFiles, 1, fakegithub.RateLimit{Secondary: true, RetryAfter: 120 * time.Second})
	job := e.job(head1)
	err := e.review(job)
	var ra queue.RetryAfter
	if !errors.As(err, &ra) {
		t.Fatalf("err = %v, want an error with RetryAfter", err)
	}
	if d := ra.RetryAfter(); d < 100*time.Second || d > 121*time.Second {
		t.Errorf("RetryAfter = %s, want about 2 minutes", d)
	}
	var rl *githubapi.RateLimitedError
	if !errors.As(err, &rl) || !rl.Secondary {
		t.Errorf("the GitHub error is not wrapped: %v", err)
	}
	if run := e.onlyRun(); run.Status != "in_progress" {
		t.Errorf("run %s, want in_progress while snoozed", run.Status)
	}
	// The snoozed job runs again with the same attempt number.
	e.mustReview(job)
	if run := e.onlyRun(); run.Status != "completed" || len(e.reviews()) != 1 {
		t.Errorf("after the snooze: run %s, %d reviews", run.Status, len(e.reviews()))
	}
	if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeRateLimited}); got != 1 {
		t.Errorf("rate_limited outcomes = %v", got)
	}
}

func TestHeadMoved(t *testing.T) {
	t.Run("before writing", func(t *testing.T) {
		var fg atomic.Pointer[fakegithub.Server]
		var gets atomic.Int32
		e := newEnv(t, onRequest(func(ri githubapi.RequestInfo) {
			// A push lands right after the first read of the pull request.
			if ri.Route == ghroute.PullGet && gets.Add(1) == 1 {
				fg.Load().SetHead(owner, repoName, 1, head2, addedFile("src/a.ts", tsSource("load", 2, 1)))
			}
		}))
		fg.Store(e.fg)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 2, 0)))
		// An outdated comment the review would otherwise delete.
		e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/a.ts", Line: 1,
			Body: comments.Marker("gone0000", "query-in-loop") + "\nold"})
		e.mustReview(e.job(head1))

		if n := len(e.reviews()); n != 0 {
			t.Errorf("reviews = %d, want none for a superseded head", n)
		}
		if d := e.fg.DeletedComments(); len(d) != 0 {
			t.Errorf("deleted %d comments for a superseded head", len(d))
		}
		run := e.onlyRun()
		if run.Conclusion != "cancelled" || !strings.Contains(run.Summary, "Superseded by "+head2) || len(run.Annotations) != 0 {
			t.Errorf("run %s %q: %s", run.Conclusion, run.Title, run.Summary)
		}
		if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeSuperseded}); got != 1 {
			t.Errorf("superseded outcomes = %v", got)
		}
	})
	t.Run("before starting", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		e.fg.SetHead(owner, repoName, 1, head2)
		e.mustReview(e.job(head1))
		run := e.onlyRun()
		if run.HeadSHA != head1 || run.Conclusion != "cancelled" || !strings.Contains(strings.ToLower(run.Summary), "superseded by "+head2) {
			t.Errorf("run on %s: %s %s", run.HeadSHA, run.Conclusion, run.Summary)
		}
		if e.fg.Count(ghroute.GraphQL) != 0 || len(e.reviews()) != 0 {
			t.Errorf("a superseded head was analysed or reviewed")
		}
	})
}

func TestClosedPullRequestIsSkipped(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.fg.SetPullRequestState(owner, repoName, 1, "closed", false)
	e.mustReview(e.job(head1))
	if run := e.onlyRun(); run.Conclusion != "skipped" || len(e.reviews()) != 0 {
		t.Errorf("run %s, %d reviews", run.Conclusion, len(e.reviews()))
	}
}

func TestRuleOffInConfig(t *testing.T) {
	e := newEnv(t)
	e.setConfig("rules:\n  query-in-loop: off\n")
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 2, 0)))
	e.mustReview(e.job(head1))
	if len(e.reviews()) != 0 || len(e.comments()) != 0 {
		t.Errorf("%d reviews, %d comments for a rule turned off", len(e.reviews()), len(e.comments()))
	}
	run := e.onlyRun()
	if run.Conclusion != "success" || len(run.Annotations) != 0 || !strings.Contains(run.Summary, "No performance problems found") {
		t.Errorf("run %s with %d annotations: %s", run.Conclusion, len(run.Annotations), run.Summary)
	}
}

func TestBrokenConfig(t *testing.T) {
	const broken = "fail_on: warning\nrules:\n  n-plus-one: error\n"
	t.Run("fails the check", func(t *testing.T) {
		e := newEnv(t)
		e.setConfig(broken)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		if err := e.review(e.job(head1)); err != nil {
			t.Fatalf("a broken config must not be retried: %v", err)
		}
		run := e.onlyRun()
		if run.Conclusion != "failure" || !strings.Contains(run.Title, "line 3") {
			t.Errorf("run %s %q", run.Conclusion, run.Title)
		}
		for _, s := range []string{"line 3", `unknown rule "n-plus-one"`, "n-plus-one: error", ".github/hotpath.yml", baseSHA[:12]} {
			if !strings.Contains(run.Summary, s) {
				t.Errorf("summary lacks %q:\n%s", s, run.Summary)
			}
		}
		if len(run.Annotations) != 1 || run.Annotations[0].Path != ".github/hotpath.yml" || run.Annotations[0].StartLine != 3 {
			t.Errorf("annotations %+v", run.Annotations)
		}
		if len(e.reviews()) != 0 || e.fg.Count(ghroute.GraphQL) != 0 {
			t.Errorf("reviewed with a broken config")
		}
		if got := metricValue(t, e.reg, "hotpath_reviews_total", map[string]string{"outcome": review.OutcomeConfigError}); got != 1 {
			t.Errorf("config_error outcomes = %v", got)
		}
	})
	t.Run("neutral when the pull request edits it", func(t *testing.T) {
		e := newEnv(t)
		e.setConfig(broken)
		e.addPR(head1, modifiedFile(".github/hotpath.yml", broken, "fail_on: warning\n"))
		e.mustReview(e.job(head1))
		if run := e.onlyRun(); run.Conclusion != "neutral" || !strings.Contains(run.Summary, "line 3") {
			t.Errorf("run %s: %s", run.Conclusion, run.Summary)
		}
	})
}

func TestBadAnchorIsMovedToTheBody(t *testing.T) {
	src := tsSource("load", 3, 0)
	lines := findingLines(src)
	bad := lines[1]
	var rt *rejectingTransport
	e := newEnv(t, withTransport(func(base http.RoundTripper) http.RoundTripper {
		rt = &rejectingTransport{base: base, reject: func(path string, line int) bool { return path == "src/a.ts" && line == bad }}
		return rt
	}))
	e.addPR(head1, addedFile("src/a.ts", src))
	e.mustReview(e.job(head1))

	rvs := e.reviews()
	if len(rvs) != 1 {
		t.Fatalf("reviews = %d, want 1", len(rvs))
	}
	cs := e.comments()
	if len(cs) != 2 {
		t.Fatalf("comments = %d, want 2", len(cs))
	}
	for _, c := range cs {
		if c.Line == bad {
			t.Errorf("the rejected anchor was posted")
		}
	}
	if !strings.Contains(rvs[0].Body, "Could not be attached to the diff") || !strings.Contains(rvs[0].Body, "src/a.ts:"+itoa(bad)) {
		t.Errorf("the rejected finding is not in the body:\n%s", rvs[0].Body)
	}
	if p := rt.Posts(); p > 4 {
		t.Errorf("%d review POSTs, want at most 4 for 3 comments", p)
	}
	run := e.onlyRun()
	if len(run.Annotations) != 3 || !strings.Contains(run.Summary, "refused the position of 1 inline comment") {
		t.Errorf("run: %d annotations, summary:\n%s", len(run.Annotations), run.Summary)
	}
	if got := metricValue(t, e.reg, "hotpath_review_422_fallbacks_total", nil); got != 1 {
		t.Errorf("422 fallbacks = %v", got)
	}
}

func TestEveryAnchorRejectedStillPostsTheBody(t *testing.T) {
	var rt *rejectingTransport
	e := newEnv(t, withTransport(func(base http.RoundTripper) http.RoundTripper {
		rt = &rejectingTransport{base: base, reject: func(string, int) bool { return true }}
		return rt
	}))
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 8, 0)))
	e.mustReview(e.job(head1))
	rvs := e.reviews()
	if len(rvs) != 1 || len(e.comments()) != 0 {
		t.Fatalf("reviews %d comments %d, want one body-only review", len(rvs), len(e.comments()))
	}
	if n := strings.Count(rvs[0].Body, "query-in-loop"); n < 8 {
		t.Errorf("body lists %d findings, want 8:\n%s", n, rvs[0].Body)
	}
	if p := rt.Posts(); p != 5 {
		t.Errorf("review POSTs = %d, want 5 (1 + 3 chunks + body only)", p)
	}
}

func TestOutdatedComments(t *testing.T) {
	e := newEnv(t)
	src := tsSource("load", 1, 0)
	e.addPR(head1, addedFile("src/a.ts", src), addedFile("src/other.ts", tsSource("other", 1, 0)))
	marker := func(fp string) string { return comments.Marker(fp, "query-in-loop") + "\n**hotpath: old finding**" }
	quiet := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/a.ts", Line: 2, Body: marker("gone1")})
	discussed := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/a.ts", Line: 3, Body: marker("gone2")})
	e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{InReplyTo: discussed, Author: "alice", Body: "Why is this slow?"})
	// A file this run does not analyse (not changed): its comment stays.
	untouched := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/elsewhere.ts", Line: 3, Body: marker("gone3")})
	// A human's comment with a copied marker is never touched.
	human := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/a.ts", Line: 4, Author: "bob", Body: marker("gone4")})
	e.mustReview(e.job(head1))

	deleted := map[int64]bool{}
	for _, c := range e.fg.DeletedComments() {
		deleted[c.ID] = true
	}
	if !deleted[quiet] || len(deleted) != 1 {
		t.Errorf("deleted %v, want only the comment nobody replied to (%d)", deleted, quiet)
	}
	var minimized bool
	for _, c := range e.comments() {
		switch c.ID {
		case discussed:
			minimized = c.Minimized && strings.EqualFold(c.MinimizedReason, "OUTDATED")
		case untouched, human:
			if c.Minimized {
				t.Errorf("comment %d minimised", c.ID)
			}
		}
	}
	if !minimized {
		t.Errorf("the outdated comment a human replied to is not minimised as OUTDATED")
	}
	// The current findings are posted as usual.
	if n := len(e.reviews()); n != 1 {
		t.Errorf("reviews = %d", n)
	}
}

func TestMaxCommentsOverflowIsListed(t *testing.T) {
	e := newEnv(t)
	e.setConfig("comments:\n  max_comments: 2\n")
	src := tsSource("load", 5, 0)
	e.addPR(head1, addedFile("src/a.ts", src))
	e.mustReview(e.job(head1))
	rvs := e.reviews()
	if len(rvs) != 1 || len(e.comments()) != 2 {
		t.Fatalf("reviews %d comments %d, want 1 and 2", len(rvs), len(e.comments()))
	}
	if !strings.Contains(rvs[0].Body, "Over the limit of 2 inline comments") {
		t.Errorf("body:\n%s", rvs[0].Body)
	}
	commented := map[int]bool{}
	for _, c := range e.comments() {
		commented[c.Line] = true
	}
	for _, l := range findingLines(src) {
		if !commented[l] && !strings.Contains(rvs[0].Body, "src/a.ts:"+itoa(l)) {
			t.Errorf("finding at line %d neither commented nor listed", l)
		}
	}
	if run := e.onlyRun(); len(run.Annotations) != 5 {
		t.Errorf("annotations = %d, want 5", len(run.Annotations))
	}
}

func TestFilesWithoutPatchAreListedNotCommented(t *testing.T) {
	e := newEnv(t)
	e.setConfig("fail_on: notice\n")
	big := tsSource("big", 1, 0)
	e.addPR(head1,
		fakegithub.File{Path: "src/big.ts", Status: "modified", Content: []byte(big)}, // GitHub sent no patch
		addedFile("src/a.ts", "export const x = 1;\n"))
	e.mustReview(e.job(head1))
	if len(e.reviews()) != 0 || len(e.comments()) != 0 {
		t.Errorf("commented on a file without a patch")
	}
	run := e.onlyRun()
	if !strings.Contains(run.Summary, "Files without a diff") || !strings.Contains(run.Summary, "src/big.ts") {
		t.Errorf("summary does not list the file:\n%s", run.Summary)
	}
	if len(run.Annotations) != 1 || run.Annotations[0].Path != "src/big.ts" {
		t.Errorf("annotations %+v", run.Annotations)
	}
	// Nothing shows the pull request introduced it: no failure.
	if run.Conclusion != "success" {
		t.Errorf("conclusion %q", run.Conclusion)
	}
}

func TestSkippedAndExcludedFilesMakeThingsClear(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1,
		addedFile("src/a.test.ts", tsSource("t", 1, 0)),                                       // test code: excluded by default
		fakegithub.File{Path: "src/old.ts", Status: "removed"},                                // removed
		fakegithub.File{Path: "src/moved.ts", PreviousPath: "src/orig.ts", Status: "renamed"}, // pure rename
		addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.mustReview(e.job(head1))
	run := e.onlyRun()
	if !strings.Contains(run.Summary, "src/a.test.ts") || !strings.Contains(run.Summary, "test code") {
		t.Errorf("excluded test file not explained:\n%s", run.Summary)
	}
	if strings.Contains(run.Summary, "src/moved.ts") || strings.Contains(run.Summary, "src/old.ts") {
		t.Errorf("removed/renamed files reported:\n%s", run.Summary)
	}
	if len(e.comments()) != 1 {
		t.Errorf("comments %d", len(e.comments()))
	}
}

func TestTruncatedFileListIsNeutral(t *testing.T) {
	e := newEnv(t)
	e.setConfig("fail_on: warning\n")
	files := make([]fakegithub.File, 0, 3001)
	files = append(files, addedFile("src/a.ts", "export const x = 1;\n"))
	for i := 0; i < 3000; i++ {
		files = append(files, fakegithub.File{Path: "assets/img" + itoa(i) + ".png", Status: "added"})
	}
	e.addPR(head1, files...)
	e.mustReview(e.job(head1))
	run := e.onlyRun()
	if run.Conclusion != "neutral" || !strings.Contains(run.Title, "partial") || !strings.Contains(run.Summary, "3000 files") {
		t.Errorf("run %s %q:\n%s", run.Conclusion, run.Title, run.Summary)
	}
}

func TestForkPullRequestReadsThroughTheBaseRepository(t *testing.T) {
	e := newEnv(t)
	e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 1, HeadSHA: head1, BaseSHA: baseSHA, HeadRepo: "someone/api",
		Files: []fakegithub.File{addedFile("src/a.ts", tsSource("load", 1, 0))}})
	e.mustReview(e.job(head1))
	if len(e.comments()) != 1 || e.onlyRun().Conclusion != "success" {
		t.Errorf("fork pull request: %d comments, run %s", len(e.comments()), e.onlyRun().Conclusion)
	}
}

func TestMergeGroupFastPath(t *testing.T) {
	e := newEnv(t)
	job := e.job(head1)
	job.Number, job.MergeGroup, job.BaseRef = 0, true, "refs/heads/main"
	e.mustReview(job)
	run := e.onlyRun()
	if run.HeadSHA != head1 || run.Status != "completed" || run.Conclusion != "success" || run.Name != "hotpath" {
		t.Errorf("merge group run %+v", run)
	}
	counts := e.fg.Counts()
	delete(counts, ghroute.AccessTokens)
	if len(counts) != 1 || counts[ghroute.CheckRunCreate] != 1 {
		t.Errorf("merge group requests %v, want one check run POST", counts)
	}
}

func TestPermanentErrors(t *testing.T) {
	t.Run("pull request not found", func(t *testing.T) {
		e := newEnv(t)
		e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 2, HeadSHA: head1})
		err := e.review(e.job(head1)) // number 1 does not exist
		if !queue.IsPermanent(err) {
			t.Fatalf("err = %v, want permanent", err)
		}
		run := e.onlyRun()
		if run.Status != "completed" || run.Conclusion != "failure" || !strings.Contains(strings.ToLower(run.Summary), "not found") {
			t.Errorf("run %s/%s: %s", run.Status, run.Conclusion, run.Summary)
		}
	})
	t.Run("installation gone", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		e.fg.DeleteInstallation(instID)
		if err := e.review(e.job(head1)); !queue.IsPermanent(err) {
			t.Fatalf("err = %v, want permanent", err)
		}
	})
	t.Run("invalid job", func(t *testing.T) {
		e := newEnv(t)
		job := e.job("")
		if err := e.review(job); !queue.IsPermanent(err) {
			t.Fatalf("err = %v, want permanent", err)
		}
		if e.fg.Total() != 0 {
			t.Errorf("an invalid job made %d requests", e.fg.Total())
		}
	})
}

func TestGiveUpCompletesTheRun(t *testing.T) {
	t.Run("existing run", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		e.fg.FailNext(ghroute.PullFiles, http.StatusServiceUnavailable, 3)
		job := e.job(head1)
		job.Attempt, job.MaxAttempts = 8, 8
		cause := e.review(job)
		if cause == nil {
			t.Fatal("want an error")
		}
		if err := e.rv.GiveUp(context.Background(), job, cause); err != nil {
			t.Fatal(err)
		}
		run := e.onlyRun()
		if run.Status != "completed" || run.Conclusion != "failure" || !strings.Contains(run.Summary, "503") ||
			!strings.Contains(run.Summary, "Re-run") {
			t.Errorf("run %s/%s: %s", run.Status, run.Conclusion, run.Summary)
		}
		if recs := e.store.Records(); len(recs) != 1 || !recs[0].Completed {
			t.Errorf("store %+v", recs)
		}
	})
	t.Run("no run yet", func(t *testing.T) {
		e := newEnv(t)
		e.addPR(head1)
		job := e.job(head1)
		if err := e.rv.GiveUp(context.Background(), job, errors.New("panic: boom\ngoroutine 1 [running]:\nmain.main()")); err != nil {
			t.Fatal(err)
		}
		run := e.onlyRun()
		if run.Status != "completed" || run.Conclusion != "failure" || run.ExternalID != "1" {
			t.Errorf("run %+v", run)
		}
		if strings.Contains(run.Summary, "goroutine") {
			t.Errorf("stack trace in the summary:\n%s", run.Summary)
		}
	})
}

func TestSweepCompletesStaleRuns(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1)
	stale := e.fg.AddCheckRun(owner, repoName, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head1, ExternalID: "1", Status: "in_progress"})
	fresh := e.fg.AddCheckRun(owner, repoName, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head1, ExternalID: "1", Status: "in_progress"})
	done := e.fg.AddCheckRun(owner, repoName, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head1, ExternalID: "1", Status: "completed", Conclusion: "success"})
	ctx := context.Background()
	put := func(job, id int64, age time.Duration) review.CheckRunKey {
		k := review.CheckRunKey{InstallationID: instID, RepoID: 1, HeadSHA: head1, JobID: job}
		if err := e.store.Put(ctx, review.CheckRunRecord{Key: k, Owner: owner, Repo: repoName, Number: 1, CheckRunID: id,
			UpdatedAt: e.now.Add(-age)}); err != nil {
			t.Fatal(err)
		}
		return k
	}
	put(1, stale, time.Hour)
	put(2, fresh, time.Minute)
	put(3, done, time.Hour) // completed on GitHub, not in the store (a crash right after completing)
	if err := e.rv.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	for _, r := range e.runs() {
		switch r.ID {
		case stale:
			if r.Conclusion != "timed_out" || !strings.Contains(r.Summary, "Re-run") {
				t.Errorf("stale run %s: %s", r.Conclusion, r.Summary)
			}
		case fresh:
			if r.Status != "in_progress" {
				t.Errorf("a fresh run was swept")
			}
		case done:
			if r.Conclusion != "success" {
				t.Errorf("a completed run was overwritten with %s", r.Conclusion)
			}
		}
	}
	for _, rec := range e.store.Records() {
		if want := rec.CheckRunID != fresh; rec.Completed != want {
			t.Errorf("record for run %d completed=%v", rec.CheckRunID, rec.Completed)
		}
	}
	if left, _ := e.store.Stale(ctx, e.now, 0); len(left) != 1 {
		t.Errorf("stale records left: %+v", left)
	}
	if got := metricValue(t, e.reg, "hotpath_check_runs_swept_total", nil); got != 1 {
		t.Errorf("swept = %v", got)
	}
}

func TestRetryAfterSweepStartsAFreshRun(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.fg.FailNext(ghroute.PullFiles, http.StatusServiceUnavailable, 3)
	job := e.job(head1)
	if err := e.review(job); err == nil {
		t.Fatal("want an error")
	}
	e.now = e.now.Add(2 * time.Hour)
	if err := e.rv.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	job.Attempt = 2
	e.mustReview(job)
	runs := e.runs()
	if len(runs) != 2 || runs[0].Conclusion != "timed_out" || runs[1].Conclusion != "success" {
		t.Errorf("runs: %+v", runs)
	}
}

func TestReviewSubmittedTooQuicklySnoozes(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
	e.fg.InjectFault(ghroute.PullReviewCreate, 1, fakegithub.Fault{Status: http.StatusUnprocessableEntity,
		Body: `{"message":"Validation Failed","errors":["was submitted too quickly"]}`})
	err := e.review(e.job(head1))
	var ra queue.RetryAfter
	if !errors.As(err, &ra) || ra.RetryAfter() < time.Minute-time.Second {
		t.Fatalf("err = %v, want a snooze of about a minute", err)
	}
	if n := e.fg.Count(ghroute.PullReviewCreate); n != 1 {
		t.Errorf("review POSTs = %d, want 1 (no fallback for a rate limit)", n)
	}
}

func TestRefusedAnnotationsStillCompleteTheRun(t *testing.T) {
	e := newEnv(t)
	e.addPR(head1, addedFile("src/a.ts", tsSource("load", 2, 0)))
	e.fg.InjectFault(ghroute.CheckRunUpdate, 1, fakegithub.Fault{Status: http.StatusUnprocessableEntity,
		Body: `{"message":"Invalid request.\n\nannotation is not valid."}`})
	e.mustReview(e.job(head1))
	run := e.onlyRun()
	if run.Status != "completed" || run.Conclusion != "success" || len(run.Annotations) != 0 ||
		!strings.Contains(run.Summary, "refused this run's annotations") {
		t.Errorf("run %s/%s, %d annotations:\n%s", run.Status, run.Conclusion, len(run.Annotations), run.Summary)
	}
	if len(e.comments()) != 2 {
		t.Errorf("comments %d", len(e.comments()))
	}
}

func TestNoCleanupWhenAFileHasSyntaxErrors(t *testing.T) {
	e := newEnv(t)
	broken := "export function f( {\n  return ;;; }}}\n"
	e.addPR(head1, addedFile("src/a.ts", broken), addedFile("src/clean.ts", tsSource("clean", 1, 0)))
	old := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/a.ts", Line: 1,
		Body: comments.Marker("gone1", "query-in-loop") + "\nold"})
	// A file that parsed cleanly in the same run is still cleaned up.
	stale := e.fg.AddReviewComment(owner, repoName, 1, fakegithub.ReviewComment{Path: "src/clean.ts", Line: 1,
		Body: comments.Marker("gone2", "query-in-loop") + "\nold"})
	e.mustReview(e.job(head1))
	deleted := map[int64]bool{}
	for _, c := range e.fg.DeletedComments() {
		deleted[c.ID] = true
	}
	if deleted[old] {
		t.Errorf("deleted comment %d of a file that did not parse cleanly", old)
	}
	if !deleted[stale] || len(deleted) != 1 {
		t.Errorf("deleted %v, want only the outdated comment of the clean file (%d)", deleted, stale)
	}
	if run := e.onlyRun(); run.Status != "completed" {
		t.Errorf("run %s", run.Status)
	}
}

func TestFailOnNeverNeverFails(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"rules:\n  query-in-loop: error\n", "failure"},
		{"rules:\n  query-in-loop: error\nfail_on: never\n", "success"},
	} {
		e := newEnv(t)
		e.setConfig(tc.config)
		e.addPR(head1, addedFile("src/a.ts", tsSource("load", 1, 0)))
		e.mustReview(e.job(head1))
		run := e.onlyRun()
		if run.Conclusion != tc.want || len(run.Annotations) != 1 || run.Annotations[0].Level != "failure" {
			t.Errorf("%q: run %s with annotations %+v, want %s", tc.config, run.Conclusion, run.Annotations, tc.want)
		}
	}
}
