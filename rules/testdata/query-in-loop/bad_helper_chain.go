package users

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
)

type Handler struct {
	db *sql.DB
}

type User struct {
	ID    int64
	Name  string
	Roles []string
}

func (h *Handler) loadUser(ctx context.Context, id int64) (User, error) {
	u := User{ID: id}
	err := h.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&u.Name)
	return u, err
}

func loadRoles(ctx context.Context, db *sql.DB, userID int64) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT role FROM user_roles WHERE user_id = $1", userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var roles []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		roles = append(roles, r)
	}
	return roles, rows.Err()
}

// hydrate is two hops away from the query.
func (h *Handler) hydrate(ctx context.Context, u *User) error {
	roles, err := loadRoles(ctx, h.db, u.ID)
	u.Roles = roles
	return err
}

func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var out []User
	for _, s := range r.URL.Query()["id"] {
		id, _ := strconv.ParseInt(s, 10, 64)
		u, err := h.loadUser(ctx, id) // want "query-in-loop: h.loadUser → h.db.QueryRowContext runs once per iteration of the loop on line 53 \\(N\\+1 queries\\); load what h.loadUser needs for all items before the loop"
		if err != nil {
			continue
		}
		if err := h.hydrate(ctx, &u); err != nil { // want "h.hydrate → loadRoles → db.QueryContext runs once per iteration of the loop on line 53"
			continue
		}
		out = append(out, u)
	}
	_ = out
}

// walk recurses through a tree with a query per node.
func walk(ctx context.Context, db *sql.DB, id int64, visit func(int64)) error {
	visit(id)
	rows, err := db.QueryContext(ctx, "SELECT id FROM nodes WHERE parent = $1", id)
	if err != nil {
		return err
	}
	var kids []int64
	for rows.Next() {
		var k int64
		rows.Scan(&k)
		kids = append(kids, k)
	}
	rows.Close()
	for _, k := range kids {
		if err := walk(ctx, db, k, visit); err != nil { // want "walk → db.QueryContext runs once per iteration of the loop on line 81"
			return err
		}
	}
	return nil
}
