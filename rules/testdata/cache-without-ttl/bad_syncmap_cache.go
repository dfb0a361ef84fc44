package users

import (
	"context"
	"database/sql"
	"sync"
)

var userCache sync.Map // want "cache-without-ttl: .*sync.Map `userCache`"

func Name(ctx context.Context, db *sql.DB, id string) (string, error) {
	if v, ok := userCache.Load(id); ok {
		return v.(string), nil
	}
	var name string
	if err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
		return "", err
	}
	userCache.Store(id, name)
	return name, nil
}
