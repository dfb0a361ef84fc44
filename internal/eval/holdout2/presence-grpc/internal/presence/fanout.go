//go:build ignore

package presence

import (
	"context"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Fanout publishes presence changes to the rooms a user is in. Changes for one user that
// arrive while a publish is running are coalesced.
type Fanout struct {
	rdb *redis.Client

	mu       sync.Mutex
	inflight map[string]bool
}

func NewFanout(rdb *redis.Client) *Fanout {
	return &Fanout{rdb: rdb, inflight: make(map[string]bool)}
}

func (f *Fanout) Publish(ctx context.Context, userID string, rooms []string, online bool) error {
	f.mu.Lock()
	if f.inflight[userID] {
		f.mu.Unlock()
		return nil
	}
	f.inflight[userID] = true
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.inflight, userID)
		f.mu.Unlock()
	}()

	state := "offline"
	if online {
		state = "online"
	}
	_, err := f.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, room := range rooms {
			p.Publish(ctx, "room:"+room+":presence", userID+":"+state)
			p.HSet(ctx, "roompresence:"+room, userID, state)
			p.Expire(ctx, "roompresence:"+room, 10*time.Minute)
		}
		return nil
	})
	return err
}

// Touch refreshes the value of an online flag without changing its expiry.
func (f *Fanout) Touch(ctx context.Context, userID, device string) error {
	return f.rdb.Set(ctx, onlineKey(userID), device, redis.KeepTTL).Err()
}

// Claim takes the per-user "last seen" writer slot for 30 seconds.
func (f *Fanout) Claim(ctx context.Context, userID, instance string) (bool, error) {
	return f.rdb.SetNX(ctx, "lastseen-writer:"+userID, instance, 30*time.Second).Result()
}

// LastSeen writes last-seen times for a batch of users, each with a 30 day expiry.
func (f *Fanout) LastSeen(ctx context.Context, seen map[string]time.Time) error {
	pipe := f.rdb.Pipeline()
	for uid, at := range seen {
		pipe.Set(ctx, "lastseen:"+uid, at.Unix(), 30*24*time.Hour)
	}
	_, err := pipe.Exec(ctx)
	return err
}
