package geo

import (
	"time"

	gocache "github.com/patrickmn/go-cache"
)

var byIP = gocache.New(30*time.Minute, time.Hour)

func Remember(ip, country string) {
	byIP.Set(ip, country, gocache.DefaultExpiration)
	byIP.Set("last", ip, time.Minute)
}
