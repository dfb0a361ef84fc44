package counters

import (
	"net/http"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[r.URL.Path]++
	w.Header().Set("X-Count", "1")
}

type Lease struct {
	mutex interface{ Lock() error }
}

func (l *Lease) Hold(db interface{ Exec(string) error }) error {
	// A distributed lock from another library: holding it across I/O is its purpose.
	if err := l.mutex.Lock(); err != nil {
		return err
	}
	return db.Exec("UPDATE jobs SET owner = 1")
}
