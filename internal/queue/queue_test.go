package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/hotpath-app/hotpath/webhook"
)

const defaultTestPostgres = "postgres://postgres@127.0.0.1:5432/test"

// backendCase is one database the suite runs against.
type backendCase struct {
	name string
	// url returns a database URL and Options.Schema for a fresh database.
	url func(t *testing.T) (string, string)
}

var (
	pgOnce sync.Once
	pgURL  string
	pgErr  error
)

func postgresURL() (string, error) {
	pgOnce.Do(func() {
		pgURL = os.Getenv("HOTPATH_TEST_DATABASE_URL")
		if pgURL == "" {
			pgURL = defaultTestPostgres
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, pgURL)
		if err != nil {
			pgErr = err
			return
		}
		pgErr = conn.Ping(ctx)
		conn.Close(ctx)
	})
	return pgURL, pgErr
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

var backends = []backendCase{
	{"sqlite", func(t *testing.T) (string, string) {
		return "sqlite://" + filepath.Join(t.TempDir(), "hotpath.db"), ""
	}},
	{"postgres", func(t *testing.T) (string, string) {
		url, err := postgresURL()
		if err != nil {
			t.Skipf("PostgreSQL not reachable at %s: %v", redactURL(url), err)
		}
		schema := "hotpath_test_" + randomSuffix()
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if conn, err := pgx.Connect(ctx, url); err == nil {
				_, _ = conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
				conn.Close(ctx)
			}
		})
		return url, schema
	}},
}

// forEachBackend runs f as a parallel subtest per backend. db returns a
// fresh database (URL and schema) each time it is called.
func forEachBackend(t *testing.T, f func(t *testing.T, db func(t *testing.T) (url, schema string))) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			b.url(t) // skip early when the backend is unavailable
			f(t, b.url)
		})
	}
}

// fakeReviewer runs review for each attempt and records GiveUp calls.
type fakeReviewer struct {
	review func(ctx context.Context, job *Job) error

	mu      sync.Mutex
	calls   []Job
	giveUps []giveUp
}

type giveUp struct {
	job      Job
	cause    error
	ctxAlive bool
}

func (f *fakeReviewer) Review(ctx context.Context, job *Job) error {
	f.mu.Lock()
	f.calls = append(f.calls, *job)
	f.mu.Unlock()
	if f.review == nil {
		return nil
	}
	return f.review(ctx, job)
}

func (f *fakeReviewer) GiveUp(ctx context.Context, job *Job, cause error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.giveUps = append(f.giveUps, giveUp{*job, cause, ctx.Err() == nil})
	return nil
}

func (f *fakeReviewer) snapshot() ([]Job, []giveUp) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Job(nil), f.calls...), append([]giveUp(nil), f.giveUps...)
}

// testOptions are fast settings for tests.
func testOptions(schema string, r Reviewer) Options {
	return Options{
		Reviewer:             r,
		Schema:               schema,
		Workers:              2,
		JobTimeout:           5 * time.Second,
		GiveUpTimeout:        time.Second,
		RescueStuckJobsAfter: 10 * time.Second,
		MaxAttempts:          3,
		PollInterval:         50 * time.Millisecond,
		Backoff:              func(int) time.Duration { return 10 * time.Millisecond },
		Logger:               slog.New(slog.DiscardHandler),
		testOnly:             true,
	}
}

func open(t *testing.T, url string, opts Options) *Queue {
	t.Helper()
	q, err := Open(context.Background(), url, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = q.Stop(ctx)
	})
	return q
}

func start(t *testing.T, q *Queue) {
	t.Helper()
	if err := q.Start(context.Background()); err != nil {
		t.Fatalf("Start: %v", err)
	}
}

func request(head string) webhook.ReviewRequest {
	return webhook.ReviewRequest{InstallationID: 77, RepoID: 1001, Owner: "acme", Repo: "orders-api",
		Number: 42, HeadSHA: head, BaseRef: "main", BaseSHA: strings.Repeat("b", 40), Event: "pull_request", Action: "synchronize"}
}

var (
	headA = strings.Repeat("a", 40)
	headB = strings.Repeat("c", 40)
)

func mustEnqueue(t *testing.T, q *Queue, delivery string, req webhook.ReviewRequest, want bool) {
	t.Helper()
	got, err := q.EnqueueReview(context.Background(), delivery, req)
	if err != nil {
		t.Fatalf("EnqueueReview(%s): %v", delivery, err)
	}
	if got != want {
		t.Fatalf("EnqueueReview(%s) = %v, want %v", delivery, got, want)
	}
}

