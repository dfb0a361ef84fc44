package templates

import "sync"

var (
	mu        sync.Mutex
	pageCache = make(map[string][]byte)
	memoCache = map[string]int{}
)

const maxPages = 512

func Put(name string, b []byte) {
	mu.Lock()
	defer mu.Unlock()
	if len(pageCache) >= maxPages {
		for k := range pageCache {
			delete(pageCache, k)
			break
		}
	}
	pageCache[name] = b
}

func Remember(k string, v int) {
	memoCache[k] = v
}

func Reset() {
	memoCache = map[string]int{}
}
