package banners

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Server struct{ rdb *redis.Client }

// The expiration is declared 0 and only set when a condition holds: on
// the other path the key never expires.
func (s *Server) Remember(ctx context.Context, userID, banner string, started time.Time) {
	var bannerTTL time.Duration
	if d, err := time.ParseDuration(banner); err == nil && d > 0 {
		bannerTTL = d
	}
	_ = s.rdb.Set(ctx, "unsub:"+userID, started.Unix(), bannerTTL).Err() // want "cache-without-ttl: .*`bannerTTL` is 0 unless the `if` on line 16 sets it"
}

func (s *Server) Pin(ctx context.Context, id string, sticky bool, secs int) error {
	var ttl int
	if !sticky {
		ttl = secs
	}
	return s.rdb.Set(ctx, "pin:"+id, "1", time.Duration(ttl)*time.Second).Err() // want "cache-without-ttl: .*`ttl` is 0 unless the `if` on line 24 sets it"
}

func (s *Server) Unsubscribe(ctx context.Context, userID, banner string, ok bool) {
	if ok {
		var ttl time.Duration
		if d, err := time.ParseDuration(banner); err == nil {
			ttl = d
		}
		s.rdb.Set(ctx, "unsub:"+userID, "1", ttl) // want "cache-without-ttl: .*`ttl` is 0 unless the `if` on line 33 sets it"
	}
}
