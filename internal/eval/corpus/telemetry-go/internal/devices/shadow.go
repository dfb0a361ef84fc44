//go:build ignore

package devices

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// keepForever marks cache entries that are overwritten rather than expired.
const keepForever = 0

// Shadow is the desired and reported state of a device.
type Shadow struct {
	Desired  map[string]any `json:"desired"`
	Reported map[string]any `json:"reported"`
	Version  int64          `json:"version"`
}

// ShadowStore keeps device shadows in Postgres with a Redis copy.
type ShadowStore struct {
	pool *pgxpool.Pool
	rdb  *redis.Client
}

// NewShadowStore returns a ShadowStore.
func NewShadowStore(pool *pgxpool.Pool, rdb *redis.Client) *ShadowStore {
	return &ShadowStore{pool: pool, rdb: rdb}
}

// Save stores a new shadow version and refreshes the cached copy.
func (s *ShadowStore) Save(ctx context.Context, deviceID string, sh Shadow) error {
	b, err := json.Marshal(sh)
	if err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO shadows (device_id, version, doc) VALUES ($1, $2, $3)`, deviceID, sh.Version, b); err != nil {
		return err
	}
	return s.rdb.Set(ctx, "tm:shadow:"+deviceID, b, keepForever).Err() // expect: cache-without-ttl
}

// History returns the versions of a shadow changed since t.
func (s *ShadowStore) History(ctx context.Context, deviceID string, since time.Time) ([]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT version FROM shadows WHERE device_id = $1 AND created_at >= $2 ORDER BY version`, deviceID, since) // expect: missing-release
	if err != nil {
		return nil, err
	}
	var versions []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		versions = append(versions, v)
	}
	return versions, nil
}

// CachePending caches pending desired-state changes for a minute.
func (s *ShadowStore) CachePending(ctx context.Context, deviceID string, pending map[string]any) error {
	b, _ := json.Marshal(pending)
	return s.rdb.Set(ctx, "tm:shadow-pending:"+deviceID, b, time.Minute).Err()
}