func jobs(t *testing.T, q *Queue, states ...rivertype.JobState) []*rivertype.JobRow {
	t.Helper()
	params := river.NewJobListParams().Kinds(KindReview).First(1000)
	if len(states) > 0 {
		params = params.States(states...)
	} else {
		params = params.States(rivertype.JobStates()...)
	}
	rows, err := q.b.listJobs(context.Background(), params)
	if err != nil {
		t.Fatalf("list jobs: %v", err)
	}
	return rows
}

func deliveries(t *testing.T, q *Queue) int64 {
	t.Helper()
	n, err := q.b.countDeliveries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitJob polls until job id satisfies cond (or fails after a generous
// deadline: this bounds a hang, it does not time anything).
func waitJob(t *testing.T, q *Queue, id int64, what string, cond func(*rivertype.JobRow) bool) *rivertype.JobRow {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		row, err := q.b.getJob(context.Background(), id)
		if err == nil && cond(row) {
			return row
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d never %s (last: %+v, err %v)", id, what, row, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func inState(s rivertype.JobState) func(*rivertype.JobRow) bool {
	return func(r *rivertype.JobRow) bool { return r.State == s }
}

func args(t *testing.T, j *rivertype.JobRow) ReviewArgs {
	t.Helper()
	var a ReviewArgs
	if err := json.Unmarshal(j.EncodedArgs, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func onlyJob(t *testing.T, q *Queue) *rivertype.JobRow {
	t.Helper()
	rows := jobs(t, q)
	if len(rows) != 1 {
		t.Fatalf("%d review jobs, want 1", len(rows))
	}
	return rows[0]
}

func TestOpenURLs(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"", DefaultDatabaseFile, true},
		{"sqlite://data/hotpath.db", "data/hotpath.db", true},
		{"sqlite:///var/lib/hotpath.db", "/var/lib/hotpath.db", true},
		{"sqlite:x.db", "x.db", true},
		{"file:x.db", "x.db", true},
		{"hotpath.db", "hotpath.db", true},
		{"mysql://u:p@h/db", "", false},
		{"sqlite://", "", false},
		{"sqlite://a.db?mode=ro", "", false},
	} {
		got, err := sqlitePath(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("sqlitePath(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && strings.Contains(err.Error(), ":p@") {
			t.Errorf("error leaks password: %v", err)
		}
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "x.db"), Options{InsertOnly: true}); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), Options{}); err == nil {
		t.Error("Open with workers but no Reviewer succeeded")
	}
	if !isPostgres("postgresql://x/y") || !isPostgres("postgres://x/y") || isPostgres("sqlite://x") {
		t.Error("isPostgres")
	}
}

func TestEnqueueDeduplication(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		q := open(t, url, Options{InsertOnly: true, Schema: schema, Logger: slog.New(slog.DiscardHandler)})
		start(t, q)

		mustEnqueue(t, q, "d-1", request(headA), true)
		// Redelivery of the same delivery GUID.
		mustEnqueue(t, q, "d-1", request(headA), false)
		// Another delivery for the same head (e.g. reopened): one job.
		mustEnqueue(t, q, "d-2", request(headA), false)
		if n := len(jobs(t, q)); n != 1 {
			t.Fatalf("same head: %d jobs, want 1", n)
		}
		// A new head gets its own job.
		mustEnqueue(t, q, "d-3", request(headB), true)
		// An explicit re-run of headA is not collapsed with the first run...
		rerun := request(headA)
		rerun.Rerun, rerun.CheckRunID, rerun.Event, rerun.Action = "d-4", 555, "check_run", "rerequested"
		mustEnqueue(t, q, "d-4", rerun, true)
		// ...but its own redelivery is.
		mustEnqueue(t, q, "d-4", rerun, false)
		// Same PR number in another repository or installation: separate.
		other := request(headA)
		other.RepoID = 2002
		mustEnqueue(t, q, "d-5", other, true)

		if n := len(jobs(t, q)); n != 4 {
			t.Errorf("%d jobs, want 4", n)
		}
		if n := deliveries(t, q); n != 5 {
			t.Errorf("%d delivery rows, want 5 (d-1..d-5)", n)
		}
		// Args round-trip.
		var found bool
		for _, j := range jobs(t, q) {
			if a := args(t, j); a.Rerun == "d-4" {
				found = true
				if a.CheckRunID != 555 || a.DeliveryID != "d-4" || j.Priority != 2 || j.Queue != river.QueueDefault {
					t.Errorf("rerun job: args %s priority %d queue %s", j.EncodedArgs, j.Priority, j.Queue)
				}
				if len(j.Tags) == 0 || j.Tags[0] != "installation-77" {
					t.Errorf("tags = %v", j.Tags)
				}
			}
		}
		if !found {
			t.Error("rerun job not found")
		}
	})
}

