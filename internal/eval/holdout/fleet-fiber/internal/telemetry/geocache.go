//go:build ignore

package telemetry

import (
	"fmt"
	"math"
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// Reverse-geocoded street names for rounded coordinates (~100 m cells).
var streetNames = gocache.New(gocache.NoExpiration, 0) // expect: cache-without-ttl

// Vehicle -> last known fix, for the live map; entries age out when a
// vehicle stops reporting.
var lastFix = gocache.New(10*time.Minute, 20*time.Minute)

func cell(lat, lon float64) string {
	return fmt.Sprintf("%.3f,%.3f", math.Round(lat*1000)/1000, math.Round(lon*1000)/1000)
}

// StreetName returns the cached street for a coordinate, calling lookup on a miss.
func StreetName(lat, lon float64, lookup func(lat, lon float64) (string, error)) (string, error) {
	key := cell(lat, lon)
	if v, ok := streetNames.Get(key); ok {
		return v.(string), nil
	}
	name, err := lookup(lat, lon)
	if err != nil {
		return "", err
	}
	streetNames.Set(key, name, gocache.DefaultExpiration)
	return name, nil
}

// RememberFix records a vehicle's latest position.
func RememberFix(vehicleID int64, lat, lon float64, at time.Time) {
	lastFix.Set(fmt.Sprint(vehicleID), [3]float64{lat, lon, float64(at.Unix())}, gocache.DefaultExpiration)
}

// LastFix returns a vehicle's latest known position, if still fresh.
func LastFix(vehicleID int64) (lat, lon float64, at time.Time, ok bool) {
	v, found := lastFix.Get(fmt.Sprint(vehicleID))
	if !found {
		return 0, 0, time.Time{}, false
	}
	f := v.([3]float64)
	return f[0], f[1], time.Unix(int64(f[2]), 0), true
}
