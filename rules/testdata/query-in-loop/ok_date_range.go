package ledger

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Reports struct {
	pool *pgxpool.Pool
}

// One query grouped by day; the loop over days only fills the gaps.
func (r *Reports) Daily(ctx context.Context, account int64, from, to time.Time) (map[time.Time]int64, error) {
	rows, err := r.pool.Query(ctx, "SELECT date_trunc('day', created_at), sum(amount) FROM entries WHERE account_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1", account, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[time.Time]int64{}
	for rows.Next() {
		var d time.Time
		var n int64
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		out[d] = n
	}
	for day := from; day.Before(to); day = day.AddDate(0, 0, 1) {
		if _, ok := out[day]; !ok {
			out[day] = 0
		}
	}
	return out, rows.Err()
}

// Polling until a deadline: the variable is re-read from the clock, not
// stepped through a range, and the loop sleeps between reads.
func (r *Reports) WaitReady(ctx context.Context, id int64, deadline time.Time) (bool, error) {
	for now := time.Now(); now.Before(deadline); now = time.Now() {
		var ready bool
		if err := r.pool.QueryRow(ctx, "SELECT ready FROM exports WHERE id = $1", id).Scan(&ready); err != nil {
			return false, err
		}
		if ready {
			return true, nil
		}
		time.Sleep(500 * time.Millisecond)
	}
	return false, nil
}
