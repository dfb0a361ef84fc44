//go:build ignore

package profile

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type Profile struct {
	ID          string    `bson:"_id"`
	DisplayName string    `bson:"display_name"`
	AvatarURL   string    `bson:"avatar_url"`
	TimeZone    string    `bson:"tz"`
	UpdatedAt   time.Time `bson:"updated_at"`
}

type Store struct {
	users *mongo.Collection
}

func NewStore(db *mongo.Database) *Store {
	return &Store{users: db.Collection("users")}
}

func (s *Store) Get(ctx context.Context, id string) (Profile, error) {
	var p Profile
	err := s.users.FindOne(ctx, bson.M{"_id": id}).Decode(&p)
	return p, err
}

func (s *Store) Many(ctx context.Context, ids []string) (map[string]Profile, error) {
	cur, err := s.users.Find(ctx, bson.M{"_id": bson.M{"$in": ids}})
	if err != nil {
		return nil, err
	}
	var list []Profile
	if err := cur.All(ctx, &list); err != nil {
		return nil, err
	}
	out := make(map[string]Profile, len(list))
	for _, p := range list {
		out[p.ID] = p
	}
	return out, nil
}

// UpsertMany writes a batch of profile changes from the identity service in one BulkWrite.
func (s *Store) UpsertMany(ctx context.Context, ps []Profile) error {
	if len(ps) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, 0, len(ps))
	for _, p := range ps {
		p.UpdatedAt = time.Now()
		models = append(models, mongo.NewReplaceOneModel().SetFilter(bson.M{"_id": p.ID}).SetReplacement(p).SetUpsert(true))
	}
	_, err := s.users.BulkWrite(ctx, models, options.BulkWrite().SetOrdered(false))
	return err
}
