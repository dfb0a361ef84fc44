//go:build ignore

// Package storage writes and reads time series in PostgreSQL.
package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store wraps the pool.
type Store struct {
	pool *pgxpool.Pool
}

// New returns a Store.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Row is one stored sample.
type Row struct {
	DeviceID string
	Time     time.Time
	Metric   string
	Value    float64
}

// CopyPoints bulk-loads samples.
func (s *Store) CopyPoints(ctx context.Context, rows []Row) (int64, error) {
	return s.pool.CopyFrom(ctx, pgx.Identifier{"samples"}, []string{"device_id", "ts", "metric", "value"},
		pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) {
			r := rows[i]
			return []any{r.DeviceID, r.Time, r.Metric, r.Value}, nil
		}))
}

// Bucket is an aggregated sample.
type Bucket struct {
	Start time.Time `json:"start"`
	Avg   float64   `json:"avg"`
	Max   float64   `json:"max"`
}

// Series aggregates a metric of one device into buckets.
func (s *Store) Series(ctx context.Context, deviceID, metric string, from, to time.Time, step time.Duration) ([]Bucket, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT date_bin($4::interval, ts, $2) AS b, avg(value), max(value)
		   FROM samples WHERE device_id = $1 AND ts >= $2 AND ts < $3 AND metric = $5
		  GROUP BY b ORDER BY b`, deviceID, from, to, step, metric)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Bucket])
}

// Latest returns the latest value of each metric of a device.
func (s *Store) Latest(ctx context.Context, deviceID string, metrics []string) (map[string]float64, error) {
	out := make(map[string]float64, len(metrics))
	for _, m := range metrics {
		var v float64
		err := s.pool.QueryRow(ctx, `SELECT value FROM samples WHERE device_id = $1 AND metric = $2 ORDER BY ts DESC LIMIT 1`, deviceID, m).Scan(&v) // expect: query-in-loop
		if err == pgx.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("latest %s: %w", m, err)
		}
		out[m] = v
	}
	return out, nil
}

// Downsample rolls raw samples older than a day into hourly buckets, one partition at a time.
func (s *Store) Downsample(ctx context.Context, partition string) (int64, error) {
	conn, err := s.pool.Acquire(ctx) // expect: missing-release
	if err != nil {
		return 0, err
	}
	if _, err := conn.Exec(ctx, `SET LOCAL work_mem = '256MB'`); err != nil {
		return 0, err
	}
	tag, err := conn.Exec(ctx, fmt.Sprintf(
		`INSERT INTO samples_hourly (device_id, metric, hour, avg, max)
		 SELECT device_id, metric, date_trunc('hour', ts), avg(value), max(value) FROM %s
		  WHERE ts < now() - interval '1 day' GROUP BY 1, 2, 3
		 ON CONFLICT DO NOTHING`, pgx.Identifier{partition}.Sanitize()))
	conn.Release()
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

// DeviceMetrics lists the metric names a device has reported.
func (s *Store) DeviceMetrics(ctx context.Context, deviceID string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT metric FROM samples WHERE device_id = $1 AND ts > now() - interval '7 days'`, deviceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// PurgeDevice removes all samples of a device, partition by partition.
func (s *Store) PurgeDevice(ctx context.Context, deviceID string, partitions []string) error {
	tx, err := s.pool.Begin(ctx) // expect: missing-release
	if err != nil {
		return err
	}
	for _, p := range partitions {
		if _, err := tx.Exec(ctx, fmt.Sprintf(`DELETE FROM %s WHERE device_id = $1`, pgx.Identifier{p}.Sanitize()), deviceID); err != nil { // expect: query-in-loop
			return fmt.Errorf("purging %s: %w", p, err)
		}
	}
	return tx.Commit(ctx)
}
