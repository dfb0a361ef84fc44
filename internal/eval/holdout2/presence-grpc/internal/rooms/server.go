//go:build ignore

package rooms

import (
	"context"
	"errors"
	"sync"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/presence/internal/profile"
	pb "example.com/presence/proto"
)

type Room struct {
	ID      string   `bson:"_id"`
	Name    string   `bson:"name"`
	OwnerID string   `bson:"owner_id"`
	Members []string `bson:"members"`
	Private bool     `bson:"private"`
}

type Server struct {
	pb.UnimplementedRoomsServer
	rooms    *mongo.Collection
	users    *mongo.Collection
	rdb      *redis.Client
	profiles *profile.Store

	joinMu sync.Mutex
}

func NewServer(db *mongo.Database, rdb *redis.Client, profiles *profile.Store) *Server {
	return &Server{rooms: db.Collection("rooms"), users: db.Collection("users"), rdb: rdb, profiles: profiles}
}

func (s *Server) ListRooms(ctx context.Context, req *pb.ListRoomsRequest) (*pb.ListRoomsResponse, error) {
	opts := options.Find().SetSort(bson.D{{Key: "name", Value: 1}}).SetLimit(100).SetProjection(bson.M{"members": 0})
	cur, err := s.rooms.Find(ctx, bson.M{"members": req.GetUserId()}, opts)
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	var rooms []Room
	if err := cur.All(ctx, &rooms); err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	out := &pb.ListRoomsResponse{}
	for _, r := range rooms {
		out.Rooms = append(out.Rooms, &pb.Room{Id: r.ID, Name: r.Name})
	}
	return out, nil
}

type member struct {
	ID          string `bson:"_id"`
	DisplayName string `bson:"display_name"`
	AvatarURL   string `bson:"avatar_url"`
}

// RoomDetails returns the room and a card for each member.
func (s *Server) RoomDetails(ctx context.Context, req *pb.RoomDetailsRequest) (*pb.RoomDetailsResponse, error) {
	var room Room
	err := s.rooms.FindOne(ctx, bson.M{"_id": req.GetRoomId()}).Decode(&room)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, status.Error(codes.NotFound, "room not found")
	}
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}

	resp := &pb.RoomDetailsResponse{Room: &pb.Room{Id: room.ID, Name: room.Name}}
	for _, uid := range room.Members {
		var m member
		if err := s.users.FindOne(ctx, bson.M{"_id": uid}).Decode(&m); err != nil { // expect: query-in-loop
			continue
		}
		resp.Members = append(resp.Members, &pb.Member{Id: m.ID, DisplayName: m.DisplayName, AvatarUrl: m.AvatarURL})
	}
	return resp, nil
}

// MemberCards is the batched form used by the web client.
func (s *Server) MemberCards(ctx context.Context, req *pb.MemberCardsRequest) (*pb.MemberCardsResponse, error) {
	cur, err := s.users.Find(ctx, bson.M{"_id": bson.M{"$in": req.GetUserIds()}})
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	defer cur.Close(ctx)
	out := &pb.MemberCardsResponse{}
	for cur.Next(ctx) {
		var m member
		if err := cur.Decode(&m); err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		out.Members = append(out.Members, &pb.Member{Id: m.ID, DisplayName: m.DisplayName, AvatarUrl: m.AvatarURL})
	}
	return out, cur.Err()
}
