//go:build ignore

package jobs

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
)

const countPage = 1000

// ExportCountSheet writes every stock row of a zone to a CSV for the night-shift count.
// Keyset pagination: one query per page of 1000 rows.
func ExportCountSheet(ctx context.Context, db *sqlx.DB, zone string, out io.Writer) (int, error) {
	w := csv.NewWriter(out)
	defer w.Flush()
	_ = w.Write([]string{"location", "sku", "expected"})

	var lastID int64
	total := 0
	for {
		rows, err := db.QueryxContext(ctx, `
			SELECT st.id, l.code, i.sku, st.on_hand
			  FROM stock st
			  JOIN locations l ON l.id = st.location_id
			  JOIN items i ON i.id = st.item_id
			 WHERE l.zone = $1 AND st.id > $2
			 ORDER BY st.id LIMIT $3`, zone, lastID, countPage)
		if err != nil {
			return total, err
		}
		n := 0
		for rows.Next() {
			var (
				id     int64
				code   string
				sku    string
				onHand int
			)
			if err := rows.Scan(&id, &code, &sku, &onHand); err != nil {
				rows.Close()
				return total, err
			}
			_ = w.Write([]string{code, sku, strconv.Itoa(onHand)})
			lastID = id
			n++
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return total, err
		}
		total += n
		if n < countPage {
			return total, nil
		}
	}
}

// withRetry retries one statement a few times when the database is failing over.
func withRetry(ctx context.Context, fn func(context.Context) error) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if err = fn(ctx); err == nil {
			return nil
		}
		slog.Warn("retrying", "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(1<<attempt) * 250 * time.Millisecond):
		}
	}
	return err
}

func CloseCount(ctx context.Context, db *sqlx.DB, countID int64) error {
	return withRetry(ctx, func(ctx context.Context) error {
		_, err := db.ExecContext(ctx, `UPDATE cycle_counts SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`, countID)
		return err
	})
}
