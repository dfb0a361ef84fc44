package profiles

import (
	"context"
	"database/sql"

	"github.com/samber/lo"
)

type Profile struct {
	UserID int64
	Bio    string
}

func Load(ctx context.Context, db *sql.DB, ids []int64) []Profile {
	return lo.Map(ids, func(id int64, _ int) Profile {
		p := Profile{UserID: id}
		db.QueryRowContext(ctx, "SELECT bio FROM profiles WHERE user_id = $1", id).Scan(&p.Bio) // want "query-in-loop: db.QueryRowContext runs once per element of lo.Map on line 16"
		return p
	})
}
