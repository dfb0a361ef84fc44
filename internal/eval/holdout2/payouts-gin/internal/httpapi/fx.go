//go:build ignore

package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	gocache "github.com/patrickmn/go-cache"
)

var fxProvider = os.Getenv("FX_PROVIDER_URL")

// currencyNames never change at runtime; loaded lazily from the provider.
var currencyNames = gocache.New(gocache.NoExpiration, 0) // expect: cache-without-ttl

type fxQuote struct {
	Rate float64 `json:"rate"`
	Name string  `json:"name"`
}

func (a *API) fxRate(c *gin.Context) {
	from, to := strings.ToUpper(c.Param("from")), strings.ToUpper(c.Param("to"))
	ctx := c.Request.Context()

	if rate, ok, err := a.rates.Get(ctx, from, to); err == nil && ok {
		c.JSON(http.StatusOK, fxQuote{Rate: rate, Name: currencyName(to)})
		return
	}

	resp, err := http.Get(fmt.Sprintf("%s/latest?base=%s&symbols=%s", fxProvider, from, to)) // expect: sync-api-in-async
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "fx_unavailable"})
		return
	}
	defer resp.Body.Close()

	var body struct {
		Rates map[string]float64 `json:"rates"`
		Names map[string]string  `json:"names"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || body.Rates[to] == 0 {
		c.JSON(http.StatusBadGateway, gin.H{"error": "fx_bad_response"})
		return
	}
	for code, name := range body.Names {
		currencyNames.SetDefault(code, name)
	}
	_ = a.rates.Put(ctx, from, to, body.Rates[to])
	c.JSON(http.StatusOK, fxQuote{Rate: body.Rates[to], Name: currencyName(to)})
}

func currencyName(code string) string {
	if v, ok := currencyNames.Get(code); ok {
		return v.(string)
	}
	return code
}
