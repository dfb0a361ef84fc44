package server

// End-to-end tests: the real server (echo handler, queue on SQLite, review
// pipeline, GitHub client) driven by signed webhooks against the fake
// GitHub. Each test has its own fake and database and runs in parallel.

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
	"github.com/hotpath-app/hotpath/internal/queue"
)

// Sources with findings: two N+1 queries (warnings) and a leaked pool
// client (an error, so the default fail_on fails the check).
const (
	ordersTS = `import { Pool } from "pg";

const pool = new Pool();

export async function loadOrders(ids: string[]) {
  const out = [];
  for (const id of ids) {
    const res = await pool.query("SELECT * FROM orders WHERE id = $1", [id]);
    out.push(res.rows[0]);
  }
  return out;
}
`
	usersGo = `package users

import (
	"context"
	"database/sql"
)

func Names(ctx context.Context, db *sql.DB, ids []int64) ([]string, error) {
	var names []string
	for _, id := range ids {
		var name string
		if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
`
	reportTS = `import { Pool } from "pg";

const pool = new Pool();

export async function report(req: any, res: any) {
  const client = await pool.connect();
  const r = await client.query("SELECT count(*) FROM orders");
  res.json(r.rows);
}
`
	cleanTS = `export function add(a: number, b: number): number {
  return a + b;
}
`
)

// file is a new file in a pull request (its patch adds every line).
func file(path, content string) fakegithub.File {
	return fakegithub.File{Path: path, Patch: fakegithub.AddedPatch(content), Content: []byte(content)}
}

// shifted moves every line of src down by a new leading comment, so the
// findings stay the same but their line numbers change.
func shifted(path, src string) fakegithub.File {
	c := "// revised\n"
	if strings.HasSuffix(path, ".go") {
		c = "// Package users: revised.\n"
	}
	return file(path, c+src)
}

func prFiles() []fakegithub.File {
	return []fakegithub.File{file("src/orders.ts", ordersTS), file("internal/users/users.go", usersGo), file("src/report.ts", reportTS)}
}

// app is a running hotpath server plus the fake GitHub it talks to.
type app struct {
	t    *testing.T
	fg   *fakegithub.Server
	srv  *running
	repo repoInfo
	base string
}

func newApp(t *testing.T, tune ...func(*Options)) *app {
	t.Helper()
	fg := fakegithub.New(t)
	a := &app{t: t, fg: fg, repo: testRepo, base: sha("base-main")}
	fg.AddRepo(a.repo.Owner, a.repo.Name, a.repo.InstallationID)
	fg.SetBranch(a.repo.Owner, a.repo.Name, "main", a.base)
	var opts Options
	for _, f := range tune {
		f(&opts)
	}
	a.srv = startServer(t, testSettings(t, fg), opts)
	return a
}

// openPR adds a pull request at head and delivers pull_request opened.
func (a *app) openPR(number int, head string, files ...fakegithub.File) {
	a.t.Helper()
	a.fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: number, HeadSHA: head, BaseSHA: a.base, Files: files})
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "opened", number, head, a.base, nil), http.StatusAccepted)
}

// push moves the pull request's head and delivers synchronize.
func (a *app) push(number int, head string, files ...fakegithub.File) {
	a.t.Helper()
	a.fg.SetHead(a.repo.Owner, a.repo.Name, number, head, files...)
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "synchronize", number, head, a.base, nil), http.StatusAccepted)
}

// deliver posts a signed delivery and checks the status code.
func (a *app) deliver(event, id string, body []byte, want int) string {
	a.t.Helper()
	code, resp := post(a.t, a.srv.url, delivery{Event: event, ID: id, Body: body})
	if code != want {
		a.t.Fatalf("%s delivery: %d %q, want %d", event, code, resp, want)
	}
	return resp
}

// checkRuns returns the hotpath check runs on head.
func (a *app) checkRuns(head string) []fakegithub.CheckRun {
	var out []fakegithub.CheckRun
	for _, cr := range a.fg.CheckRuns(a.repo.Owner, a.repo.Name) {
		if cr.HeadSHA == head && cr.Name == "hotpath" {
			out = append(out, cr)
		}
	}
	return out
}

