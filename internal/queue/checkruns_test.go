package queue

import (
	"context"
	"sync"
	"testing"
	"time"
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

		key := CheckRunKey{InstallationID: 77, RepoID: 1001, Number: 42, HeadSHA: headA}
		if _, found, err := s.Get(ctx, key); err != nil || found {
			t.Fatalf("Get before Put: found %v, %v", found, err)
		}
		if err := s.Put(ctx, CheckRunRecord{CheckRunKey: key, Owner: "acme", Repo: "orders-api", CheckRunID: 9001, JobID: 5}); err != nil {
			t.Fatal(err)
		}
		got, found, err := s2.Get(ctx, key)
		if err != nil || !found {
			t.Fatalf("Get after Put: found %v, %v", found, err)
		}
		if got.CheckRunID != 9001 || got.JobID != 5 || got.Status != "in_progress" || got.Owner != "acme" ||
			got.Repo != "orders-api" || got.Number != 42 || got.HeadSHA != headA || got.CreatedAt.IsZero() {
			t.Errorf("Get = %+v", got)
		}

		// Other keys are separate: another PR with the same head, a re-run.
		rerun := key
		rerun.Rerun = "delivery-2"
		other := key
		other.Number = 43
		for _, k := range []CheckRunKey{rerun, other} {
			if _, found, _ := s.Get(ctx, k); found {
				t.Errorf("Get(%+v) found the first run's record", k)
			}
		}
		if err := s.Put(ctx, CheckRunRecord{CheckRunKey: rerun, CheckRunID: 9002}); err != nil {
			t.Fatal(err)
		}

		// Put again replaces, keeping CreatedAt.
		time.Sleep(5 * time.Millisecond)
		if err := s.Put(ctx, CheckRunRecord{CheckRunKey: key, Owner: "acme", Repo: "orders-api", CheckRunID: 9003, JobID: 6}); err != nil {
			t.Fatal(err)
		}
		got2, _, _ := s.Get(ctx, key)
		if got2.CheckRunID != 9003 || got2.JobID != 6 || !got2.CreatedAt.Equal(got.CreatedAt) || !got2.UpdatedAt.After(got.UpdatedAt) {
			t.Errorf("after replace: %+v (first %+v)", got2, got)
		}

		// Stale: both runs are in progress and older than now.
		stale, err := s.Stale(ctx, time.Now().Add(time.Second), 10)
		if err != nil || len(stale) != 2 {
			t.Fatalf("Stale = %+v, %v; want 2 records", stale, err)
		}
		if stale[0].CheckRunID != 9002 { // updated before the replaced one
			t.Errorf("Stale not oldest first: %+v", stale)
		}
		if stale, _ := s.Stale(ctx, time.Now().Add(-time.Hour), 10); len(stale) != 0 {
			t.Errorf("Stale(an hour ago) = %+v, want none", stale)
		}
		if stale, _ := s.Stale(ctx, time.Now().Add(time.Second), 1); len(stale) != 1 {
			t.Errorf("Stale limit 1 returned %d", len(stale))
		}

		// Complete by key and by ID.
		if ok, err := s.Complete(ctx, key, "success"); err != nil || !ok {
			t.Fatalf("Complete = %v, %v", ok, err)
		}
		if ok, _ := s.Complete(ctx, CheckRunKey{InstallationID: 1}, "success"); ok {
			t.Error("Complete of an unknown key reported a record")
		}
		if n, err := s.CompleteByID(ctx, 9002, "cancelled"); err != nil || n != 1 {
			t.Fatalf("CompleteByID = %d, %v", n, err)
		}
		if n, _ := s.CompleteByID(ctx, 9002, "cancelled"); n != 0 {
			t.Errorf("CompleteByID of a completed run changed %d records", n)
		}
		got3, _, _ := s.Get(ctx, key)
		if got3.Status != "completed" || got3.Conclusion != "success" {
			t.Errorf("after Complete: %+v", got3)
		}
		if stale, _ := s.Stale(ctx, time.Now().Add(time.Second), 10); len(stale) != 0 {
			t.Errorf("Stale after completion = %+v", stale)
		}

		// Prune removes completed records; Delete removes one.
		if n, err := s.Prune(ctx, time.Now().Add(time.Second)); err != nil || n != 2 {
			t.Errorf("Prune = %d, %v; want 2", n, err)
		}
		if err := s.Put(ctx, CheckRunRecord{CheckRunKey: other, CheckRunID: 9004}); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Prune(ctx, time.Now().Add(time.Second)); n != 0 {
			t.Errorf("Prune removed %d in-progress records", n)
		}
		if err := s.Delete(ctx, other); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := s.Get(ctx, other); found {
			t.Error("record still there after Delete")
		}
		if err := s.Put(ctx, CheckRunRecord{CheckRunKey: other}); err == nil {
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
				k := CheckRunKey{InstallationID: 77, RepoID: 1001, Number: i, HeadSHA: headA}
				errs <- sA.Put(ctx, CheckRunRecord{CheckRunKey: k, CheckRunID: int64(100 + i)})
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
			rec, found, err := sB.Get(ctx, CheckRunKey{InstallationID: 77, RepoID: 1001, Number: i, HeadSHA: headA})
			if err != nil || !found || rec.CheckRunID != int64(100+i) {
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
