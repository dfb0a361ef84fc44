//go:build ignore

package digest

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Item is an in-app notification stored in MongoDB.
type Item struct {
	ID        primitive.ObjectID `bson:"_id"`
	UserID    primitive.ObjectID `bson:"user_id"`
	Title     string             `bson:"title"`
	CreatedAt time.Time          `bson:"created_at"`
}

type user struct {
	ID       primitive.ObjectID `bson:"_id"`
	Email    string             `bson:"email"`
	Timezone string             `bson:"timezone"`
	Digest   bool               `bson:"digest"`
}

// Entry is one line of a digest email.
type Entry struct {
	Email string
	Tz    string
	Title string
}

// Collect gathers yesterday's unread items for users who opted in to digests.
func Collect(ctx context.Context, db *mongo.Database, since time.Time) ([]Entry, error) {
	items := db.Collection("items")
	users := db.Collection("users")
	cur, err := items.Find(ctx, bson.M{"created_at": bson.M{"$gte": since}, "read_at": nil},
		options.Find().SetSort(bson.D{{Key: "user_id", Value: 1}, {Key: "created_at", Value: -1}}).SetBatchSize(500))
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)

	var out []Entry
	for cur.Next(ctx) {
		var it Item
		if err := cur.Decode(&it); err != nil {
			return nil, err
		}
		var u user
		err := users.FindOne(ctx, bson.M{"_id": it.UserID}).Decode(&u) // expect: query-in-loop
		if err == mongo.ErrNoDocuments || (err == nil && !u.Digest) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", it.UserID.Hex(), err)
		}
		out = append(out, Entry{Email: u.Email, Tz: u.Timezone, Title: it.Title})
	}
	return out, cur.Err()
}

// OptedIn returns the users who want digests, in one query.
func OptedIn(ctx context.Context, db *mongo.Database, ids []primitive.ObjectID) (map[primitive.ObjectID]string, error) {
	cur, err := db.Collection("users").Find(ctx, bson.M{"_id": bson.M{"$in": ids}, "digest": true},
		options.Find().SetProjection(bson.M{"email": 1}))
	if err != nil {
		return nil, err
	}
	var found []user
	if err := cur.All(ctx, &found); err != nil {
		return nil, err
	}
	out := make(map[primitive.ObjectID]string, len(found))
	for _, u := range found {
		out[u.ID] = u.Email
	}
	return out, nil
}