// waitCompleted waits until n hotpath check runs on head are completed and
// returns them (in creation order).
func (a *app) waitCompleted(head string, n int) []fakegithub.CheckRun {
	a.t.Helper()
	var runs []fakegithub.CheckRun
	waitFor(a.t, 30*time.Second, fmt.Sprintf("%d completed check run(s) on %s", n, head[:7]), func() (bool, string) {
		runs = a.checkRuns(head)
		done := 0
		for _, cr := range runs {
			if cr.Status == "completed" {
				done++
			}
		}
		return done >= n, describeRuns(runs)
	})
	return runs
}

func describeRuns(runs []fakegithub.CheckRun) string {
	var b strings.Builder
	for _, cr := range runs {
		fmt.Fprintf(&b, "[run %d %s/%s %q] ", cr.ID, cr.Status, cr.Conclusion, cr.Title)
	}
	if b.Len() == 0 {
		return "no check runs"
	}
	return b.String()
}

func (a *app) reviews(number int) []fakegithub.Review {
	return a.fg.Reviews(a.repo.Owner, a.repo.Name, number)
}

// inline returns the App's review comments (thread starters) on a PR.
func (a *app) inline(number int) []fakegithub.ReviewComment {
	var out []fakegithub.ReviewComment
	for _, c := range a.fg.ReviewComments(a.repo.Owner, a.repo.Name, number) {
		if c.Author == a.fg.BotLogin() && c.InReplyTo == 0 {
			out = append(out, c)
		}
	}
	return out
}

var markerRE = regexp.MustCompile(`<!-- hotpath:fp=(\S+) rule=(\S+) -->`)

// fingerprints returns each comment's marker fingerprint; it fails the test
// for a comment without one.
func (a *app) fingerprints(cs []fakegithub.ReviewComment) []string {
	a.t.Helper()
	var out []string
	for _, c := range cs {
		m := markerRE.FindStringSubmatch(c.Body)
		if m == nil {
			a.t.Fatalf("comment %d has no hotpath marker:\n%s", c.ID, c.Body)
		}
		out = append(out, m[1])
	}
	return out
}

// metric reads a counter of the server's registry.
func (a *app) metric(name string, labels ...string) float64 {
	a.t.Helper()
	mfs, err := a.srv.Registry().Gather()
	if err != nil {
		a.t.Fatal(err)
	}
	total := 0.0
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metrics:
		for _, m := range mf.GetMetric() {
			for i := 0; i+1 < len(labels); i += 2 {
				found := false
				for _, lp := range m.GetLabel() {
					if lp.GetName() == labels[i] && lp.GetValue() == labels[i+1] {
						found = true
					}
				}
				if !found {
					continue metrics
				}
			}
			total += m.GetCounter().GetValue()
		}
	}
	return total
}

// assertNoSecrets fails when the logs contain the webhook secret, the
// private key or an installation token.
func assertNoSecrets(t *testing.T, fg *fakegithub.Server, logs string) {
	t.Helper()
	if len(fg.IssuedTokens()) == 0 {
		t.Error("no installation token was issued; the secrets check proves less than it should")
	}
	key := string(fg.AppPrivateKeyPEM())
	for _, s := range append([]string{testSecret, key[40:80], key[len(key)/2 : len(key)/2+40]}, fg.IssuedTokens()...) {
		if strings.Contains(logs, s) {
			t.Errorf("logs contain a secret (%s…)", s[:6])
		}
	}
}

