package inventory

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

// store is declared in another file of the package: the collections'
// types are not visible here, so the bson documents they are given say
// what the calls do.

func (s *store) reserve(ctx context.Context, sku string, qty int) error {
	s.stockMu.Lock()
	defer s.stockMu.Unlock()
	var item struct{ Available int }
	if err := s.items.FindOne(ctx, bson.M{"sku": sku}).Decode(&item); err != nil { // want "sync-api-in-async: `s.items.FindOne` queries the database while `s.stockMu` is held"
		return err
	}
	_, err := s.items.UpdateOne(ctx, bson.D{{Key: "sku", Value: sku}}, bson.M{"$inc": bson.M{"available": -qty}}) // want "sync-api-in-async: `s.items.UpdateOne` queries the database while `s.stockMu` is held"
	return err
}

func (s *store) restock(ctx context.Context, skus []string) error {
	s.auditMu.Lock()
	entry := bson.M{"skus": skus, "at": time.Now()}
	_, err := s.audit.InsertOne(ctx, entry) // want "sync-api-in-async: `s.audit.InsertOne` queries the database while `s.auditMu` is held"
	s.auditMu.Unlock()
	return err
}

func (s *store) totals(ctx context.Context) (*mongo.Cursor, error) {
	s.statsMu.RLock()
	defer s.statsMu.RUnlock()
	pipeline := mongo.Pipeline{{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$warehouse"}}}}}
	return s.items.Aggregate(ctx, pipeline) // want "sync-api-in-async: `s.items.Aggregate` queries the database while `s.statsMu` is held"
}

func (s *store) purge(ctx context.Context, ids []string) error {
	s.stockMu.Lock()
	defer s.stockMu.Unlock()
	_, err := s.db.Collection("holds").DeleteMany(ctx, bson.M{"_id": bson.M{"$in": ids}}) // want "sync-api-in-async: `s.db.Collection.*DeleteMany` queries the database while `s.stockMu` is held"
	return err
}
