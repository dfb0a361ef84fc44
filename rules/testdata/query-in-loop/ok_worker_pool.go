package jobs

import (
	"context"
	"database/sql"
	"time"
)

// Each worker polls for its next job: one claim per poll, per worker — not
// one query per item of a list.
func Run(ctx context.Context, db *sql.DB, workers int) {
	for i := 0; i < workers; i++ {
		go func() {
			for {
				var id int64
				err := db.QueryRowContext(ctx, `UPDATE jobs SET state = 'running'
					WHERE id = (SELECT id FROM jobs WHERE state = 'queued' FOR UPDATE SKIP LOCKED LIMIT 1)
					RETURNING id`).Scan(&id)
				if err == sql.ErrNoRows {
					time.Sleep(time.Second)
					continue
				}
				if err != nil {
					return
				}
			}
		}()
	}
}

// Subscribed events are handled as they arrive.
func Listen(ctx context.Context, db *sql.DB, events <-chan string, ticker *time.Ticker) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-events:
			db.ExecContext(ctx, "INSERT INTO audit (event) VALUES ($1)", ev)
		case <-ticker.C:
			db.ExecContext(ctx, "DELETE FROM audit WHERE at < now() - interval '7 days'")
		}
	}
}