func TestE2EOpenedThenSynchronize(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	headA := sha("pr1-a")
	a.openPR(1, headA, prFiles()...)

	runs := a.waitCompleted(headA, 1)
	if len(runs) != 1 {
		t.Fatalf("check runs on the head: %s", describeRuns(runs))
	}
	cr := runs[0]
	if cr.Conclusion != "failure" || cr.ExternalID != "1" || cr.AppID != a.fg.AppID() {
		t.Errorf("check run: conclusion %q external_id %q app %d; want failure (missing-release is an error), 1, %d",
			cr.Conclusion, cr.ExternalID, cr.AppID, a.fg.AppID())
	}
	if len(cr.Annotations) != 3 {
		t.Errorf("annotations: %+v, want 3", cr.Annotations)
	}
	for _, want := range []string{"query-in-loop", "missing-release"} {
		if !strings.Contains(cr.Summary, want) {
			t.Errorf("summary does not mention %s:\n%s", want, cr.Summary)
		}
	}
	rvs := a.reviews(1)
	if len(rvs) != 1 {
		t.Fatalf("reviews: %d, want 1", len(rvs))
	}
	if rvs[0].Event != "COMMENT" || rvs[0].CommitID != headA || len(rvs[0].CommentIDs) != 3 {
		t.Errorf("review: event %s commit %s with %d comments; want COMMENT on the head with 3", rvs[0].Event, rvs[0].CommitID, len(rvs[0].CommentIDs))
	}
	first := a.inline(1)
	fps := a.fingerprints(first)
	byPath := map[string]int{}
	for _, c := range first {
		byPath[c.Path] = c.Line
	}
	if byPath["src/orders.ts"] != 8 || byPath["internal/users/users.go"] != 12 || byPath["src/report.ts"] != 6 {
		t.Errorf("comment anchors: %v", byPath)
	}

	// The same findings after a push (every line moved down by one): no
	// new comment, no second review.
	headB := sha("pr1-b")
	a.push(1, headB, shifted("src/orders.ts", ordersTS), shifted("internal/users/users.go", usersGo), shifted("src/report.ts", reportTS))
	runsB := a.waitCompleted(headB, 1)
	if len(runsB) != 1 || runsB[0].Conclusion != "failure" {
		t.Errorf("check runs on the new head: %s", describeRuns(runsB))
	}
	after := a.inline(1)
	if len(after) != len(first) {
		t.Errorf("comments after synchronize: %d, want %d (no duplicates)", len(after), len(first))
	}
	seen := map[string]int{}
	for _, fp := range a.fingerprints(after) {
		seen[fp]++
	}
	for _, fp := range fps {
		if seen[fp] != 1 {
			t.Errorf("fingerprint %s commented %d times", fp, seen[fp])
		}
	}
	if n := len(a.reviews(1)); n != 1 {
		t.Errorf("reviews after synchronize: %d, want 1", n)
	}
	assertNoSecrets(t, a.fg, a.srv.logs.String())
}

func TestE2ERedeliveredAndDuplicateEvents(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	head := sha("pr2")
	a.fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: 2, HeadSHA: head, BaseSHA: a.base, Files: prFiles()})
	body := pullRequestEvent(a.repo, "opened", 2, head, a.base, nil)
	id := newDeliveryID()
	a.deliver("pull_request", id, body, http.StatusAccepted)
	// The same delivery twice more (GitHub redelivery), and the same head
	// in two other deliveries (reopened, ready_for_review).
	a.deliver("pull_request", id, body, http.StatusOK)
	a.deliver("pull_request", id, body, http.StatusOK)
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "reopened", 2, head, a.base, nil), http.StatusOK)
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "ready_for_review", 2, head, a.base, nil), http.StatusOK)

	runs := a.waitCompleted(head, 1)
	if len(runs) != 1 {
		t.Errorf("check runs: %s; want exactly one", describeRuns(runs))
	}
	if n := len(a.reviews(2)); n != 1 {
		t.Errorf("reviews: %d, want 1", n)
	}
	if n := len(a.inline(2)); n != 3 {
		t.Errorf("comments: %d, want 3", n)
	}
	if got := a.metric("hotpath_queue_enqueued_total", "outcome", "duplicate_delivery"); got != 2 {
		t.Errorf("duplicate deliveries counted: %v, want 2", got)
	}
	if got := a.metric("hotpath_queue_enqueued_total", "outcome", "duplicate_job"); got != 2 {
		t.Errorf("duplicate jobs counted: %v, want 2", got)
	}
}

