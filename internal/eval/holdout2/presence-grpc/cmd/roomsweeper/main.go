//go:build ignore

// roomsweeper archives rooms that have had no messages for 90 days. Runs nightly from cron.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type room struct {
	ID      string `bson:"_id"`
	OwnerID string `bson:"owner_id"`
}

func main() {
	dryRun := flag.Bool("dry-run", false, "only report")
	idle := flag.Duration("idle", 90*24*time.Hour, "idle period before archiving")
	flag.Parse()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()

	client, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")))
	if err != nil {
		slog.Error("connect", "err", err)
		os.Exit(1)
	}
	defer client.Disconnect(context.Background())
	db := client.Database("presence")

	cur, err := db.Collection("rooms").Find(ctx, bson.M{"archived": bson.M{"$ne": true}}, options.Find().SetProjection(bson.M{"_id": 1, "owner_id": 1}))
	if err != nil {
		slog.Error("find", "err", err)
		os.Exit(1)
	}
	var rooms []room
	if err := cur.All(ctx, &rooms); err != nil {
		slog.Error("read", "err", err)
		os.Exit(1)
	}

	cutoff := time.Now().Add(-*idle)
	var stale []string
	for _, r := range rooms {
		n, err := db.Collection("messages").CountDocuments(ctx, // expect: query-in-loop
			bson.M{"room_id": r.ID, "sent_at": bson.M{"$gte": cutoff}},
			options.Count().SetLimit(1))
		if err != nil {
			slog.Warn("count", "room", r.ID, "err", err)
			continue
		}
		if n == 0 {
			stale = append(stale, r.ID)
		}
	}
	slog.Info("stale rooms", "n", len(stale), "of", len(rooms))
	if *dryRun || len(stale) == 0 {
		return
	}

	res, err := db.Collection("rooms").UpdateMany(ctx, bson.M{"_id": bson.M{"$in": stale}}, bson.M{"$set": bson.M{"archived": true, "archived_at": time.Now()}})
	if err != nil {
		slog.Error("archive", "err", err)
		os.Exit(1)
	}
	slog.Info("archived", "n", res.ModifiedCount)
}
