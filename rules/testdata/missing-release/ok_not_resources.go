package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/semaphore"
)

type Handler struct {
	rdb *redis.Client
	sem *semaphore.Weighted
	svc *SearchService
}

type SearchService struct{}

type Result struct{ ID string }

// Query on a service that returns a slice: nothing to close.
func (s *SearchService) Query(ctx context.Context, q string) ([]Result, error) { return nil, nil }

func (h *Handler) Search(c *gin.Context) {
	q := c.Query("q")
	page, _ := strconv.Atoi(c.DefaultQuery("page", "1"))
	values := c.Request.URL.Query()
	results, err := h.svc.Query(c.Request.Context(), q)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	if err := h.sem.Acquire(c, 1); err != nil {
		return
	}
	defer h.sem.Release(1)
	cached, err := h.rdb.Do(c, "GET", "search:"+q).Result()
	if err == nil {
		c.JSON(http.StatusOK, cached)
		return
	}
	c.JSON(http.StatusOK, gin.H{"page": page, "results": results, "sort": values.Get("sort")})
}

// An API wrapper whose response carries the body as bytes.
type APIResponse struct {
	StatusCode int
	Body       []byte
}

type APIClient struct{}

func (c *APIClient) Get(ctx context.Context, path string) (*APIResponse, error) { return nil, nil }

func (h *Handler) Profile(ctx context.Context, apiClient *APIClient) (int, error) {
	resp, err := apiClient.Get(ctx, "/me")
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, nil
	}
	return len(resp.Body), nil
}
