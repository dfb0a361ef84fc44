//go:build ignore

package cache

import (
	"context"
	"sync"

	"github.com/jmoiron/sqlx"
)

// skuNames memoises SKU -> display name for the export job and the label printer.
var (
	skuNamesMu sync.RWMutex
	skuNames   = map[string]string{} // expect: cache-without-ttl
)

func SKUName(ctx context.Context, db *sqlx.DB, sku string) (string, error) {
	skuNamesMu.RLock()
	name, ok := skuNames[sku]
	skuNamesMu.RUnlock()
	if ok {
		return name, nil
	}

	if err := db.GetContext(ctx, &name, `SELECT name FROM items WHERE sku = $1`, sku); err != nil {
		return "", err
	}

	skuNamesMu.Lock()
	skuNames[sku] = name
	skuNamesMu.Unlock()
	return name, nil
}
