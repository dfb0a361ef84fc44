//go:build ignore

package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
)

func (a *API) getPayout(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad_id"})
		return
	}
	p, err := a.payouts.Get(c.Request.Context(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not_found"})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "db"})
		return
	}
	c.JSON(http.StatusOK, p)
}

type createReq struct {
	MerchantID  int64  `json:"merchantId" binding:"required"`
	AmountCents int64  `json:"amountCents" binding:"required,gt=0"`
	Currency    string `json:"currency" binding:"required,len=3"`
}

func (a *API) createPayout(c *gin.Context) {
	var req createReq
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	id, err := a.payouts.Create(c.Request.Context(), req.MerchantID, req.AmountCents, req.Currency)
	if err != nil {
		c.JSON(http.StatusUnprocessableEntity, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": id})
}

type lookupItem struct {
	ID     int64      `json:"id"`
	Status string     `json:"status"`
	PaidAt *time.Time `json:"paidAt,omitempty"`
}

// lookupPayouts lets a merchant's back office poll the status of many payouts.
func (a *API) lookupPayouts(c *gin.Context) {
	var body struct {
		IDs []int64 `json:"ids" binding:"required,max=500"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	ctx := c.Request.Context()
	out := make([]lookupItem, 0, len(body.IDs))
	for _, id := range body.IDs {
		var it lookupItem
		err := a.pool.QueryRow(ctx, `SELECT id, status, paid_at FROM payouts WHERE id = $1`, id).Scan(&it.ID, &it.Status, &it.PaidAt) // expect: query-in-loop
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			c.JSON(http.StatusInternalServerError, gin.H{"error": "db"})
			return
		}
		out = append(out, it)
	}
	c.JSON(http.StatusOK, out)
}

func (a *API) overview(c *gin.Context) {
	ov, err := a.merchants.Overview(c.Request.Context())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "db"})
		return
	}
	c.JSON(http.StatusOK, ov)
}

func (a *API) statement(c *gin.Context) {
	id, _ := strconv.ParseInt(c.Param("id"), 10, 64)
	if lines, ok := a.statements.Cached(id); ok && c.Query("month") == "" {
		c.JSON(http.StatusOK, lines)
		return
	}
	month, err := time.Parse("2006-01", c.DefaultQuery("month", time.Now().Format("2006-01")))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad_month"})
		return
	}
	lines, err := a.statements.Render(c.Request.Context(), id, month)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "db"})
		return
	}
	c.JSON(http.StatusOK, lines)
}
