//go:build ignore

package presence

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/presence/internal/push"
	pb "example.com/presence/proto"
)

const onlineTTL = 45 * time.Second

type Server struct {
	pb.UnimplementedPresenceServer
	rdb *redis.Client
	gw  *push.Gateway
}

func NewServer(rdb *redis.Client, gw *push.Gateway) *Server {
	return &Server{rdb: rdb, gw: gw}
}

func onlineKey(userID string) string   { return "online:" + userID }
func watchersKey(userID string) string { return "watchers:" + userID }
func statusKey(userID string) string   { return "status:" + userID }

// Heartbeat is sent by clients every 20 s. Missing two in a row marks the user offline.
func (s *Server) Heartbeat(ctx context.Context, req *pb.HeartbeatRequest) (*pb.HeartbeatResponse, error) {
	if req.GetUserId() == "" {
		return nil, status.Error(codes.InvalidArgument, "user_id required")
	}
	if err := s.rdb.Set(ctx, onlineKey(req.GetUserId()), req.GetDevice(), onlineTTL).Err(); err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	return &pb.HeartbeatResponse{NextInMs: 20_000}, nil
}

// SetStatus caches the user's custom status text ("in a meeting") next to the online flag.
// The profile service owns the text and calls SetStatus whenever it changes.
func (s *Server) SetStatus(ctx context.Context, req *pb.SetStatusRequest) (*pb.SetStatusResponse, error) {
	if len(req.GetText()) > 140 {
		return nil, status.Error(codes.InvalidArgument, "status too long")
	}
	if err := s.rdb.Set(ctx, statusKey(req.GetUserId()), req.GetText(), 0).Err(); err != nil { // expect: cache-without-ttl
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	return &pb.SetStatusResponse{}, nil
}

// BatchOnline answers "which of these users are online" with one MGET.
func (s *Server) BatchOnline(ctx context.Context, req *pb.BatchOnlineRequest) (*pb.BatchOnlineResponse, error) {
	ids := req.GetUserIds()
	if len(ids) == 0 {
		return &pb.BatchOnlineResponse{}, nil
	}
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = onlineKey(id)
	}
	vals, err := s.rdb.MGet(ctx, keys...).Result()
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	out := &pb.BatchOnlineResponse{Online: make(map[string]bool, len(ids))}
	for i, v := range vals {
		out.Online[ids[i]] = v != nil
	}
	return out, nil
}

// GoOffline tells everyone watching the user that they left.
func (s *Server) GoOffline(ctx context.Context, req *pb.GoOfflineRequest) (*pb.GoOfflineResponse, error) {
	uid := req.GetUserId()
	if err := s.rdb.Del(ctx, onlineKey(uid)).Err(); err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	watchers, err := s.rdb.SMembers(ctx, watchersKey(uid)).Result()
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}

	notified := 0
	for _, w := range watchers {
		devices, err := s.rdb.SMembers(ctx, "devices:"+w).Result() // expect: query-in-loop
		if err != nil {
			continue
		}
		for _, d := range devices {
			s.gw.Enqueue(push.Message{Device: d, Kind: "presence", Body: uid + " is offline"})
		}
		notified++
	}
	return &pb.GoOfflineResponse{Notified: int32(notified)}, nil
}
