//go:build ignore

package jobs

import (
	"context"
	"fmt"
	"time"
)

// retention per table, in days.
var retention = map[string]int{
	"job_runs":       30,
	"webhook_events": 14,
	"login_attempts": 7,
}

// Cleanup deletes expired rows in bounded batches so it never holds long locks.
func (r *Runner) Cleanup(ctx context.Context) error {
	for _, table := range []string{"job_runs", "webhook_events", "login_attempts"} {
		days := retention[table]
		total := int64(0)
		for {
			tag, err := r.pool.Exec(ctx, fmt.Sprintf(
				`DELETE FROM %s WHERE ctid IN (SELECT ctid FROM %s WHERE created_at < now() - make_interval(days => $1) LIMIT 5000)`,
				table, table), days)
			if err != nil {
				return fmt.Errorf("cleaning %s: %w", table, err)
			}
			total += tag.RowsAffected()
			if tag.RowsAffected() < 5000 {
				break
			}
			time.Sleep(200 * time.Millisecond)
		}
		r.log.Info("cleanup", "table", table, "deleted", total)
	}
	if _, err := r.pool.Exec(ctx, `VACUUM (ANALYZE) job_runs`); err != nil {
		r.log.Warn("vacuum failed", "err", err)
	}
	return nil
}
