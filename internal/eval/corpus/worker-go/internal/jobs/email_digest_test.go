//go:build ignore

package jobs

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

func TestMarkDigestsSent(t *testing.T) {
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	var ids []int64
	for i := 0; i < 20; i++ {
		var id int64
		err := pool.QueryRow(ctx, `INSERT INTO users (email, locale, digest_opt_in) VALUES ($1, 'en', true) RETURNING id`,
			fmt.Sprintf("digest-%d@example.test", i)).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	r := &Runner{pool: pool}
	if err := r.MarkDigestsSent(ctx, ids); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		var n int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM digest_log WHERE user_id = $1`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("user %d: %d digest_log rows, want 1", id, n)
		}
	}
}
