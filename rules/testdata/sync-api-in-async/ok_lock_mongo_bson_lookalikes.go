package inventory

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
)

// bson documents built under a lock but sent after it is released, and
// calls with collection-like names that send no document.

func (s *store) queued(ctx context.Context, sku string) error {
	s.stockMu.Lock()
	filter := bson.M{"sku": sku, "state": "queued"}
	s.pending = append(s.pending, bson.M{"sku": sku})
	s.batch.Add(bson.M{"sku": sku})
	s.stockMu.Unlock()

	// The query runs after the unlock.
	_, err := s.items.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"state": "reserved"}})
	return err
}

func (s *store) lookup(ctx context.Context, sku string) (int, bool) {
	s.stockMu.RLock()
	defer s.stockMu.RUnlock()
	// In-memory indexes whose methods share the driver's names.
	row, ok := s.index.FindOne(sku)
	s.local.DeleteMany(func(k string) bool { return k == sku })
	s.hot.InsertOne(sku, row)
	n := s.counts.Find(ctx, sku)
	return n, ok
}

func (s *store) background(ctx context.Context, sku string) {
	s.stockMu.Lock()
	defer s.stockMu.Unlock()
	go func() {
		// Runs on its own goroutine, not while the lock is held.
		s.items.UpdateOne(ctx, bson.M{"sku": sku}, bson.M{"$set": bson.M{"synced": true}})
	}()
}
