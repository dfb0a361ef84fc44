package queue

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/riverqueue/river/rivertype"
)

// A job running when the process shuts down is released (available again,
// no attempt used) and completed by the next process.
func TestStopReleasesRunningJob(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		running := make(chan struct{}, 1)
		rA := &fakeReviewer{review: func(ctx context.Context, _ *Job) error {
			running <- struct{}{}
			<-ctx.Done() // a long review, interrupted by shutdown
			return ctx.Err()
		}}
		qA := open(t, url, testOptions(schema, rA))
		start(t, qA)
		mustEnqueue(t, qA, "s-1", request(headA), true)
		id := onlyJob(t, qA).ID
		<-running

		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		err := qA.Stop(ctx)
		cancel()
		if err != nil {
			t.Fatalf("Stop: %v", err)
		}
		if qA.Ready(context.Background()) == nil {
			t.Error("Ready after Stop")
		}

		rB := &fakeReviewer{}
		qB := open(t, url, testOptions(schema, rB))
		row, err := qB.b.getJob(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if row.State != rivertype.JobStateAvailable || row.Attempt != 0 || len(row.Errors) != 0 {
			t.Fatalf("after shutdown: state %s attempt %d errors %d; want available, 0, 0", row.State, row.Attempt, len(row.Errors))
		}
		start(t, qB)
		waitJob(t, qB, id, "completed", inState(rivertype.JobStateCompleted))
		calls, _ := rB.snapshot()
		if len(calls) != 1 || calls[0].Attempt != 1 || rA.giveUpCount() != 0 {
			t.Errorf("second process saw %+v; first gave up %d times", calls, rA.giveUpCount())
		}
	})
}

// A process that dies mid-job (its database connection gone, the job row
// left running) is recovered by the next process's rescuer.
func TestCrashedJobIsRescued(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hotpath.db")
	block := make(chan struct{})
	running := make(chan struct{}, 1)
	rA := &fakeReviewer{review: func(context.Context, *Job) error {
		running <- struct{}{}
		<-block // hung until the test ends: the process is "dead"
		return errors.New("never recorded")
	}}
	optsA := testOptions("", rA)
	optsA.JobTimeout, optsA.GiveUpTimeout, optsA.RescueStuckJobsAfter = 200*time.Millisecond, 100*time.Millisecond, time.Second
	qA, err := Open(context.Background(), path, optsA)
	if err != nil {
		t.Fatal(err)
	}
	start(t, qA)
	mustEnqueue(t, qA, "x-1", request(headA), true)
	id := onlyJob(t, qA).ID
	<-running
	// Crash: the process's database handle disappears under the running job.
	coreA := qA.b.(*core[*sql.Tx])
	if err := coreA.conn.close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		close(block)
		// Best effort: the "dead" client cannot record anything any more.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = coreA.client.StopAndCancel(ctx)
	})

	// Simulate the dead leader's lease running out, and let the job age
	// past RescueStuckJobsAfter.
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DELETE FROM river_leader`); err != nil {
		t.Fatal(err)
	}
	var state string
	if err := raw.QueryRow(`SELECT state FROM river_job WHERE id = ?`, id).Scan(&state); err != nil || state != "running" {
		t.Fatalf("job state after crash = %q, %v; want running", state, err)
	}
	raw.Close()
	time.Sleep(optsA.RescueStuckJobsAfter)

	rB := &fakeReviewer{}
	optsB := testOptions("", rB)
	optsB.JobTimeout, optsB.GiveUpTimeout, optsB.RescueStuckJobsAfter = 200*time.Millisecond, 100*time.Millisecond, time.Second
	qB := open(t, path, optsB)
	start(t, qB)
	t0 := time.Now()
	row := waitJob(t, qB, id, "completed", inState(rivertype.JobStateCompleted))
	t.Logf("rescued and completed in %s", time.Since(t0))
	calls, _ := rB.snapshot()
	if len(calls) != 1 || calls[0].Attempt != 2 || row.Attempt != 2 {
		t.Errorf("rescued run: calls %+v, row attempt %d; want one call at attempt 2", calls, row.Attempt)
	}
}

// A webhook-only process (InsertOnly) and a worker process share one
// database, as `hotpath serve` behind a load balancer plus `hotpath worker`.
func TestInsertOnlyAndWorkerShareDatabase(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		edge := open(t, url, Options{InsertOnly: true, Schema: schema, Logger: slog.New(slog.DiscardHandler)})
		start(t, edge)
		if err := edge.Ready(context.Background()); err != nil {
			t.Fatalf("insert-only Ready: %v", err)
		}
		r := &fakeReviewer{}
		worker := open(t, url, testOptions(schema, r))
		if worker.Ready(context.Background()) == nil {
			t.Error("Ready before Start")
		}
		start(t, worker)
		if err := worker.Ready(context.Background()); err != nil {
			t.Fatalf("worker Ready: %v", err)
		}
		mustEnqueue(t, edge, "e-1", request(headA), true)
		mustEnqueue(t, edge, "e-2", request(headB), true)
		for _, j := range jobs(t, edge) {
			waitJob(t, worker, j.ID, "completed", inState(rivertype.JobStateCompleted))
		}
		if r.count() != 2 {
			t.Errorf("%d reviews, want 2", r.count())
		}
	})
}

type countingSweeper struct{ n atomic.Int32 }

func (s *countingSweeper) Sweep(context.Context) error { s.n.Add(1); return nil }

func TestPeriodicJobsAndMetrics(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		reg := prometheus.NewPedanticRegistry()
		sw := &countingSweeper{}
		opts := testOptions(schema, &fakeReviewer{})
		opts.Sweeper, opts.Registerer = sw, reg
		q := open(t, url, opts)
		start(t, q)
		mustEnqueue(t, q, "p-1", request(headA), true)
		mustEnqueue(t, q, "p-1", request(headA), false)
		waitJob(t, q, onlyJob(t, q).ID, "completed", inState(rivertype.JobStateCompleted))

		deadline := time.Now().Add(60 * time.Second)
		for sw.n.Load() == 0 { // sweep_stale_checks runs on start
			if time.Now().After(deadline) {
				t.Fatal("sweeper never called")
			}
			time.Sleep(20 * time.Millisecond)
		}
		if got := testutil.ToFloat64(q.metrics.enqueued.WithLabelValues(KindReview, "queued")); got != 1 {
			t.Errorf("queued = %v", got)
		}
		if got := testutil.ToFloat64(q.metrics.enqueued.WithLabelValues(KindReview, "duplicate_delivery")); got != 1 {
			t.Errorf("duplicate_delivery = %v", got)
		}
		if got := testutil.ToFloat64(q.metrics.jobs.WithLabelValues(KindReview, "completed")); got != 1 {
			t.Errorf("completed = %v", got)
		}
		if n, err := testutil.GatherAndCount(reg, "hotpath_queue_job_duration_seconds"); err != nil || n == 0 {
			t.Errorf("duration series %d, %v", n, err)
		}

		// prune_deliveries' SQL: everything older than a future cutoff goes.
		n, err := q.b.pruneDeliveries(context.Background(), time.Now().Add(time.Hour).Unix())
		if err != nil || n != 1 || deliveries(t, q) != 0 {
			t.Errorf("prune: %d rows, %v; %d left", n, err, deliveries(t, q))
		}
	})
}
