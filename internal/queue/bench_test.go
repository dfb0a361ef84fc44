package queue

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/hotpath-app/hotpath/webhook"
)

// BenchmarkWebhookIngest sends signed pull_request deliveries through the
// real echo handler into the real queue on SQLite (a file in a temp dir),
// from 8 concurrent senders, each delivery for a new head so each creates a
// job. It reports deliveries/s and the p99 handler latency, and checks that
// nothing was lost: one delivery row and one job per delivery.
//
// insert-only is the webhook-only process; serve also runs 4 workers (no-op
// reviews) on the same database, competing for SQLite's one connection.
func BenchmarkWebhookIngest(b *testing.B) {
	for _, mode := range []string{"insert-only", "serve"} {
		b.Run(mode, func(b *testing.B) { benchIngest(b, mode == "insert-only") })
	}
}

func benchIngest(b *testing.B, insertOnly bool) {
	template, err := os.ReadFile(filepath.Join("..", "..", "webhook", "testdata", "pull_request_synchronize_fork.json"))
	if err != nil {
		b.Fatal(err)
	}
	const head = "9f2c1e4d3b5a69788c0d1e2f3a4b5c6d7e8f9012"
	secret := []byte("bench-secret")
	discard := slog.New(slog.DiscardHandler)

	opts := Options{InsertOnly: insertOnly, Logger: discard, Workers: 4, PollInterval: 100 * time.Millisecond,
		Reviewer: &fakeReviewer{}}
	q, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), opts)
	if err != nil {
		b.Fatal(err)
	}
	defer q.Stop(context.Background())
	if err := q.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	h, err := webhook.New(secret, q, webhook.WithLogger(discard))
	if err != nil {
		b.Fatal(err)
	}
	e := echo.New()
	h.Register(e)

	// Signed by the sender (GitHub), so built before the clock starts.
	type req struct {
		body      []byte
		sig, guid string
	}
	reqs := make([]req, b.N)
	for i := range reqs {
		body := bytes.ReplaceAll(template, []byte(head), fmt.Appendf(nil, "%040x", i+1))
		reqs[i] = req{body, webhook.Signature(secret, body), fmt.Sprintf("bench-%d-%d", time.Now().UnixNano(), i)}
	}
	latencies := make([]time.Duration, b.N)
	var next, failures atomic.Int64
	var wg sync.WaitGroup

	b.ResetTimer()
	start := time.Now()
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				r := httptest.NewRequest(http.MethodPost, webhook.Path, bytes.NewReader(reqs[i].body))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set(webhook.HeaderEvent, "pull_request")
				r.Header.Set(webhook.HeaderDelivery, reqs[i].guid)
				r.Header.Set(webhook.HeaderSignature, reqs[i].sig)
				rec := httptest.NewRecorder()
				t0 := time.Now()
				e.ServeHTTP(rec, r)
				latencies[i] = time.Since(t0)
				if rec.Code != http.StatusAccepted {
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	slices.Sort(latencies)
	p99 := latencies[min(len(latencies)-1, len(latencies)*99/100)]
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "deliveries/s")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99_ms")

	if f := failures.Load(); f > 0 {
		b.Fatalf("%d of %d deliveries not answered 202", f, b.N)
	}
	n, err := q.b.countDeliveries(context.Background())
	if err != nil || n != int64(b.N) {
		b.Fatalf("%d delivery rows (%v), want %d", n, err, b.N)
	}
	jobs, err := q.b.listJobs(context.Background(), river.NewJobListParams().Kinds(KindReview).States(rivertype.JobStates()...).First(10000))
	if err != nil || len(jobs) != b.N {
		b.Fatalf("%d jobs (%v), want %d", len(jobs), err, b.N)
	}
}