// Two quick pushes: by the time the first job runs the head has moved, so
// only the newest head is reviewed and the older check is cancelled.
func TestE2ETwoQuickPushes(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	headA, headB := sha("pr3-a"), sha("pr3-b")
	a.fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: 3, HeadSHA: headA, BaseSHA: a.base, Files: prFiles()})
	a.fg.SetHead(a.repo.Owner, a.repo.Name, 3, headB, shifted("src/orders.ts", ordersTS), file("src/clean.ts", cleanTS))
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "opened", 3, headA, a.base, nil), http.StatusAccepted)
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "synchronize", 3, headB, a.base, nil), http.StatusAccepted)

	runsA := a.waitCompleted(headA, 1)
	runsB := a.waitCompleted(headB, 1)
	if len(runsA) != 1 || runsA[0].Conclusion != "cancelled" || !strings.Contains(runsA[0].Title+runsA[0].Summary, headB[:7]) {
		t.Errorf("older head: %s; want one cancelled run naming %s", describeRuns(runsA), headB[:7])
	}
	if len(runsB) != 1 || runsB[0].Conclusion != "success" {
		t.Errorf("newer head: %s; want one successful run (warnings only)", describeRuns(runsB))
	}
	rvs := a.reviews(3)
	if len(rvs) != 1 || rvs[0].CommitID != headB {
		t.Fatalf("reviews: %+v; want one on %s", rvs, headB[:7])
	}
	for _, c := range a.inline(3) {
		if c.OriginalCommitID != headB || c.Path != "src/orders.ts" {
			t.Errorf("comment on %s at %s; want only src/orders.ts at the newest head", c.Path, c.OriginalCommitID[:7])
		}
	}
}

func TestE2EConfig(t *testing.T) {
	t.Parallel()
	a := newApp(t)

	// A rule turned off in the base branch's config: no comment.
	a.fg.SetFile(a.repo.Owner, a.repo.Name, a.base, ".github/hotpath.yml", []byte("rules:\n  query-in-loop: off\n"))
	head := sha("pr4")
	a.openPR(4, head, file("src/orders.ts", ordersTS), file("internal/users/users.go", usersGo))
	runs := a.waitCompleted(head, 1)
	if len(runs) != 1 || runs[0].Conclusion != "success" || len(runs[0].Annotations) != 0 {
		t.Errorf("rule off: %s, %d annotations; want success without annotations", describeRuns(runs), len(runs[0].Annotations))
	}
	if n := len(a.inline(4)); n != 0 {
		t.Errorf("rule off: %d comments, want 0", n)
	}
	if !strings.Contains(runs[0].Summary, ".github/hotpath.yml") {
		t.Errorf("summary does not name the config source:\n%s", runs[0].Summary)
	}

	// A broken config on another base: a failing check that quotes the
	// error and its line, no review, no retry.
	base2 := sha("base-broken")
	a.fg.SetFile(a.repo.Owner, a.repo.Name, base2, ".github/hotpath.yml", []byte("fail_on: warning\nrules:\n  query-in-loop: eror\n"))
	head2 := sha("pr5")
	a.fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: 5, HeadSHA: head2, BaseSHA: base2, Files: prFiles()})
	a.deliver("pull_request", "", pullRequestEvent(a.repo, "opened", 5, head2, base2, nil), http.StatusAccepted)
	runs = a.waitCompleted(head2, 1)
	if len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Fatalf("broken config: %s; want one failed run", describeRuns(runs))
	}
	for _, want := range []string{"line 3", "eror", ".github/hotpath.yml"} {
		if !strings.Contains(runs[0].Summary, want) {
			t.Errorf("broken-config summary lacks %q:\n%s", want, runs[0].Summary)
		}
	}
	if n := len(a.reviews(5)); n != 0 {
		t.Errorf("broken config: %d reviews, want 0", n)
	}
	waitFor(t, 10*time.Second, "both jobs to finish", func() (bool, string) {
		return a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "completed") == 2, ""
	})
	if got := a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "retried"); got != 0 {
		t.Errorf("jobs retried: %v, want 0", got)
	}
}

// A 500 on the review POST (never retried inside the call: it is a write)
// fails the attempt; the queue retries, the next attempt reuses the check
// run and posts once.
func TestE2EServerErrorThenSuccess(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	a.fg.FailNext(ghroute.PullReviewCreate, http.StatusInternalServerError, 1)
	a.fg.FailNext(ghroute.PullGet, http.StatusBadGateway, 1) // a read: retried inside the call
	head := sha("pr6")
	a.openPR(6, head, prFiles()...)
	runs := a.waitCompleted(head, 1)
	if len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Errorf("check runs: %s; want one (reused by the retry), completed", describeRuns(runs))
	}
	if n := len(a.reviews(6)); n != 1 {
		t.Errorf("reviews: %d, want 1", n)
	}
	if n := len(a.inline(6)); n != 3 {
		t.Errorf("comments: %d, want 3", n)
	}
	if got := a.fg.Count(ghroute.PullReviewCreate); got != 2 {
		t.Errorf("review POSTs: %d, want 2 (the 500, then the review)", got)
	}
	if got := a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "retried"); got != 1 {
		t.Errorf("attempts retried: %v, want 1", got)
	}
}

