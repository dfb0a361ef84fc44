package pricing

import "sync"

var (
	quotesMu sync.RWMutex
	quotes   = make(map[string]float64) // want "cache-without-ttl: .*package-level map `quotes`"
)

// Quote returns the last quote seen for a symbol.
func Quote(symbol string) (float64, bool) {
	quotesMu.RLock()
	defer quotesMu.RUnlock()
	q, ok := quotes[symbol]
	return q, ok
}

// RememberQuote caches a quote fetched from the exchange.
func RememberQuote(symbol string, q float64) {
	quotesMu.Lock()
	quotes[symbol] = q
	quotesMu.Unlock()
}
