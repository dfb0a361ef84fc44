//go:build ignore

package admin

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

var identityURL = os.Getenv("IDENTITY_URL")

type admin struct {
	db  *sql.DB
	rdb *redis.Client
}

// Routes serves the small admin API used by the support console.
func Routes(db *sql.DB, rdb *redis.Client) http.Handler {
	a := &admin{db: db, rdb: rdb}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/users/{id}", a.user)
	mux.HandleFunc("POST /admin/users/{id}/kick", a.kick)
	mux.HandleFunc("GET /admin/audit", a.audit)
	return mux
}

func (a *admin) user(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	resp, err := http.Get(identityURL + "/users/" + id) // expect: sync-api-in-async
	if err != nil {
		http.Error(w, "identity unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	online, _ := a.rdb.Exists(r.Context(), "online:"+id).Result()

	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"online":`+strconv.FormatBool(online == 1)+`,"identity":`)
	_, _ = io.Copy(w, resp.Body)
	_, _ = io.WriteString(w, "}")
}

// kick disconnects a user and records who did it. The audit insert and the session
// revocation must use one connection because revoke_sessions() reads a session variable.
func (a *admin) kick(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	actor := r.Header.Get("X-Support-Agent")

	conn, err := a.db.Conn(ctx) // expect: missing-release
	if err != nil {
		http.Error(w, "db", http.StatusServiceUnavailable)
		return
	}
	if _, err := conn.ExecContext(ctx, `SELECT set_config('audit.actor', $1, false)`, actor); err != nil {
		http.Error(w, "db", http.StatusServiceUnavailable)
		return
	}
	if _, err := conn.ExecContext(ctx, `SELECT revoke_sessions($1)`, id); err != nil {
		conn.Close()
		http.Error(w, "db", http.StatusServiceUnavailable)
		return
	}
	conn.Close()

	a.rdb.Del(ctx, "online:"+id)
	// Clients poll every 20 s; wait one poll so the kicked session has seen the revocation
	// before support is told it is done.
	time.Sleep(20 * time.Second) // expect: sync-api-in-async
	w.WriteHeader(http.StatusNoContent)
}

type auditRow struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
}

func (a *admin) audit(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := a.db.QueryContext(r.Context(), `SELECT at, actor, action, target FROM audit_log ORDER BY at DESC LIMIT $1`, limit)
	if err != nil {
		http.Error(w, "db", http.StatusServiceUnavailable)
		return
	}
	defer rows.Close()
	var out []auditRow
	for rows.Next() {
		var ar auditRow
		if err := rows.Scan(&ar.At, &ar.Actor, &ar.Action, &ar.Target); err != nil {
			http.Error(w, "db", http.StatusInternalServerError)
			return
		}
		out = append(out, ar)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
