package inventory

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Catalog struct {
	items *mongo.Collection
}

// One query; the cursor is iterated.
func (c *Catalog) Stock(ctx context.Context, skus []string) (map[string]int, error) {
	cur, err := c.items.Find(ctx, bson.M{"sku": bson.M{"$in": skus}})
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)
	out := map[string]int{}
	for cur.Next(ctx) {
		var it struct {
			SKU   string `bson:"sku"`
			Stock int    `bson:"stock"`
		}
		if err := cur.Decode(&it); err != nil {
			return nil, err
		}
		out[it.SKU] = it.Stock
	}
	return out, cur.Err()
}

func (c *Catalog) Restock(ctx context.Context, skus []string) error {
	models := make([]mongo.WriteModel, 0, len(skus))
	for _, sku := range skus {
		models = append(models, mongo.NewUpdateOneModel().SetFilter(bson.M{"sku": sku}).SetUpdate(bson.M{"$inc": bson.M{"stock": 1}}))
	}
	_, err := c.items.BulkWrite(ctx, models)
	return err
}
