//go:build ignore

package httpapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"

	"example.com/payouts/internal/cache"
	"example.com/payouts/internal/service"
)

type API struct {
	payouts    *service.Payouts
	merchants  *service.Merchants
	statements *service.Statements
	rates      *cache.Rates
	pool       *pgxpool.Pool
}

func Router(p *service.Payouts, m *service.Merchants, s *service.Statements, r *cache.Rates, pool *pgxpool.Pool) http.Handler {
	api := &API{payouts: p, merchants: m, statements: s, rates: r, pool: pool}

	g := gin.New()
	g.Use(gin.Recovery(), requestLog())

	g.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	v1 := g.Group("/v1")
	v1.GET("/payouts/:id", api.getPayout)
	v1.POST("/payouts", api.createPayout)
	v1.POST("/payouts:lookup", api.lookupPayouts)
	v1.GET("/merchants/overview", api.overview)
	v1.GET("/fx/:from/:to", api.fxRate)
	v1.POST("/bank/callback", api.bankCallback)
	v1.GET("/merchants/:id/statement", api.statement)
	return g
}

func requestLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		if c.Writer.Status() >= 500 {
			gin.DefaultErrorWriter.Write([]byte(c.Request.Method + " " + c.FullPath() + " " + time.Since(start).String() + "\n"))
		}
	}
}
