//go:build ignore

package jobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

type digestUser struct {
	ID     int64
	Email  string
	Locale string
}

type digestItem struct {
	Title     string
	URL       string
	CreatedAt time.Time
}

// EmailDigest queues one digest email per subscribed user.
func (r *Runner) EmailDigest(ctx context.Context) error {
	rows, err := r.pool.Query(ctx, `SELECT id, email, locale FROM users WHERE digest_opt_in AND deleted_at IS NULL`)
	if err != nil {
		return err
	}
	users, err := pgx.CollectRows(rows, pgx.RowToStructByPos[digestUser])
	if err != nil {
		return fmt.Errorf("loading digest users: %w", err)
	}

	since := time.Now().Add(-24 * time.Hour)
	queued := 0
	for _, u := range users {
		var lastSent time.Time
		err := r.pool.QueryRow(ctx, `SELECT sent_at FROM digest_log WHERE user_id = $1 ORDER BY sent_at DESC LIMIT 1`, u.ID).Scan(&lastSent) // expect: query-in-loop
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if lastSent.After(since) {
			continue
		}
		itemRows, err := r.pool.Query(ctx, // expect: query-in-loop
			`SELECT title, url, created_at FROM activity WHERE user_id = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT 20`,
			u.ID, since)
		if err != nil {
			return err
		}
		items, err := pgx.CollectRows(itemRows, pgx.RowToStructByPos[digestItem])
		if err != nil {
			return err
		}
		if len(items) == 0 {
			continue
		}
		if _, err := r.pool.Exec(ctx, `INSERT INTO outbound_email (user_id, template, payload) VALUES ($1, 'digest', $2)`, u.ID, items); err != nil { // expect: query-in-loop
			return err
		}
		queued++
	}
	r.log.Info("digests queued", "count", queued)
	return nil
}

// MarkDigestsSent records delivery for many users in one round trip.
func (r *Runner) MarkDigestsSent(ctx context.Context, userIDs []int64) error {
	batch := &pgx.Batch{}
	for _, id := range userIDs {
		batch.Queue(`INSERT INTO digest_log (user_id, sent_at) VALUES ($1, now())`, id)
	}
	br := r.pool.SendBatch(ctx, batch)
	defer br.Close()
	for range userIDs {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}
