//go:build ignore

// Package middleware holds gin middleware for the orders API.
package middleware

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

type introspection struct {
	Active   bool   `json:"active"`
	Subject  string `json:"sub"`
	Scope    string `json:"scope"`
	ExpireAt int64  `json:"exp"`
}

var (
	tokenMu sync.RWMutex
	// tokens remembers introspection results by bearer token.
	tokens = make(map[string]introspection) // expect: cache-without-ttl
)

// Auth validates bearer tokens against the identity service.
func Auth(introspectURL string) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if raw == "" {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing token"})
			return
		}
		tokenMu.RLock()
		info, ok := tokens[raw]
		tokenMu.RUnlock()
		if !ok {
			resp, err := http.PostForm(introspectURL, url.Values{"token": {raw}}) // expect: sync-api-in-async
			if err != nil {
				c.AbortWithStatusJSON(http.StatusServiceUnavailable, gin.H{"error": "identity service unavailable"})
				return
			}
			defer resp.Body.Close()
			if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
				c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "bad introspection response"})
				return
			}
			tokenMu.Lock()
			tokens[raw] = info
			tokenMu.Unlock()
		}
		if !info.Active || time.Now().Unix() > info.ExpireAt {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "token inactive"})
			return
		}
		c.Set("subject", info.Subject)
		c.Set("scopes", strings.Fields(info.Scope))
		c.Next()
	}
}

// RequireScope rejects requests whose token lacks scope.
func RequireScope(scope string) gin.HandlerFunc {
	return func(c *gin.Context) {
		scopes, _ := c.Get("scopes")
		for _, s := range scopes.([]string) {
			if s == scope {
				c.Next()
				return
			}
		}
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "missing scope " + scope})
	}
}
