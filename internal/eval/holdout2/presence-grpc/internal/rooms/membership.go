//go:build ignore

package rooms

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/bson"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "example.com/presence/proto"
)

const maxMembers = 500

// Join adds the caller to a room. joinMu stops two joins on this instance from both
// passing the size check; the filter below protects against other instances.
func (s *Server) Join(ctx context.Context, req *pb.JoinRequest) (*pb.JoinResponse, error) {
	s.joinMu.Lock()
	res, err := s.rooms.UpdateOne(ctx, // expect: sync-api-in-async
		bson.M{"_id": req.GetRoomId(), "private": false, fmt.Sprintf("members.%d", maxMembers-1): bson.M{"$exists": false}},
		bson.M{"$addToSet": bson.M{"members": req.GetUserId()}},
	)
	s.joinMu.Unlock()
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	if res.MatchedCount == 0 {
		return nil, status.Error(codes.FailedPrecondition, "room full, private or missing")
	}
	s.rdb.Del(ctx, "roomcard:"+req.GetRoomId())
	return &pb.JoinResponse{}, nil
}

// Leave needs no lock: $pull is idempotent.
func (s *Server) Leave(ctx context.Context, req *pb.LeaveRequest) (*pb.LeaveResponse, error) {
	_, err := s.rooms.UpdateOne(ctx, bson.M{"_id": req.GetRoomId()}, bson.M{"$pull": bson.M{"members": req.GetUserId()}})
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	s.rdb.Del(ctx, "roomcard:"+req.GetRoomId())
	return &pb.LeaveResponse{}, nil
}
