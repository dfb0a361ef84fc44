//go:build ignore

package telemetry

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	redigo "github.com/gomodule/redigo/redis"

	"example.com/fleet/internal/models"
)

const snapshotTTLSeconds = 120

// Snapshotter publishes each vehicle's latest point to Redis for the live map.
type Snapshotter struct {
	pool *redigo.Pool

	mu     sync.Mutex
	latest map[int64]models.Point // bounded by the number of vehicles reporting
}

// NewSnapshotter returns a Snapshotter.
func NewSnapshotter(pool *redigo.Pool) *Snapshotter {
	return &Snapshotter{pool: pool, latest: map[int64]models.Point{}}
}

// Observe records points in memory; cheap, called per gateway batch.
func (s *Snapshotter) Observe(points []models.Point) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range points {
		if cur, ok := s.latest[p.VehicleID]; !ok || p.RecordedAt.After(cur.RecordedAt) {
			s.latest[p.VehicleID] = p
		}
	}
}

// Flush writes the latest points through one pipelined connection, each key
// with its expiry. The map is copied under the lock and written after it.
func (s *Snapshotter) Flush() error {
	s.mu.Lock()
	pending := s.latest
	s.latest = make(map[int64]models.Point, len(pending))
	s.mu.Unlock()
	if len(pending) == 0 {
		return nil
	}

	conn := s.pool.Get()
	defer conn.Close()
	for id, p := range pending {
		body, _ := json.Marshal(p)
		if err := conn.Send("SETEX", fmt.Sprintf("live:%d", id), snapshotTTLSeconds, body); err != nil {
			return err
		}
	}
	if err := conn.Flush(); err != nil {
		return err
	}
	for range pending {
		if _, err := conn.Receive(); err != nil {
			return err
		}
	}
	return nil
}

// Leader tries to become the flushing replica for the next interval.
func (s *Snapshotter) Leader(instance string, interval time.Duration) (bool, error) {
	conn := s.pool.Get()
	defer conn.Close()
	reply, err := redigo.String(conn.Do("SET", "live:leader", instance, "PX", interval.Milliseconds(), "NX"))
	if err == redigo.ErrNil {
		return false, nil
	}
	return reply == "OK", err
}

// PublishFleetCount stores how many vehicles reported in the last interval;
// the key expires with the next interval.
func (s *Snapshotter) PublishFleetCount(fleetID int64, n int, interval time.Duration) error {
	conn := s.pool.Get()
	defer conn.Close()
	key := fmt.Sprintf("live:count:%d", fleetID)
	if _, err := conn.Do("SET", key, n); err != nil {
		return err
	}
	_, err := conn.Do("EXPIRE", key, int(interval.Seconds())*2)
	return err
}
