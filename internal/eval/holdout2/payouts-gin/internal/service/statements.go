//go:build ignore

package service

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type StatementLine struct {
	Day   time.Time `json:"day"`
	Cents int64     `json:"cents"`
	Count int       `json:"count"`
}

// Statements renders monthly statements. The last rendered month per merchant is kept in
// memory because the dashboard asks for it on every page load.
type Statements struct {
	pool *pgxpool.Pool

	mu   sync.Mutex
	last map[int64][]StatementLine

	// renderMu makes sure only one statement is rendered at a time; rendering is heavy
	// on the reporting replica.
	renderMu sync.Mutex
}

func NewStatements(pool *pgxpool.Pool) *Statements {
	return &Statements{pool: pool, last: make(map[int64][]StatementLine, 256)}
}

func (s *Statements) Cached(merchantID int64) ([]StatementLine, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	lines, ok := s.last[merchantID]
	return lines, ok
}

const dailyTotalsSQL = `
	SELECT date_trunc('day', at), sum(cents), count(*)
	  FROM ledger_entries
	 WHERE merchant_id = $1 AND at >= $2 AND at < $2 + interval '1 month'
	 GROUP BY 1 ORDER BY 1`

func (s *Statements) Render(ctx context.Context, merchantID int64, month time.Time) ([]StatementLine, error) {
	s.renderMu.Lock()
	defer s.renderMu.Unlock()

	rows, err := s.pool.Query(ctx, dailyTotalsSQL, merchantID, month) // expect: sync-api-in-async
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var lines []StatementLine
	for rows.Next() {
		var l StatementLine
		if err := rows.Scan(&l.Day, &l.Cents, &l.Count); err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}

	s.mu.Lock()
	if len(s.last) > 5000 {
		s.last = make(map[int64][]StatementLine, 256)
	}
	s.last[merchantID] = lines
	s.mu.Unlock()
	return lines, nil
}
