//go:build ignore

package profile

import (
	"context"
	"sync"
	"time"
)

// timeZones remembers each user's *time.Location so presence timestamps can be shown
// in local time without asking Mongo again.
var timeZones sync.Map // expect: cache-without-ttl

func (s *Store) Location(ctx context.Context, userID string) *time.Location {
	if v, ok := timeZones.Load(userID); ok {
		return v.(*time.Location)
	}
	p, err := s.Get(ctx, userID)
	if err != nil || p.TimeZone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return time.UTC
	}
	timeZones.Store(userID, loc)
	return loc
}

// zoneNames is a fixed table of display names for the time zones the UI offers.
var zoneNames = map[string]string{
	"Europe/London":    "London",
	"Europe/Berlin":    "Berlin",
	"America/New_York": "New York",
	"Asia/Tokyo":       "Tokyo",
}

func ZoneName(tz string) string {
	if n, ok := zoneNames[tz]; ok {
		return n
	}
	return tz
}