// A secondary rate limit with Retry-After snoozes the job (no attempt used)
// and the review completes after it. Inline waiting is off so a short
// Retry-After reaches the queue (in production only limits longer than 5 s
// do).
func TestE2ESecondaryRateLimitSnoozes(t *testing.T) {
	t.Parallel()
	a := newApp(t, func(o *Options) {
		o.GitHub = func(c *githubapi.Config) { fastGitHub(c); c.MaxInlineWait = -1 }
	})
	a.fg.RateLimitNext(ghroute.PullReviewCreate, 1, fakegithub.RateLimit{Status: http.StatusForbidden, Secondary: true, RetryAfter: time.Second})
	head := sha("pr7")
	a.openPR(7, head, prFiles()...)
	runs := a.waitCompleted(head, 1)
	if len(runs) != 1 {
		t.Errorf("check runs: %s; want one", describeRuns(runs))
	}
	if n := len(a.reviews(7)); n != 1 {
		t.Errorf("reviews: %d, want 1", n)
	}
	waitFor(t, 10*time.Second, "the job to finish", func() (bool, string) {
		return a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "completed") == 1, ""
	})
	if got := a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "snoozed"); got != 1 {
		t.Errorf("snoozes: %v, want 1", got)
	}
	if got := a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "retried"); got != 0 {
		t.Errorf("retries: %v, want 0 (a rate limit is not a failure)", got)
	}
}

// GitHub refuses one anchor (422 for the whole review): the review is
// posted again without the suspect comment, which moves to the body.
func TestE2EBadAnchor(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	a.fg.InjectFault(ghroute.PullReviewCreate, 1, fakegithub.Fault{Status: http.StatusUnprocessableEntity,
		Body: `{"message":"Unprocessable Entity","errors":[{"resource":"PullRequestReviewThread","code":"custom","field":"pull_request_review_thread.line","message":"` +
			fakegithub.MsgLineNotInDiff + `"}],"documentation_url":"https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request","status":"422"}`})
	head := sha("pr8")
	a.openPR(8, head, prFiles()...)
	runs := a.waitCompleted(head, 1)
	if len(runs) != 1 {
		t.Errorf("check runs: %s", describeRuns(runs))
	}
	rvs := a.reviews(8)
	if len(rvs) != 1 {
		t.Fatalf("reviews: %d, want 1", len(rvs))
	}
	if n := len(rvs[0].CommentIDs); n != 2 {
		t.Errorf("inline comments: %d, want 2 (one refused)", n)
	}
	posted := map[string]bool{}
	for _, c := range a.inline(8) {
		posted[c.Path] = true
	}
	var missing string
	for _, f := range []string{"src/orders.ts", "internal/users/users.go", "src/report.ts"} {
		if !posted[f] {
			missing = f
		}
	}
	if missing == "" || !strings.Contains(rvs[0].Body, missing) {
		t.Errorf("the refused finding (%q) is not in the review body:\n%s", missing, rvs[0].Body)
	}
	if got := a.fg.Count(ghroute.PullReviewCreate); got != 2 {
		t.Errorf("review POSTs: %d, want 2", got)
	}
}

func TestE2ECheckRunRerequested(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	head := sha("pr9")
	a.openPR(9, head, prFiles()...)
	first := a.waitCompleted(head, 1)[0]

	a.deliver("check_run", "", checkRunRerequested(a.repo, a.fg.AppID(), first.ID, 9, head, a.base), http.StatusAccepted)
	runs := a.waitCompleted(head, 2)
	if len(runs) != 2 || runs[1].ID == first.ID || runs[1].Conclusion != first.Conclusion {
		t.Fatalf("after re-request: %s; want a second, new run with the same conclusion", describeRuns(runs))
	}
	if n := len(a.reviews(9)); n != 1 {
		t.Errorf("reviews: %d, want 1 (a re-run does not post the same review again)", n)
	}
	if n := len(a.inline(9)); n != 3 {
		t.Errorf("comments: %d, want 3", n)
	}
	// A re-request for another App's run is ignored.
	a.deliver("check_run", "", checkRunRerequested(a.repo, a.fg.AppID()+1, first.ID, 9, head, a.base), http.StatusAccepted)
}

