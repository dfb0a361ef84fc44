//go:build ignore

package worker

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ImportBankStatement loads the bank's daily CSV with COPY and matches it in SQL.
func ImportBankStatement(ctx context.Context, pool *pgxpool.Pool, day time.Time, r io.Reader) (int64, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 3
	if _, err := cr.Read(); err != nil { // header
		return 0, err
	}
	var src [][]any
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
		cents, err := strconv.ParseInt(rec[2], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("line %v: %w", rec, err)
		}
		src = append(src, []any{day, rec[0], rec[1], cents})
	}

	tx, err := pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)

	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE bank_lines (day date, bank_ref text, payout_ref text, cents bigint) ON COMMIT DROP`); err != nil {
		return 0, err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"bank_lines"}, []string{"day", "bank_ref", "payout_ref", "cents"}, pgx.CopyFromRows(src)); err != nil {
		return 0, err
	}
	tag, err := tx.Exec(ctx, `
		UPDATE payouts p SET status = 'paid', bank_ref = b.bank_ref, paid_at = b.day
		  FROM bank_lines b
		 WHERE p.id::text = b.payout_ref AND p.amount_cents = b.cents AND p.status = 'pending'`)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), tx.Commit(ctx)
}

// Mismatches walks every unmatched bank line of a day. One query, one cursor.
func Mismatches(ctx context.Context, pool *pgxpool.Pool, day time.Time, fn func(ref string, cents int64) error) error {
	rows, err := pool.Query(ctx, `SELECT bank_ref, cents FROM bank_unmatched WHERE day = $1 ORDER BY bank_ref`, day)
	if err != nil {
		return err
	}
	var ref string
	var cents int64
	_, err = pgx.ForEachRow(rows, []any{&ref, &cents}, func() error {
		return fn(ref, cents)
	})
	return err
}

// ArchiveOld deletes settled captures older than a year in chunks of 5000.
func ArchiveOld(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	var total int64
	for {
		tag, err := pool.Exec(ctx, `DELETE FROM captures WHERE id IN (
			SELECT id FROM captures WHERE settled_at < now() - interval '1 year' LIMIT 5000)`)
		if err != nil {
			return total, err
		}
		total += tag.RowsAffected()
		if tag.RowsAffected() < 5000 {
			return total, nil
		}
		time.Sleep(200 * time.Millisecond)
	}
}
