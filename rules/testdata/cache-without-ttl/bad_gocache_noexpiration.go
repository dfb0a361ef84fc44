package geo

import (
	"time"

	"github.com/patrickmn/go-cache"
)

var lookups = cache.New(cache.NoExpiration, 10*time.Minute) // want "cache-without-ttl: .*cache.New\\(cache.NoExpiration, …\\).*never expire"

type Resolver struct {
	c *cache.Cache
}

func NewResolver() *Resolver {
	return &Resolver{c: cache.New(5*time.Minute, 10*time.Minute)}
}

func (r *Resolver) Remember(ip, country string) {
	r.c.Set(ip, country, cache.NoExpiration) // want "cache-without-ttl: .*r.c.Set\\(…, cache.NoExpiration\\)"
}

func Country(ip string) (string, bool) {
	v, ok := lookups.Get(ip)
	if !ok {
		return "", false
	}
	return v.(string), true
}