func TestE2EMergeGroup(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	head := sha("merge-group-1")
	a.fg.ResetRequests()
	t0 := time.Now()
	a.deliver("merge_group", "", mergeGroupEvent(a.repo, head, a.base), http.StatusAccepted)
	runs := a.waitCompleted(head, 1)
	t.Logf("merge group check completed %s after the webhook", time.Since(t0).Round(time.Millisecond))
	if len(runs) != 1 || runs[0].Conclusion != "success" || runs[0].Requests != 1 {
		t.Errorf("merge group: %s (%d requests); want one successful run created completed", describeRuns(runs), runs[0].Requests)
	}
	// Nothing but the token and the check run: no pull request reads, no
	// analysis.
	for route, n := range a.fg.Counts() {
		if route != ghroute.AccessTokens && route != ghroute.CheckRunCreate && route != ghroute.App {
			t.Errorf("merge group made %d %s request(s)", n, route)
		}
	}
}

func TestE2EInstallationDeletedCancelsPendingJobs(t *testing.T) {
	t.Parallel()
	a := newApp(t, func(o *Options) {
		o.Queue = func(q *queue.Options) { fastQueue(q); q.Workers = 1 }
	})
	// The first review is slow (its first pull request read waits), so the
	// second waits for the only worker.
	a.fg.InjectFault(ghroute.PullGet, 1, fakegithub.Fault{Delay: 1500 * time.Millisecond})
	head1, head2 := sha("pr10"), sha("pr11")
	a.openPR(10, head1, prFiles()...)
	waitFor(t, 10*time.Second, "the first review to start", func() (bool, string) {
		return len(a.checkRuns(head1)) == 1, ""
	})
	a.openPR(11, head2, prFiles()...)
	a.deliver("installation", "", installationEvent(a.repo, "deleted"), http.StatusOK)

	a.waitCompleted(head1, 1) // the running review finishes
	waitFor(t, 10*time.Second, "PR 10's job to complete and PR 11's to be cancelled", func() (bool, string) {
		states := a.jobStates()
		return states[10] == "completed" && states[11] == "cancelled", fmt.Sprint(states)
	})
	if runs := a.checkRuns(head2); len(runs) != 0 {
		t.Errorf("the cancelled job ran: %s", describeRuns(runs))
	}
	if got := a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "cancelled_installation"); got != 1 {
		t.Errorf("cancelled_installation: %v, want 1", got)
	}
	if a.srv.Clients().Cached(a.repo.InstallationID) {
		t.Error("the deleted installation's token transport is still cached")
	}
}

