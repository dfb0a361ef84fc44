//go:build ignore

package admin

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
)

var slackWebhook = os.Getenv("ADMIN_SLACK_WEBHOOK")

type handlers struct {
	db  *sql.DB
	rdb *redis.Client
	log *slog.Logger
}

// Routes returns the internal admin API (behind the VPN).
func Routes(db *sql.DB, rdb *redis.Client, log *slog.Logger) http.Handler {
	h := &handlers{db: db, rdb: rdb, log: log}
	r := gin.New()
	r.Use(gin.Recovery())
	g := r.Group("/admin")
	g.POST("/outbox/retry", h.retryFailed)
	g.POST("/test-send", h.testSend)
	g.GET("/stats", h.stats)
	return r
}

type retryRequest struct {
	IDs []int64 `json:"ids" binding:"required,max=500"`
}

// retryFailed clears the lease and attempt count of failed messages.
func (h *handlers) retryFailed(c *gin.Context) {
	var req retryRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	ctx := c.Request.Context()
	reset := 0
	for _, id := range req.IDs {
		res, err := h.db.ExecContext(ctx, `UPDATE outbox SET attempts = 0, leased_until = NULL WHERE id = $1 AND sent_at IS NULL`, id) // expect: query-in-loop
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
			return
		}
		if n, _ := res.RowsAffected(); n == 1 {
			reset++
		}
	}
	c.JSON(http.StatusOK, gin.H{"reset": reset})
}

// testSend lets support staff trigger a sample notification and posts a note
// in the ops channel.
func (h *handlers) testSend(c *gin.Context) {
	var body struct {
		UserID   string `json:"user_id"`
		Template string `json:"template"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	payload, _ := json.Marshal(map[string]any{"user_id": body.UserID, "template": body.Template, "channel": "push", "data": map[string]string{"title": "Test"}})
	if _, err := h.db.ExecContext(c.Request.Context(), `INSERT INTO outbox (topic, payload) VALUES ('notification', $1)`, payload); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	// Let the relay pick it up before we report back, so the caller sees the result.
	time.Sleep(3 * time.Second) // expect: sync-api-in-async
	var sentAt sql.NullTime
	_ = h.db.QueryRowContext(c.Request.Context(), `SELECT max(sent_at) FROM outbox WHERE payload->>'user_id' = $1`, body.UserID).Scan(&sentAt)

	if slackWebhook != "" {
		note, _ := json.Marshal(map[string]string{"text": "test notification sent to " + body.UserID + " by " + c.GetHeader("X-Forwarded-User")})
		resp, err := http.Post(slackWebhook, "application/json", bytes.NewReader(note)) // expect: sync-api-in-async
		if err == nil {
			resp.Body.Close()
		}
	}
	c.JSON(http.StatusOK, gin.H{"sent_at": sentAt})
}

// stats reads counters kept by the relay.
func (h *handlers) stats(c *gin.Context) {
	ctx := c.Request.Context()
	keys := []string{"stats:sent:sms", "stats:sent:push", "stats:failed:sms", "stats:failed:push"}
	vals, err := h.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	out := gin.H{}
	for i, k := range keys {
		out[k] = vals[i]
	}
	var pending int
	if err := h.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE sent_at IS NULL`).Scan(&pending); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	out["pending"] = pending
	c.JSON(http.StatusOK, out)
}