func TestMergeGroupJob(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		q := open(t, url, Options{InsertOnly: true, Schema: schema, Logger: slog.New(slog.DiscardHandler)})
		req := request(headA)
		req.Number, req.MergeGroup, req.Event, req.Action = 0, true, "merge_group", "checks_requested"
		mustEnqueue(t, q, "mg-1", req, true)
		j := onlyJob(t, q)
		if j.Queue != QueueMergeGroup || j.Priority != 1 {
			t.Errorf("merge group job in queue %q priority %d, want %q and 1", j.Queue, j.Priority, QueueMergeGroup)
		}
	})
}

type failingInsertHook struct {
	river.HookDefaults
	fail atomic.Bool
}

func (h *failingInsertHook) InsertBegin(context.Context, *rivertype.JobInsertParams) error {
	if h.fail.Load() {
		return errors.New("injected job insert failure")
	}
	return nil
}

func TestEnqueueIsTransactional(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		hook := &failingInsertHook{}
		hook.fail.Store(true)
		opts := Options{InsertOnly: true, Schema: schema, Logger: slog.New(slog.DiscardHandler), hooks: []rivertype.Hook{hook}}
		q := open(t, url, opts)

		if _, err := q.EnqueueReview(context.Background(), "t-1", request(headA)); err == nil {
			t.Fatal("EnqueueReview succeeded although the job insert failed")
		}
		if n := deliveries(t, q); n != 0 {
			t.Fatalf("%d delivery rows after a failed job insert, want 0", n)
		}
		if n := len(jobs(t, q)); n != 0 {
			t.Fatalf("%d jobs after a failed insert", n)
		}
		// GitHub redelivers: now it goes through, not as a duplicate.
		hook.fail.Store(false)
		mustEnqueue(t, q, "t-1", request(headA), true)
		if n := deliveries(t, q); n != 1 {
			t.Fatalf("%d delivery rows, want 1", n)
		}
	})
}

func TestCancelInstallation(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		q := open(t, url, Options{InsertOnly: true, Schema: schema, Logger: slog.New(slog.DiscardHandler)})
		for i := range 3 {
			r := request(fmt.Sprintf("%040d", i))
			mustEnqueue(t, q, fmt.Sprintf("c-%d", i), r, true)
		}
		other := request(headA)
		other.InstallationID = 78
		mustEnqueue(t, q, "c-other", other, true)

		if err := q.CancelInstallation(context.Background(), "c-del", 77); err != nil {
			t.Fatal(err)
		}
		if n := len(jobs(t, q, rivertype.JobStateCancelled)); n != 3 {
			t.Errorf("%d cancelled jobs, want 3", n)
		}
		avail := jobs(t, q, rivertype.JobStateAvailable)
		if len(avail) != 1 || args(t, avail[0]).InstallationID != 78 {
			t.Errorf("available jobs = %d, want only installation 78's", len(avail))
		}
		if n := deliveries(t, q); n != 5 {
			t.Errorf("%d deliveries, want 5 (4 reviews + the installation event)", n)
		}
		// Idempotent on redelivery.
		if err := q.CancelInstallation(context.Background(), "c-del", 77); err != nil {
			t.Fatal(err)
		}
	})
}

type rateLimited struct{ after time.Duration }

func (e rateLimited) Error() string             { return "rate limited" }
func (e rateLimited) RetryAfter() time.Duration { return e.after }
func wrapRL(d time.Duration) error              { return fmt.Errorf("list files: %w", rateLimited{d}) }

func (f *fakeReviewer) count() int       { c, _ := f.snapshot(); return len(c) }
func (f *fakeReviewer) giveUpCount() int { _, g := f.snapshot(); return len(g) }

func sequence(errs ...error) func(context.Context, *Job) error {
	var i atomic.Int32
	return func(context.Context, *Job) error {
		n := int(i.Add(1)) - 1
		if n < len(errs) {
			return errs[n]
		}
		return nil
	}
}

