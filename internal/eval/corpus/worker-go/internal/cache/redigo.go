//go:build ignore

// Package cache wraps a redigo pool with the worker's cache helpers.
package cache

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Cache stores JSON values in Redis.
type Cache struct {
	pool *redis.Pool
}

// New returns a Cache.
func New(pool *redis.Pool) *Cache { return &Cache{pool: pool} }

// GetJSON decodes key into dst and reports whether it existed.
func (c *Cache) GetJSON(key string, dst any) (bool, error) {
	conn := c.pool.Get()
	defer conn.Close()
	b, err := redis.Bytes(conn.Do("GET", key))
	if errors.Is(err, redis.ErrNil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(b, dst)
}

// SetJSON stores v under key for ttl.
func (c *Cache) SetJSON(key string, v any, ttl time.Duration) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	conn := c.pool.Get()
	defer conn.Close()
	_, err = conn.Do("SET", key, b, "EX", int(ttl.Seconds()))
	return err
}

// SetArticleHTML caches a rendered article.
func (c *Cache) SetArticleHTML(articleID int64, html []byte) error {
	conn := c.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", fmt.Sprintf("article:html:%d", articleID), html) // expect: cache-without-ttl
	return err
}

// SetAuthorProfile caches an author's public profile for an hour.
func (c *Cache) SetAuthorProfile(authorID int64, profile []byte) error {
	conn := c.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SETEX", fmt.Sprintf("author:%d", authorID), 3600, profile)
	return err
}

// SetFeed replaces a user's feed and gives it a day to live, atomically.
func (c *Cache) SetFeed(userID int64, items [][]byte) error {
	conn := c.pool.Get()
	defer conn.Close()
	key := fmt.Sprintf("feed:%d", userID)
	if err := conn.Send("MULTI"); err != nil {
		return err
	}
	conn.Send("DEL", key)
	for _, it := range items {
		conn.Send("RPUSH", key, it)
	}
	conn.Send("EXPIRE", key, 86400)
	_, err := conn.Do("EXEC")
	return err
}

// RememberLastSeen stores the time a user was last active.
func (c *Cache) RememberLastSeen(userID int64, at time.Time) error {
	conn := c.pool.Get()
	defer conn.Close()
	_, err := conn.Do("SET", fmt.Sprintf("last-seen:%d", userID), at.Unix()) // expect: cache-without-ttl
	return err
}

// CacheCounts stores per-article view counts in one pipelined round trip.
func (c *Cache) CacheCounts(counts map[int64]int64) error {
	conn := c.pool.Get()
	defer conn.Close()
	for id, n := range counts {
		if err := conn.Send("SET", fmt.Sprintf("views:%d", id), n, "PX", 300000); err != nil {
			return err
		}
	}
	if err := conn.Flush(); err != nil {
		return err
	}
	for range counts {
		if _, err := conn.Receive(); err != nil {
			return err
		}
	}
	return nil
}

// PrimeSlugs caches slug -> id lookups.
func (c *Cache) PrimeSlugs(slugs map[string]int64) error {
	conn := c.pool.Get()
	defer conn.Close()
	args := redis.Args{}
	for slug, id := range slugs {
		args = args.Add("slug:"+slug, id)
	}
	_, err := conn.Do("MSET", args...)
	if err != nil {
		return err
	}
	for slug := range slugs {
		conn.Send("EXPIRE", "slug:"+slug, 6*3600)
	}
	return conn.Flush()
}

// SetDraftPreview stores a draft preview token.
func (c *Cache) SetDraftPreview(token string, articleID int64) error {
	conn := c.pool.Get()
	defer conn.Close()
	if _, err := conn.Do("SET", "preview:"+token, articleID, "NX"); err != nil { // expect: cache-without-ttl
		return err
	}
	return nil
}
