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

var (
	resolveMu sync.RWMutex
	resolved  = map[string]string{} // want "cache-without-ttl: .*package-level map `resolved`"
)

// Resolve uses double-checked locking around a lookup.
func Resolve(host string) string {
	resolveMu.RLock()
	ip, ok := resolved[host]
	resolveMu.RUnlock()
	if ok {
		return ip
	}
	resolveMu.Lock()
	defer resolveMu.Unlock()
	if ip, ok := resolved[host]; ok {
		return ip
	}
	ip = lookupHost(host)
	resolved[host] = ip
	return ip
}

func lookupHost(h string) string { return h }

var (
	slugMu sync.Mutex
	slugs  = map[string]string{} // want "cache-without-ttl: .*package-level map `slugs`"
)

// Slug fills the entry when missing and reads it back.
func Slug(title string) string {
	slugMu.Lock()
	defer slugMu.Unlock()
	if _, ok := slugs[title]; !ok {
		slugs[title] = slugify(title)
	}
	return slugs[title]
}

func slugify(s string) string { return s }

var rendered sync.Map // want "cache-without-ttl: .*sync.Map `rendered`"

// Render stores the first rendering of each page.
func Render(page string) string {
	v, _ := rendered.LoadOrStore(page, renderPage(page))
	return v.(string)
}

func renderPage(p string) string { return p }
