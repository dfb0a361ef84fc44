package queue

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func checkRunStore(t *testing.T, q *Queue) *CheckRunStore {
	t.Helper()
	s, err := q.CheckRuns(context.Background())
	if err != nil {
		t.Fatalf("CheckRuns: %v", err)
	}
	return s
}

func TestCheckRunStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		q := open(t, url, testOptions(schema, &fakeReviewer{}))
		s := checkRunStore(t, q)
		// Idempotent: a second call (another process starting) works.
		s2 := checkRunStore(t, q)
		ctx := context.Background()
		if q.Dialect() == "postgres" {
			// The table lives in the queue's schema, next to River's.
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			var n int
			err = conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'hotpath_check_runs'`, schema).Scan(&n)
			conn.Close(ctx)
			if err != nil || n != 1 {
				t.Fatalf("hotpath_check_runs in schema %s: %d, %v", schema, n, err)
			}
		}
		t0 := time.Now().Add(-time.Hour).Truncate(time.Millisecond)

		key := CheckRunKey{InstallationID: 77, RepoID: 1001, HeadSHA: headA, JobID: 5}
		if _, found, err := s.Get(ctx, key); err != nil || found {
			t.Fatalf("Get before Put: found %v, %v", found, err)
		}
		first := CheckRunRecord{Key: key, Owner: "acme", Repo: "orders-api", Number: 42, CheckRunID: 9001, UpdatedAt: t0}
		if err := s.Put(ctx, first); err != nil {
			t.Fatal(err)
		}
		got, found, err := s2.Get(ctx, key)
		if err != nil || !found {
			t.Fatalf("Get after Put: found %v, %v", found, err)
		}
		if got != first {
			t.Errorf("Get = %+v, want %+v", got, first)
		}

		// Other keys are separate: another job (a re-run) of the same head,
		// another head.
		for _, k := range []CheckRunKey{{77, 1001, headA, 6}, {77, 1001, headB, 5}, {78, 1001, headA, 5}} {
			if _, found, _ := s.Get(ctx, k); found {
				t.Errorf("Get(%+v) found the first run's record", k)
			}
		}
		rerun := CheckRunRecord{Key: CheckRunKey{77, 1001, headA, 6}, Owner: "acme", Repo: "orders-api", Number: 42, CheckRunID: 9002, UpdatedAt: t0.Add(time.Minute)}
		if err := s.Put(ctx, rerun); err != nil {
			t.Fatal(err)
		}

		// Put replaces by key; a zero UpdatedAt means now.
		repl := first
		repl.CheckRunID, repl.Completing, repl.UpdatedAt = 9003, true, time.Time{}
		if err := s.Put(ctx, repl); err != nil {
			t.Fatal(err)
		}
		got2, _, _ := s.Get(ctx, key)
		if got2.CheckRunID != 9003 || !got2.Completing || got2.Completed || time.Since(got2.UpdatedAt) > time.Minute {
			t.Errorf("after replace: %+v", got2)
		}

		// Stale: not completed and updated before the cut-off, oldest first.
		stale, err := s.Stale(ctx, time.Now().Add(time.Second), 10)
		if err != nil || len(stale) != 2 || stale[0] != rerun || stale[1].CheckRunID != 9003 {
			t.Fatalf("Stale = %+v, %v; want the re-run, then the replaced run", stale, err)
		}
		if stale, _ := s.Stale(ctx, t0.Add(30*time.Second), 10); len(stale) != 0 {
			t.Errorf("Stale(before the re-run) = %+v, want none", stale)
		}
		if stale, _ := s.Stale(ctx, time.Now().Add(time.Second), 1); len(stale) != 1 {
			t.Errorf("Stale limit 1 returned %d", len(stale))
		}

		// Complete clears Completing; unknown keys are no error.
		if err := s.Complete(ctx, key); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, CheckRunKey{InstallationID: 1}); err != nil {
			t.Errorf("Complete of an unknown key: %v", err)
		}
		got3, _, _ := s.Get(ctx, key)
		if !got3.Completed || got3.Completing {
			t.Errorf("after Complete: %+v", got3)
		}
		if stale, _ := s.Stale(ctx, time.Now().Add(time.Second), 10); len(stale) != 1 || stale[0].CheckRunID != 9002 {
			t.Errorf("Stale after completion = %+v", stale)
		}

		// Prune removes old completed records only.
		if n, err := s.Prune(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
			t.Errorf("Prune(an hour ago) = %d, %v; want 0", n, err)
		}
		if n, err := s.Prune(ctx, time.Now().Add(time.Second)); err != nil || n != 1 {
			t.Errorf("Prune = %d, %v; want 1", n, err)
		}
		if _, found, _ := s.Get(ctx, rerun.Key); !found {
			t.Error("Prune removed an open record")
		}
		if err := s.Put(ctx, CheckRunRecord{Key: key}); err == nil {
			t.Error("Put without a CheckRunID succeeded")
		}
	})
}

// The store survives a restart (it is in the database, not in memory) and
// works while the queue's workers run.
func TestCheckRunStoreDurableAndConcurrent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, db func(*testing.T) (string, string)) {
		url, schema := db(t)
		qA := open(t, url, testOptions(schema, &fakeReviewer{}))
		start(t, qA)
		sA := checkRunStore(t, qA)
		ctx := context.Background()

		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				k := CheckRunKey{InstallationID: 77, RepoID: 1001, HeadSHA: headA, JobID: int64(i)}
				errs <- sA.Put(ctx, CheckRunRecord{Key: k, Number: i, CheckRunID: int64(100 + i)})
			}()
		}
		mustEnqueue(t, qA, "d-1", request(headA), true)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent Put: %v", err)
			}
		}
		stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := qA.Stop(stopCtx); err != nil {
			t.Fatal(err)
		}

		qB := open(t, url, testOptions(schema, &fakeReviewer{}))
		sB := checkRunStore(t, qB)
		stale, err := sB.Stale(ctx, time.Now().Add(time.Second), 100)
		if err != nil || len(stale) != 40 {
			t.Fatalf("after restart: %d stale records, %v; want 40", len(stale), err)
		}
		for i := range 40 {
			rec, found, err := sB.Get(ctx, CheckRunKey{InstallationID: 77, RepoID: 1001, HeadSHA: headA, JobID: int64(i)})
			if err != nil || !found || rec.CheckRunID != int64(100+i) || rec.Number != i {
				t.Fatalf("record %d after restart: %+v %v %v", i, rec, found, err)
			}
		}
	})
}

func TestDollarPlaceholders(t *testing.T) {
	got := dollarPlaceholders("a = ? AND b = ? LIMIT ?")
	if want := "a = $1 AND b = $2 LIMIT $3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
