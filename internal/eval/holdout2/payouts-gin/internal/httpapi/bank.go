//go:build ignore

package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/payouts/internal/service"
)

var bankSecret = []byte(os.Getenv("BANK_CALLBACK_SECRET"))

type bankEvent struct {
	PayoutRef string `json:"payoutRef"`
	BankRef   string `json:"bankRef"`
	Status    string `json:"status"`
}

// bankCallback receives settlement notices from the bank.
func (a *API) bankCallback(c *gin.Context) {
	raw, err := io.ReadAll(io.LimitReader(c.Request.Body, 1<<20))
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, bankSecret)
	mac.Write(raw)
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(c.GetHeader("X-Bank-Signature"))) {
		c.Status(http.StatusUnauthorized)
		return
	}

	var ev bankEvent
	if err := json.Unmarshal(raw, &ev); err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	id, err := strconv.ParseInt(ev.PayoutRef, 10, 64)
	if err != nil || ev.Status != "settled" {
		c.Status(http.StatusNoContent)
		return
	}

	// The bank sometimes calls back before our own create has been replicated to the
	// database this instance reads from. Give replication a moment.
	time.Sleep(750 * time.Millisecond) // expect: sync-api-in-async

	err = a.payouts.MarkPaid(c.Request.Context(), id, ev.BankRef)
	switch {
	case errors.Is(err, service.ErrAlreadyPaid):
		c.Status(http.StatusOK)
	case err != nil:
		c.Status(http.StatusServiceUnavailable)
	default:
		c.Status(http.StatusOK)
	}
}
