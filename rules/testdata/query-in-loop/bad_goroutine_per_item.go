package sync

import (
	"context"
	"database/sql"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Goroutines started per item still make one query per item.
func Refresh(ctx context.Context, db *sql.DB, ids []int64) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, id := range ids {
		g.Go(func() error {
			_, err := db.ExecContext(ctx, "UPDATE feeds SET refreshed_at = now() WHERE id = $1", id) // want "query-in-loop: db.ExecContext runs once per iteration of the loop on line 15 \\(one write per item\\)"
			return err
		})
	}
	return g.Wait()
}

func Count(ctx context.Context, db *sql.DB, tables []string) map[string]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[string]int{}
	for _, t := range tables {
		wg.Add(1)
		go func(t string) {
			defer wg.Done()
			var n int
			db.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n) // want "db.QueryRowContext runs once per iteration of the loop on line 28"
			mu.Lock()
			out[t] = n
			mu.Unlock()
		}(t)
	}
	wg.Wait()
	return out
}

// A worker pool: each worker handles items from the channel, one query per item.
func Process(ctx context.Context, db *sql.DB, ids []int64, workers int) {
	jobs := make(chan int64)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				db.ExecContext(ctx, "DELETE FROM queue WHERE id = $1", id) // want "db.ExecContext runs once per iteration of the loop on line 51"
			}
		}()
	}
	for _, id := range ids {
		jobs <- id
	}
	close(jobs)
	wg.Wait()
}
