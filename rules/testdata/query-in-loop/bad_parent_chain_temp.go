package folders

import (
	"context"
	"database/sql"
)

type Folder struct {
	ID       int64
	ParentID sql.NullInt64
	Name     string
}

type Repo struct {
	db *sql.DB
}

func (r *Repo) byID(ctx context.Context, id int64) (*Folder, error) {
	var f Folder
	err := r.db.QueryRowContext(ctx, "SELECT id, parent_id, name FROM folders WHERE id = $1", id).Scan(&f.ID, &f.ParentID, &f.Name)
	return &f, err
}

// Breadcrumbs walks to the root one folder per query.
func (r *Repo) Breadcrumbs(ctx context.Context, start *Folder) ([]string, error) {
	names := []string{start.Name}
	cur := start
	for cur.ParentID.Valid {
		parent, err := r.byID(ctx, cur.ParentID.Int64) // want "query-in-loop: r.byID → r.db.QueryRowContext runs once per iteration of the loop on line 28 \\(N\\+1 queries\\)"
		if err != nil {
			return nil, err
		}
		names = append([]string{parent.Name}, names...)
		cur = parent
	}
	return names, nil
}
