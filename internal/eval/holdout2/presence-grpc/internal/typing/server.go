//go:build ignore

package typing

import (
	"context"

	"github.com/gomodule/redigo/redis"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "example.com/presence/proto"
)

// Typing indicators live in a separate, non-persistent Redis.
type Server struct {
	pb.UnimplementedTypingServer
	pool *redis.Pool
}

func NewServer(pool *redis.Pool) *Server { return &Server{pool: pool} }

func typingKey(roomID, userID string) string { return "typing:" + roomID + ":" + userID }

// StartTyping marks the user as typing for five seconds.
func (s *Server) StartTyping(ctx context.Context, req *pb.TypingRequest) (*pb.TypingResponse, error) {
	conn, err := s.pool.GetContext(ctx)
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	defer conn.Close()
	if _, err := conn.Do("SET", typingKey(req.GetRoomId(), req.GetUserId()), "1", "EX", 5); err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	return &pb.TypingResponse{}, nil
}

// WhoIsTyping checks each room member; rooms shown with typing indicators are small.
func (s *Server) WhoIsTyping(ctx context.Context, req *pb.WhoIsTypingRequest) (*pb.WhoIsTypingResponse, error) {
	conn := s.pool.Get()
	defer conn.Close()

	out := &pb.WhoIsTypingResponse{}
	for _, uid := range req.GetMemberIds() {
		ok, err := redis.Bool(conn.Do("EXISTS", typingKey(req.GetRoomId(), uid))) // expect: query-in-loop
		if err != nil {
			return nil, status.Error(codes.Unavailable, err.Error())
		}
		if ok {
			out.UserIds = append(out.UserIds, uid)
		}
	}
	return out, nil
}

// SetDraft caches the unsent message a user was writing, so another device can pick it up.
func (s *Server) SetDraft(ctx context.Context, req *pb.DraftRequest) (*pb.DraftResponse, error) {
	conn := s.pool.Get() // expect: missing-release
	if len(req.GetText()) > 8000 {
		return nil, status.Error(codes.InvalidArgument, "draft too long")
	}
	_, err := conn.Do("SET", "draft:"+req.GetRoomId()+":"+req.GetUserId(), req.GetText()) // expect: cache-without-ttl
	conn.Close()
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	return &pb.DraftResponse{}, nil
}

// Drafts reads the user's drafts for several rooms with one MGET.
func (s *Server) Drafts(ctx context.Context, req *pb.DraftsRequest) (*pb.DraftsResponse, error) {
	conn := s.pool.Get()
	defer conn.Close()
	args := make([]any, 0, len(req.GetRoomIds()))
	for _, rid := range req.GetRoomIds() {
		args = append(args, "draft:"+rid+":"+req.GetUserId())
	}
	vals, err := redis.Strings(conn.Do("MGET", args...))
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	out := &pb.DraftsResponse{Drafts: map[string]string{}}
	for i, v := range vals {
		if v != "" {
			out.Drafts[req.GetRoomIds()[i]] = v
		}
	}
	return out, nil
}
