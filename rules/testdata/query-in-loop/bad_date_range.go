package ledger

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Reports struct {
	pool *pgxpool.Pool
}

func (r *Reports) closing(ctx context.Context, account int64, day time.Time) (int64, error) {
	var bal int64
	err := r.pool.QueryRow(ctx, "SELECT coalesce(sum(amount), 0) FROM entries WHERE account_id = $1 AND created_at < $2", account, day).Scan(&bal)
	return bal, err
}

// Daily balances: one query per day of the range.
func (r *Reports) Daily(ctx context.Context, account int64, from, to time.Time) ([]int64, error) {
	var out []int64
	for day := from; day.Before(to); day = day.AddDate(0, 0, 1) {
		bal, err := r.closing(ctx, account, day) // want "query-in-loop: r.closing → r.pool.QueryRow runs once per iteration of the loop on line 23 \\(N\\+1 queries\\)"
		if err != nil {
			return nil, err
		}
		out = append(out, bal)
	}
	return out, nil
}

// Hourly buckets, written with a negated comparison.
func (r *Reports) Hourly(ctx context.Context, from, to time.Time) (map[time.Time]int64, error) {
	out := map[time.Time]int64{}
	for h := from; !h.After(to); h = h.Add(time.Hour) {
		var n int64
		if err := r.pool.QueryRow(ctx, "SELECT count(*) FROM events WHERE at >= $1 AND at < $2", h, h.Add(time.Hour)).Scan(&n); err != nil { // want "r.pool.QueryRow runs once per iteration of the loop on line 36"
			return nil, err
		}
		out[h] = n
	}
	return out, nil
}
