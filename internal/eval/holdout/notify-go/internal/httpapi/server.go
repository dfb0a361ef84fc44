//go:build ignore

package httpapi

import (
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"

	"example.com/notify/internal/templates"
)

// Server is the public notification API.
type Server struct {
	db    *sql.DB
	rdb   *redis.Client
	mongo *mongo.Database
	tpl   *templates.Set
	log   *slog.Logger
}

// New returns the API server.
func New(db *sql.DB, rdb *redis.Client, mdb *mongo.Database, tpl *templates.Set, log *slog.Logger) *Server {
	return &Server{db: db, rdb: rdb, mongo: mdb, tpl: tpl, log: log}
}

// Routes returns the HTTP handler. The unsubscribe pages come from the old
// echo app and are mounted as they were.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/notifications", s.createNotification)
	mux.HandleFunc("GET /v1/users/{id}/notifications", s.listNotifications)
	mux.HandleFunc("POST /v1/users/{id}/notifications/read", s.markRead)
	mux.HandleFunc("PUT /v1/users/{id}/preferences", s.putPreferences)
	mux.HandleFunc("GET /v1/users/{id}/stats", s.userStats)
	mux.HandleFunc("GET /v1/healthz", s.health)

	e := echo.New()
	e.HideBanner = true
	e.GET("/v1/unsubscribe/:token", s.unsubscribePage)
	e.POST("/v1/unsubscribe/:token", s.unsubscribe)
	mux.Handle("/v1/unsubscribe/", e)
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	s.log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	writeJSON(w, status, map[string]string{"error": http.StatusText(status)})
}
