package geo

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
)

type Point struct{ Lat, Lng float64 }

var (
	geoMu sync.Mutex
	// geocoded holds the coordinates of every address ever looked up.
	geocoded = map[string]Point{} // want "cache-without-ttl: .*package-level map `geocoded` is used as a cache that only grows"
)

// Geocode returns the coordinates of an address.
func Geocode(ctx context.Context, c *http.Client, addr string) (Point, error) {
	geoMu.Lock()
	p, ok := geocoded[addr]
	geoMu.Unlock()
	if ok {
		return p, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://geo.example/v1?q="+addr, nil)
	if err != nil {
		return Point{}, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return Point{}, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return Point{}, err
	}
	geoMu.Lock()
	geocoded[addr] = p
	geoMu.Unlock()
	return p, nil
}

var (
	tzMu     sync.RWMutex
	timezone = make(map[Point]string) // want "cache-without-ttl: .*package-level map `timezone`"
)

// Zone computes the time zone of a point once.
func Zone(p Point) string {
	tzMu.RLock()
	z, found := timezone[p]
	tzMu.RUnlock()
	if !found {
		z = lookupZone(p)
		tzMu.Lock()
		timezone[p] = z
		tzMu.Unlock()
	}
	return z
}

func lookupZone(p Point) string { return "UTC" }

var shapes sync.Map // want "cache-without-ttl: .*sync.Map `shapes`"

// Shape loads a region's outline on first use.
func Shape(region string) []Point {
	if v, ok := shapes.Load(region); ok {
		return v.([]Point)
	}
	pts := loadShape(region)
	shapes.Store(region, pts)
	return pts
}

func loadShape(region string) []Point { return nil }
