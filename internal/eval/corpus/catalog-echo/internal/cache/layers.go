//go:build ignore

// Package cache holds the catalog's in-process and Redis caches.
package cache

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/allegro/bigcache/v3"
	"github.com/dgraph-io/ristretto"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/hashicorp/golang-lru/v2/expirable"
	"github.com/redis/go-redis/v9"
)

// Layers bundles the caches used by the handlers.
type Layers struct {
	products *ristretto.Cache
	slugs    *lru.Cache[string, int64]
	pages    *expirable.LRU[string, []byte]
	blobs    *bigcache.BigCache
	rdb      *redis.Client
}

var (
	brandLogosMu sync.Mutex
	// brandLogos maps brand id to its resized logo URL.
	brandLogos = map[int64]string{} // expect: cache-without-ttl
)

// NewLayers builds bounded in-process caches in front of Redis.
func NewLayers(rdb *redis.Client) (*Layers, error) {
	products, err := ristretto.NewCache(&ristretto.Config{NumCounters: 1e6, MaxCost: 64 << 20, BufferItems: 64})
	if err != nil {
		return nil, err
	}
	slugs, err := lru.New[string, int64](50_000)
	if err != nil {
		return nil, err
	}
	blobs, err := bigcache.New(context.Background(), bigcache.DefaultConfig(10*time.Minute))
	if err != nil {
		return nil, err
	}
	return &Layers{
		products: products,
		slugs:    slugs,
		pages:    expirable.NewLRU[string, []byte](2_000, nil, time.Minute),
		blobs:    blobs,
		rdb:      rdb,
	}, nil
}

// Product returns a cached product body.
func (l *Layers) Product(slug string) (any, bool) { return l.products.Get(slug) }

// PutProduct caches a product body for five minutes.
func (l *Layers) PutProduct(slug string, body any) {
	l.products.SetWithTTL(slug, body, 1, 5*time.Minute)
}

// SearchHits returns cached hit ids for a query.
func (l *Layers) SearchHits(ctx context.Context, q string) ([]int64, bool) {
	raw, err := l.rdb.Get(ctx, searchKey(q)).Result()
	if err != nil {
		return nil, false
	}
	var ids []int64
	if json.Unmarshal([]byte(raw), &ids) != nil {
		return nil, false
	}
	return ids, true
}

func searchKey(q string) string { return "catalog:search:" + strings.ToLower(strings.TrimSpace(q)) }

// PutSearchHits caches hit ids for a query.
func (l *Layers) PutSearchHits(ctx context.Context, q string, ids []int64) {
	b, _ := json.Marshal(ids)
	l.rdb.Set(ctx, searchKey(q), b, 0) // expect: cache-without-ttl
}

// PutPage caches a rendered listing page.
func (l *Layers) PutPage(key string, html []byte) {
	l.pages.Add(key, html)
	_ = l.blobs.Set("page:"+key, html)
}

// BrandLogo returns the resized logo URL of a brand, computing it once.
func BrandLogo(brandID int64, original string) string {
	brandLogosMu.Lock()
	defer brandLogosMu.Unlock()
	if u, ok := brandLogos[brandID]; ok {
		return u
	}
	u := "https://img.example/resize/w=200/" + strings.TrimPrefix(original, "https://")
	brandLogos[brandID] = u
	return u
}

// PutSlugs caches slug -> id lookups and mirrors them to Redis with a TTL.
func (l *Layers) PutSlugs(ctx context.Context, slugs map[string]int64) error {
	pipe := l.rdb.Pipeline()
	for slug, id := range slugs {
		l.slugs.Add(slug, id)
		pipe.Set(ctx, "catalog:slug:"+slug, strconv.FormatInt(id, 10), 12*time.Hour)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// PutFacetCounts stores facet counts for a category.
func (l *Layers) PutFacetCounts(ctx context.Context, categoryID int64, counts map[string]int) error {
	b, err := json.Marshal(counts)
	if err != nil {
		return err
	}
	noExpiry := time.Duration(0)
	return l.rdb.Set(ctx, "catalog:facets:"+strconv.FormatInt(categoryID, 10), b, noExpiry).Err() // expect: cache-without-ttl
}
