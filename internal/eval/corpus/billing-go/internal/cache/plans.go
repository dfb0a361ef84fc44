//go:build ignore

package cache

import (
	"container/list"
	"sync"
)

var (
	fxMu sync.RWMutex
	// fxRates holds historic exchange rates keyed by "EUR/USD@2024-05-01".
	fxRates = make(map[string]float64) // expect: cache-without-ttl
)

// HistoricRate returns a cached rate.
func HistoricRate(key string) (float64, bool) {
	fxMu.RLock()
	defer fxMu.RUnlock()
	r, ok := fxRates[key]
	return r, ok
}

// StoreHistoricRate caches a rate.
func StoreHistoricRate(key string, rate float64) {
	fxMu.Lock()
	fxRates[key] = rate
	fxMu.Unlock()
}

// boundedLRU is a small LRU for rendered invoice HTML; it evicts beyond capacity.
type boundedLRU struct {
	mu    sync.Mutex
	cap   int
	ll    *list.List
	items map[string]*list.Element
}

type entry struct {
	key  string
	html []byte
}

var renderedInvoices = &boundedLRU{cap: 512, ll: list.New(), items: make(map[string]*list.Element)}

// RenderedInvoice returns cached HTML.
func RenderedInvoice(id string) ([]byte, bool) {
	c := renderedInvoices
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[id]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*entry).html, true
	}
	return nil, false
}

// StoreRenderedInvoice caches HTML, evicting the least recently used entry when full.
func StoreRenderedInvoice(id string, html []byte) {
	c := renderedInvoices
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[id]; ok {
		el.Value.(*entry).html = html
		c.ll.MoveToFront(el)
		return
	}
	c.items[id] = c.ll.PushFront(&entry{key: id, html: html})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}
