//go:build ignore

package rooms

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/bson"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "example.com/presence/proto"
)

type card struct {
	Name    string `json:"name"`
	Members int    `json:"members"`
	Private bool   `json:"private"`
}

// RoomCard is shown in link previews. Join and Leave delete the key, so the cached card
// is kept until the membership changes.
func (s *Server) RoomCard(ctx context.Context, req *pb.RoomCardRequest) (*pb.RoomCardResponse, error) {
	key := "roomcard:" + req.GetRoomId()
	if b, err := s.rdb.Get(ctx, key).Bytes(); err == nil {
		var c card
		if json.Unmarshal(b, &c) == nil {
			return &pb.RoomCardResponse{Name: c.Name, Members: int32(c.Members), Private: c.Private}, nil
		}
	} else if !errors.Is(err, redis.Nil) {
		return nil, status.Error(codes.Unavailable, err.Error())
	}

	var room Room
	if err := s.rooms.FindOne(ctx, bson.M{"_id": req.GetRoomId()}).Decode(&room); err != nil {
		return nil, status.Error(codes.NotFound, "room not found")
	}
	c := card{Name: room.Name, Members: len(room.Members), Private: room.Private}
	b, _ := json.Marshal(c)
	if err := s.rdb.Set(ctx, key, b, 0).Err(); err != nil { // expect: cache-without-ttl
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	return &pb.RoomCardResponse{Name: c.Name, Members: int32(c.Members), Private: c.Private}, nil
}