// jobStates reads the review jobs' states from the SQLite database, by
// pull request number.
func (a *app) jobStates() map[int]string {
	a.t.Helper()
	db, err := sql.Open("sqlite", "file:"+a.srv.settings.DatabaseURL+"?_pragma=busy_timeout(10000)")
	if err != nil {
		a.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT state, json_extract(args, '$.number') FROM river_job WHERE kind = 'review_pr'`)
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var state string
		var number int
		if err := rows.Scan(&state, &number); err != nil {
			a.t.Fatal(err)
		}
		out[number] = state
	}
	return out
}

func TestE2EBadDeliveriesThenWorks(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	head := sha("pr12")
	body := pullRequestEvent(a.repo, "opened", 12, head, a.base, nil)
	a.fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: 12, HeadSHA: head, BaseSHA: a.base, Files: prFiles()})
	cases := []struct {
		name string
		d    delivery
		want int
	}{
		{"bad signature", delivery{Event: "pull_request", Body: body, BadSig: true}, http.StatusUnauthorized},
		{"signed with another secret", delivery{Event: "pull_request", Body: body, Secret: []byte("guess")}, http.StatusUnauthorized},
		{"no signature", delivery{Event: "pull_request", Body: body, NoSig: true}, http.StatusBadRequest},
		{"malformed JSON", delivery{Event: "pull_request", Body: []byte(`{"action": "opened", "number": 12`)}, http.StatusBadRequest},
		{"wrong types", delivery{Event: "pull_request", Body: []byte(`{"action": "opened", "number": "twelve"}`)}, http.StatusBadRequest},
		{"no installation", delivery{Event: "pull_request", Body: []byte(`{"action":"opened","number":12,"pull_request":{"number":12,"head":{"sha":"` + head + `"}},"repository":{"id":1,"name":"r","owner":{"login":"o"}}}`)}, http.StatusBadRequest},
		{"no event header", delivery{Event: "", Body: body}, http.StatusBadRequest},
	}
	for _, c := range cases {
		if code, resp := post(t, a.srv.url, c.d); code != c.want {
			t.Errorf("%s: %d %q, want %d", c.name, code, resp, c.want)
		}
	}
	if code, _ := get(t, a.srv.url+PathReady); code != http.StatusOK {
		t.Errorf("readyz after bad deliveries: %d", code)
	}
	if n := len(a.checkRuns(head)); n != 0 {
		t.Fatalf("a rejected delivery started a review")
	}
	a.deliver("pull_request", "", body, http.StatusAccepted)
	if runs := a.waitCompleted(head, 1); len(runs) != 1 {
		t.Errorf("check runs: %s", describeRuns(runs))
	}
	if n := len(a.reviews(12)); n != 1 {
		t.Errorf("reviews: %d, want 1", n)
	}
	if got := a.metric("hotpath_webhook_deliveries_total", "outcome", "unauthorized"); got != 2 {
		t.Errorf("unauthorized deliveries counted: %v, want 2", got)
	}
	// One registry: every component's metrics on /metrics (the job is
	// counted just after it completed the check run).
	waitFor(t, 10*time.Second, "the job to be counted", func() (bool, string) {
		return a.metric("hotpath_queue_jobs_total", "kind", queue.KindReview, "outcome", "completed") == 1, ""
	})
	code, metrics := get(t, a.srv.url+PathMetrics)
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d", code)
	}
	for _, name := range []string{"hotpath_webhook_deliveries_total", "hotpath_queue_jobs_total", "hotpath_reviews_total",
		"hotpath_review_comments_posted_total", "hotpath_github_requests_total", "go_goroutines"} {
		if !strings.Contains(metrics, name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
}

// TestE2EDrafts: draft pull requests are skipped unless the server is
// started with HOTPATH_REVIEW_DRAFTS, and ready_for_review reviews them.
func TestE2EDrafts(t *testing.T) {
	t.Parallel()
	for _, reviewDrafts := range []bool{false, true} {
		fg := fakegithub.New(t)
		a := &app{t: t, fg: fg, repo: testRepo, base: sha("base-main")}
		fg.AddRepo(a.repo.Owner, a.repo.Name, a.repo.InstallationID)
		fg.SetBranch(a.repo.Owner, a.repo.Name, "main", a.base)
		settings := testSettings(t, fg)
		settings.ReviewDrafts = reviewDrafts
		a.srv = startServer(t, settings, Options{})

		head := sha(fmt.Sprintf("draft-%t", reviewDrafts))
		fg.AddPullRequest(a.repo.Owner, a.repo.Name, fakegithub.PullRequest{Number: 5, HeadSHA: head, BaseSHA: a.base, Files: prFiles()})
		body := pullRequestEvent(a.repo, "opened", 5, head, a.base, nil)
		var ev map[string]any
		if err := json.Unmarshal(body, &ev); err != nil {
			t.Fatal(err)
		}
		ev["pull_request"].(map[string]any)["draft"] = true
		body, _ = json.Marshal(ev)
		if !reviewDrafts {
			if resp := a.deliver("pull_request", "", body, http.StatusAccepted); !strings.Contains(resp, "draft") {
				t.Errorf("draft delivery answered %q, want it ignored as a draft", resp)
			}
			// Marking it ready reviews it.
			a.deliver("pull_request", "", pullRequestEvent(a.repo, "ready_for_review", 5, head, a.base, nil), http.StatusAccepted)
		} else {
			if resp := a.deliver("pull_request", "", body, http.StatusAccepted); !strings.Contains(resp, "queued") {
				t.Errorf("draft delivery with HOTPATH_REVIEW_DRAFTS answered %q, want queued", resp)
			}
		}
		if runs := a.waitCompleted(head, 1); len(runs) != 1 || runs[0].Conclusion != "failure" {
			t.Errorf("drafts=%t: %s, want one failing check run", reviewDrafts, describeRuns(runs))
		}
		if n := len(a.reviews(5)); n != 1 {
			t.Errorf("drafts=%t: %d reviews, want 1", reviewDrafts, n)
		}
	}
}
