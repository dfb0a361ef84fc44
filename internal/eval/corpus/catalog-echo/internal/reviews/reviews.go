//go:build ignore

// Package reviews stores product reviews in MongoDB.
package reviews

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Review is one customer review.
type Review struct {
	ProductID int64     `bson:"product_id" json:"product_id"`
	Author    string    `bson:"author" json:"author"`
	Rating    int       `bson:"rating" json:"rating"`
	Body      string    `bson:"body" json:"body"`
	Helpful   int       `bson:"helpful" json:"helpful"`
	CreatedAt time.Time `bson:"created_at" json:"created_at"`
}

// Summary aggregates the reviews of one product.
type Summary struct {
	ProductID int64   `bson:"_id" json:"product_id"`
	Average   float64 `bson:"avg" json:"average"`
	Count     int     `bson:"count" json:"count"`
}

// Repo accesses the reviews collections.
type Repo struct {
	reviews   *mongo.Collection
	summaries *mongo.Collection
}

// New returns a Repo on db.
func New(db *mongo.Database) *Repo {
	return &Repo{reviews: db.Collection("reviews"), summaries: db.Collection("review_summaries")}
}

// Latest returns the newest reviews of a product.
func (r *Repo) Latest(ctx context.Context, productID int64, limit int64) ([]Review, error) {
	cur, err := r.reviews.Find(ctx, bson.M{"product_id": productID},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}}).SetLimit(limit))
	if err != nil {
		return nil, err
	}
	var out []Review
	return out, cur.All(ctx, &out)
}

// Summaries returns review summaries for many products with one $in query.
func (r *Repo) Summaries(ctx context.Context, productIDs []int64) (map[int64]Summary, error) {
	cur, err := r.summaries.Find(ctx, bson.M{"_id": bson.M{"$in": productIDs}})
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)
	out := make(map[int64]Summary, len(productIDs))
	for cur.Next(ctx) {
		var s Summary
		if err := cur.Decode(&s); err != nil {
			return nil, err
		}
		out[s.ProductID] = s
	}
	return out, cur.Err()
}

// TopReview returns the most helpful review of each product.
func (r *Repo) TopReview(ctx context.Context, productIDs []int64) (map[int64]Review, error) {
	out := make(map[int64]Review, len(productIDs))
	opts := options.FindOne().SetSort(bson.D{{Key: "helpful", Value: -1}})
	for _, id := range productIDs {
		var rv Review
		err := r.reviews.FindOne(ctx, bson.M{"product_id": id, "rating": bson.M{"$gte": 4}}, opts).Decode(&rv) // expect: query-in-loop
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = rv
	}
	return out, nil
}

// RefreshSummaries recomputes summaries for the products that received reviews since t.
func (r *Repo) RefreshSummaries(ctx context.Context, since time.Time) (int, error) {
	ids, err := r.reviews.Distinct(ctx, "product_id", bson.M{"created_at": bson.M{"$gte": since}})
	if err != nil {
		return 0, err
	}
	updated := 0
	for _, raw := range ids {
		id, _ := raw.(int64)
		cur, err := r.reviews.Aggregate(ctx, mongo.Pipeline{ // expect: query-in-loop
			{{Key: "$match", Value: bson.M{"product_id": id}}},
			{{Key: "$group", Value: bson.M{"_id": "$product_id", "avg": bson.M{"$avg": "$rating"}, "count": bson.M{"$sum": 1}}}},
		})
		if err != nil {
			return updated, err
		}
		var res []Summary
		if err := cur.All(ctx, &res); err != nil {
			return updated, err
		}
		if len(res) == 0 {
			continue
		}
		_, err = r.summaries.ReplaceOne(ctx, bson.M{"_id": id}, res[0], options.Replace().SetUpsert(true)) // expect: query-in-loop
		if err != nil {
			return updated, err
		}
		updated++
	}
	return updated, nil
}

// MarkHelpful increments helpful counters in one bulk write.
func (r *Repo) MarkHelpful(ctx context.Context, votes map[string]int) error {
	models := make([]mongo.WriteModel, 0, len(votes))
	for id, n := range votes {
		models = append(models, mongo.NewUpdateOneModel().SetFilter(bson.M{"_id": id}).SetUpdate(bson.M{"$inc": bson.M{"helpful": n}}))
	}
	if len(models) == 0 {
		return nil
	}
	_, err := r.reviews.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return err
}
