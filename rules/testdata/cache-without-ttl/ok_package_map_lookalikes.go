package stats

import (
	"strings"
	"sync"
)

var (
	mu       sync.Mutex
	hits     = map[string]int{}
	bytesOut = map[string]int64{}
	byTenant = map[string][]string{}
	seen     = map[string]struct{}{}
	groups   = map[string]map[string]bool{}
	done     = map[int64]bool{}
	profiles = map[string]string{}
	limits   = map[string]int{}
	aliases  = map[string]string{}
)

// Counters and accumulators.
func Hit(route string, n int64) {
	mu.Lock()
	defer mu.Unlock()
	hits[route]++
	bytesOut[route] += n
	cur := byTenant[route]
	byTenant[route] = append(cur, "x")
}

// Deduplication sets.
func Once(id string) bool {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := seen[id]; ok {
		return false
	}
	seen[id] = struct{}{}
	return true
}

func MarkDone(id int64) {
	if !done[id] {
		done[id] = true
	}
}

// Get-or-create of a container.
func Join(group, member string) {
	g, ok := groups[group]
	if !ok {
		g = make(map[string]bool)
		groups[group] = g
	}
	g[member] = true
}

// A memo whose entries are deleted when they go stale.
func Profile(id string) string {
	if p, ok := profiles[id]; ok {
		return p
	}
	p := strings.ToUpper(id)
	profiles[id] = p
	return p
}

func Forget(id string) { delete(profiles, id) }

// Bounded by a size check.
func Limit(key string) int {
	if l, ok := limits[key]; ok {
		return l
	}
	l := len(key) * 10
	if len(limits) < 1000 {
		limits[key] = l
	}
	return l
}

// Filled at start-up from a fixed table.
func init() {
	for _, a := range []string{"us", "uk"} {
		aliases[a] = strings.ToUpper(a)
	}
}

func Alias(code string) string {
	if a, ok := aliases[code]; ok {
		return a
	}
	return code
}

var keyLocks sync.Map

// One mutex per key, created on first use.
func LockKey(k string) func() {
	m, _ := keyLocks.LoadOrStore(k, new(sync.Mutex))
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}
