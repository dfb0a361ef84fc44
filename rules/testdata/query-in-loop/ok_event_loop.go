package notify

import (
	"context"
	"database/sql"

	"github.com/redis/go-redis/v9"
)

// Messages are handled as they arrive from a subscription: an event loop,
// not a loop over a list.
func Listen(ctx context.Context, rdb *redis.Client, db *sql.DB) {
	sub := rdb.Subscribe(ctx, "orders")
	defer sub.Close()
	for msg := range sub.Channel() {
		db.ExecContext(ctx, "INSERT INTO inbox (payload) VALUES ($1)", msg.Payload)
	}
}
