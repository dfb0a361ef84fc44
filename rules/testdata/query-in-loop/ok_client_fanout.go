package fanout

import (
	"context"
	"database/sql"
	"sync"
)

type Querier interface {
	CountUsers(ctx context.Context) (int64, error)
}

// Scatter-gather: the loop's items are the clients themselves (replicas,
// shards, backends). Each iteration asks a different server once; the
// number of iterations is the number of servers, not of data items.
func CountAll(ctx context.Context, queriers []Querier) (int64, error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var total int64
	for _, querier := range queriers {
		wg.Add(1)
		go func(querier Querier) {
			defer wg.Done()
			n, err := querier.CountUsers(ctx)
			if err == nil {
				mu.Lock()
				total += n
				mu.Unlock()
			}
		}(querier)
	}
	wg.Wait()
	return total, nil
}

func PingReplicas(ctx context.Context, replicas []*sql.DB) error {
	for _, db := range replicas {
		if _, err := db.ExecContext(ctx, `UPDATE heartbeat SET at = now() WHERE id = 1`); err != nil {
			return err
		}
	}
	return nil
}
