//go:build ignore

package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

type searchDoc struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Tags      []string  `json:"tags"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Reindex pushes recently changed articles to the search outbox.
func (r *Runner) Reindex(ctx context.Context) error {
	conn, err := r.pool.Acquire(ctx) // expect: missing-release
	if err != nil {
		return err
	}
	var since time.Time
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(indexed_at), 'epoch') FROM search_state`).Scan(&since); err != nil {
		return fmt.Errorf("reading search state: %w", err)
	}
	rows, err := conn.Query(ctx,
		`SELECT id, title, body, tags, updated_at FROM articles WHERE updated_at > $1 ORDER BY updated_at`, since)
	if err != nil {
		conn.Release()
		return err
	}
	var docs []searchDoc
	var d searchDoc
	_, err = pgx.ForEachRow(rows, []any{&d.ID, &d.Title, &d.Body, &d.Tags, &d.UpdatedAt}, func() error {
		docs = append(docs, d)
		return nil
	})
	conn.Release()
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return nil
	}
	payload, err := json.Marshal(docs)
	if err != nil {
		return err
	}
	_, err = r.pool.Exec(ctx, `INSERT INTO search_outbox (payload) VALUES ($1)`, payload)
	return err
}

// StaleArticles lists articles whose search copy is older than maxAge.
func (r *Runner) StaleArticles(ctx context.Context, maxAge time.Duration) ([]int64, error) {
	rows, err := r.pool.Query(ctx, // expect: missing-release
		`SELECT a.id FROM articles a LEFT JOIN search_docs s ON s.article_id = a.id
		  WHERE s.indexed_at IS NULL OR s.indexed_at < now() - $1::interval`, maxAge)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ArticleTags returns the tag list of each article.
func (r *Runner) ArticleTags(ctx context.Context, ids []int64) (map[int64][]string, error) {
	rows, err := r.pool.Query(ctx, `SELECT article_id, tag FROM article_tags WHERE article_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64][]string, len(ids))
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return nil, err
		}
		out[id] = append(out[id], tag)
	}
	return out, rows.Err()
}
