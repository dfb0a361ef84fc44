package inventory

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Store struct {
	db *mongo.Database
}

type Item struct {
	SKU   string `bson:"sku"`
	Stock int    `bson:"stock"`
}

func (s *Store) Stock(ctx context.Context, skus []string) (map[string]int, error) {
	coll := s.db.Collection("items")
	out := map[string]int{}
	for _, sku := range skus {
		var it Item
		if err := coll.FindOne(ctx, bson.M{"sku": sku}).Decode(&it); err != nil { // want "query-in-loop: coll.FindOne runs once per iteration of the loop on line 22 \\(N\\+1 queries\\); fetch all documents in one query \\(Find with bson.M\\{\"_id\": bson.M\\{\"\\$in\": ids\\}\\}\\)"
			return nil, err
		}
		out[sku] = it.Stock
	}
	return out, nil
}

func (s *Store) Restock(ctx context.Context, items []Item) error {
	for _, it := range items {
		_, err := s.db.Collection("items").UpdateOne(ctx, bson.M{"sku": it.SKU}, bson.M{"$inc": bson.M{"stock": it.Stock}}) // want "s.db.Collection\\(\\).UpdateOne runs once per iteration .*BulkWrite"
		if err != nil {
			return err
		}
	}
	return nil
}
