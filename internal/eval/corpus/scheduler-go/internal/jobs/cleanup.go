//go:build ignore

package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"time"
)

// PruneRuns deletes old run records in batches of 10 000 to keep locks short.
func PruneRuns(ctx context.Context, db *sql.DB, olderThan time.Duration) (int64, error) {
	var total int64
	for {
		res, err := db.ExecContext(ctx,
			`DELETE FROM job_runs WHERE id IN (SELECT id FROM job_runs WHERE started_at < $1 LIMIT 10000)`,
			time.Now().Add(-olderThan))
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += n
		if n < 10000 {
			return total, nil
		}
	}
}

// AnalyzeTables refreshes planner statistics of the scheduler's tables.
func AnalyzeTables(ctx context.Context, db *sql.DB) {
	for _, table := range [...]string{"jobs", "job_runs", "job_locks"} {
		if _, err := db.ExecContext(ctx, fmt.Sprintf("ANALYZE %s", table)); err != nil {
			log.Printf("analyze %s: %v", table, err)
		}
	}
}
