package reports

import (
	"context"
	"database/sql"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Row struct {
	ID   int64
	Name string
}

// scanAll closes the rows it is given.
func scanAll(rows *sql.Rows) ([]Row, error) {
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.ID, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func Daily(ctx context.Context, db *sql.DB) ([]Row, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name FROM daily_report`)
	if err != nil {
		return nil, err
	}
	return scanAll(rows)
}

// pgx.CollectRows closes the rows.
func Weekly(ctx context.Context, pool *pgxpool.Pool) ([]Row, error) {
	rows, err := pool.Query(ctx, `SELECT id, name FROM weekly_report`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Row])
}

// The goroutine owns the rows and closes them when it is done.
func Export(ctx context.Context, db *sql.DB, out chan<- Row) error {
	rows, err := db.QueryContext(ctx, `SELECT id, name FROM export_queue`)
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		defer close(out)
		for rows.Next() {
			var r Row
			if err := rows.Scan(&r.ID, &r.Name); err != nil {
				log.Printf("export: %v", err)
				return
			}
			out <- r
		}
	}()
	return nil
}

// Sent on a channel to a consumer.
func Produce(ctx context.Context, db *sql.DB, ch chan<- *sql.Rows) error {
	rows, err := db.QueryContext(ctx, `SELECT id FROM jobs`)
	if err != nil {
		return err
	}
	ch <- rows
	return nil
}