func TestWorkerOutcomes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		t.Run("success", func(t *testing.T) {
			r := &fakeReviewer{}
			url, schema := db(t)
			q := open(t, url, testOptions(schema, r))
			start(t, q)
			mustEnqueue(t, q, "w-1", request(headA), true)
			j := waitJob(t, q, onlyJob(t, q).ID, "completed", inState(rivertype.JobStateCompleted))
			calls, gu := r.snapshot()
			if len(calls) != 1 || len(gu) != 0 {
				t.Fatalf("calls %d giveUps %d", len(calls), len(gu))
			}
			c := calls[0]
			if c.ID != j.ID || c.Attempt != 1 || c.MaxAttempts != 3 || c.HeadSHA != headA || c.Owner != "acme" ||
				c.Number != 42 || c.DeliveryID != "w-1" || c.Request() != request(headA) {
				t.Errorf("reviewer saw %+v", c)
			}
		})
		t.Run("retry then success", func(t *testing.T) {
			r := &fakeReviewer{review: sequence(errors.New("502 bad gateway"), errors.New("timeout"))}
			url, schema := db(t)
			q := open(t, url, testOptions(schema, r))
			start(t, q)
			mustEnqueue(t, q, "w-2", request(headA), true)
			j := waitJob(t, q, onlyJob(t, q).ID, "completed", inState(rivertype.JobStateCompleted))
			if j.Attempt != 3 || r.count() != 3 || r.giveUpCount() != 0 {
				t.Errorf("attempt %d, calls %d, giveUps %d; want 3, 3, 0", j.Attempt, r.count(), r.giveUpCount())
			}
			if len(j.Errors) != 2 {
				t.Errorf("%d recorded errors, want 2", len(j.Errors))
			}
		})
		t.Run("snooze on rate limit", func(t *testing.T) {
			r := &fakeReviewer{review: sequence(wrapRL(0), wrapRL(time.Millisecond))}
			url, schema := db(t)
			q := open(t, url, testOptions(schema, r))
			start(t, q)
			mustEnqueue(t, q, "w-3", request(headA), true)
			j := waitJob(t, q, onlyJob(t, q).ID, "completed", inState(rivertype.JobStateCompleted))
			calls, _ := r.snapshot()
			if len(calls) != 3 {
				t.Fatalf("%d calls, want 3", len(calls))
			}
			for i, c := range calls {
				if c.Attempt != 1 {
					t.Errorf("call %d saw attempt %d; snoozes must not use attempts", i, c.Attempt)
				}
			}
			if j.Attempt != 1 || snoozes(j.Metadata) != 2 || len(j.Errors) != 0 {
				t.Errorf("attempt %d snoozes %d errors %d; want 1, 2, 0", j.Attempt, snoozes(j.Metadata), len(j.Errors))
			}
		})
		t.Run("permanent error cancels", func(t *testing.T) {
			r := &fakeReviewer{review: func(context.Context, *Job) error {
				return Permanent(fmt.Errorf("get repo: %w", errors.New("404 Not Found")))
			}}
			url, schema := db(t)
			q := open(t, url, testOptions(schema, r))
			start(t, q)
			mustEnqueue(t, q, "w-4", request(headA), true)
			waitJob(t, q, onlyJob(t, q).ID, "cancelled", inState(rivertype.JobStateCancelled))
			if r.count() != 1 || r.giveUpCount() != 0 {
				t.Errorf("calls %d giveUps %d; want 1, 0", r.count(), r.giveUpCount())
			}
		})
		t.Run("give up on final attempt", func(t *testing.T) {
			var n atomic.Int32
			r := &fakeReviewer{review: func(context.Context, *Job) error {
				if n.Add(1) == 3 {
					panic("boom")
				}
				return errors.New("GitHub 500")
			}}
			url, schema := db(t)
			q := open(t, url, testOptions(schema, r))
			start(t, q)
			mustEnqueue(t, q, "w-5", request(headA), true)
			waitJob(t, q, onlyJob(t, q).ID, "discarded", inState(rivertype.JobStateDiscarded))
			_, gu := r.snapshot()
			if r.count() != 3 || len(gu) != 1 {
				t.Fatalf("calls %d giveUps %d; want 3, 1", r.count(), len(gu))
			}
			if gu[0].job.Attempt != 3 || !strings.Contains(gu[0].cause.Error(), "panic: boom") || !gu[0].ctxAlive {
				t.Errorf("GiveUp(%+v, %v) ctxAlive=%v", gu[0].job, gu[0].cause, gu[0].ctxAlive)
			}
		})
		t.Run("timeout on final attempt gives up with a live context", func(t *testing.T) {
			r := &fakeReviewer{review: func(ctx context.Context, _ *Job) error {
				<-ctx.Done()
				return ctx.Err()
			}}
			url, schema := db(t)
			opts := testOptions(schema, r)
			opts.JobTimeout, opts.MaxAttempts = 100*time.Millisecond, 1
			q := open(t, url, opts)
			start(t, q)
			mustEnqueue(t, q, "w-6", request(headA), true)
			waitJob(t, q, onlyJob(t, q).ID, "discarded", inState(rivertype.JobStateDiscarded))
			_, gu := r.snapshot()
			if len(gu) != 1 || !errors.Is(gu[0].cause, context.DeadlineExceeded) || !gu[0].ctxAlive {
				t.Fatalf("giveUps = %+v", gu)
			}
		})
	})
}
