//go:build ignore

package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

var unsubscribeKey = []byte(os.Getenv("UNSUBSCRIBE_KEY"))

// Tokens are "<userID>.<sig>"; verified in memory.
func verifyToken(token string) (string, bool) {
	userID, sig, ok := strings.Cut(token, ".")
	if !ok {
		return "", false
	}
	mac := hmac.New(sha256.New, unsubscribeKey)
	mac.Write([]byte(userID))
	want := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	return userID, hmac.Equal([]byte(sig), []byte(want))
}

// unsubscribePage shows the one-click page listing what the user receives.
func (s *Server) unsubscribePage(c echo.Context) error {
	userID, ok := verifyToken(c.Param("token"))
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	ctx := c.Request().Context()
	rows, err := s.db.QueryContext(ctx, `SELECT template, channel FROM preferences WHERE user_id = $1 AND enabled ORDER BY template`, userID) // expect: missing-release
	if err != nil {
		return err
	}
	type sub struct{ Template, Channel string }
	var subs []sub
	for rows.Next() {
		var x sub
		if err := rows.Scan(&x.Template, &x.Channel); err != nil {
			return err
		}
		subs = append(subs, x)
	}
	return c.Render(http.StatusOK, "unsubscribe.html", map[string]any{"token": c.Param("token"), "subs": subs})
}

// unsubscribe turns everything off. The response time is padded so an
// attacker cannot tell valid tokens from invalid ones by timing.
func (s *Server) unsubscribe(c echo.Context) error {
	started := time.Now()
	userID, ok := verifyToken(c.Param("token"))
	if ok {
		ctx := c.Request().Context()
		if _, err := s.db.ExecContext(ctx, `UPDATE preferences SET enabled = false WHERE user_id = $1`, userID); err != nil {
			return err
		}
		// Remember the choice for the "you have unsubscribed" banner; marketing
		// links may ask for the banner to disappear after a while.
		var bannerTTL time.Duration
		if d, err := time.ParseDuration(c.QueryParam("banner_for")); err == nil && d > 0 {
			bannerTTL = d
		}
		_ = s.rdb.Set(ctx, "unsub:"+userID, started.Unix(), bannerTTL).Err() // expect: cache-without-ttl
	}
	if pad := 300*time.Millisecond - time.Since(started); pad > 0 {
		time.Sleep(pad + time.Duration(rand.IntN(50))*time.Millisecond) // expect: sync-api-in-async
	}
	return c.NoContent(http.StatusNoContent)
}
