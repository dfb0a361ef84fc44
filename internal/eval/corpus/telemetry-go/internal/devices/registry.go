//go:build ignore

// Package devices keeps the device registry.
package devices

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	gocache "github.com/patrickmn/go-cache"
	"github.com/redis/go-redis/v9"
)

// Device is a registered sensor.
type Device struct {
	ID        string    `json:"id"`
	TenantID  string    `json:"tenant_id"`
	Model     string    `json:"model"`
	Firmware  string    `json:"firmware"`
	LastSeen  time.Time `json:"last_seen"`
	RebootURL string    `json:"-"`
}

// ErrUnknownDevice is returned for unregistered device ids.
var ErrUnknownDevice = errors.New("devices: unknown device")

// Registry looks devices up through a local cache, Redis, then Postgres.
type Registry struct {
	pool  *pgxpool.Pool
	rdb   *redis.Client
	local *gocache.Cache

	mu       sync.Mutex
	lastSeen map[string]time.Time
}

// NewRegistry returns a Registry.
func NewRegistry(pool *pgxpool.Pool, rdb *redis.Client) *Registry {
	return &Registry{
		pool:     pool,
		rdb:      rdb,
		local:    gocache.New(30*time.Second, time.Minute),
		lastSeen: make(map[string]time.Time),
	}
}

// Get returns a device.
func (r *Registry) Get(ctx context.Context, id string) (Device, error) {
	if v, ok := r.local.Get(id); ok {
		return v.(Device), nil
	}
	var d Device
	if b, err := r.rdb.Get(ctx, "tm:device:"+id).Bytes(); err == nil && json.Unmarshal(b, &d) == nil {
		r.local.SetDefault(id, d)
		return d, nil
	}
	err := r.pool.QueryRow(ctx, `SELECT id, tenant_id, model, firmware, last_seen, reboot_url FROM devices WHERE id = $1`, id).
		Scan(&d.ID, &d.TenantID, &d.Model, &d.Firmware, &d.LastSeen, &d.RebootURL)
	if errors.Is(err, pgx.ErrNoRows) {
		return Device{}, ErrUnknownDevice
	}
	if err != nil {
		return Device{}, err
	}
	b, _ := json.Marshal(d)
	r.rdb.Set(ctx, "tm:device:"+id, b, 10*time.Minute)
	r.local.SetDefault(id, d)
	return d, nil
}

// Touch records that a device reported, flushing to Postgres at most once a minute per device.
func (r *Registry) Touch(ctx context.Context, id string, at time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if prev, ok := r.lastSeen[id]; ok && at.Sub(prev) < time.Minute {
		return nil
	}
	r.lastSeen[id] = at
	_, err := r.pool.Exec(ctx, `UPDATE devices SET last_seen = $2 WHERE id = $1 AND last_seen < $2`, id, at) // expect: sync-api-in-async
	return err
}

// SetFirmware records a firmware version and caches the device record.
func (r *Registry) SetFirmware(ctx context.Context, id, version string) error {
	if _, err := r.pool.Exec(ctx, `UPDATE devices SET firmware = $2 WHERE id = $1`, id, version); err != nil {
		return err
	}
	r.local.Delete(id)
	return r.rdb.Set(ctx, "tm:device-firmware:"+id, version, 0).Err() // expect: cache-without-ttl
}

// Tenants returns the tenant of each device id, using one query.
func (r *Registry) Tenants(ctx context.Context, ids []string) (map[string]string, error) {
	rows, err := r.pool.Query(ctx, `SELECT id, tenant_id FROM devices WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]string, len(ids))
	for rows.Next() {
		var id, tenant string
		if err := rows.Scan(&id, &tenant); err != nil {
			return nil, err
		}
		out[id] = tenant
	}
	return out, rows.Err()
}
