//go:build ignore

package main

import (
	"context"
	"database/sql"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gomodule/redigo/redis"
	_ "github.com/jackc/pgx/v5/stdlib"
	goredis "github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"google.golang.org/grpc"

	"example.com/presence/internal/admin"
	"example.com/presence/internal/presence"
	"example.com/presence/internal/profile"
	"example.com/presence/internal/push"
	"example.com/presence/internal/rooms"
	"example.com/presence/internal/typing"
	pb "example.com/presence/proto"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	mc, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("MONGO_URL")).SetMaxPoolSize(50))
	if err != nil {
		slog.Error("mongo", "err", err)
		os.Exit(1)
	}
	defer mc.Disconnect(context.Background())
	mdb := mc.Database("presence")

	rdb := goredis.NewClient(&goredis.Options{Addr: os.Getenv("REDIS_ADDR"), PoolSize: 64})
	defer rdb.Close()

	typingPool := &redis.Pool{
		MaxIdle:     16,
		IdleTimeout: 2 * time.Minute,
		Dial: func() (redis.Conn, error) {
			return redis.Dial("tcp", os.Getenv("TYPING_REDIS_ADDR"), redis.DialReadTimeout(time.Second))
		},
	}
	defer typingPool.Close()

	auditDB, err := sql.Open("pgx", os.Getenv("AUDIT_DATABASE_URL"))
	if err != nil {
		slog.Error("audit db", "err", err)
		os.Exit(1)
	}
	defer auditDB.Close()

	gw := push.NewGateway(os.Getenv("PUSH_GATEWAY_URL"), rdb)
	profiles := profile.NewStore(mdb)

	gs := grpc.NewServer(grpc.ConnectionTimeout(5 * time.Second))
	pb.RegisterPresenceServer(gs, presence.NewServer(rdb, gw))
	pb.RegisterRoomsServer(gs, rooms.NewServer(mdb, rdb, profiles))
	pb.RegisterTypingServer(gs, typing.NewServer(typingPool))

	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	adminSrv := &http.Server{Addr: ":9091", Handler: admin.Routes(auditDB, rdb), ReadHeaderTimeout: 5 * time.Second}
	go adminSrv.ListenAndServe()

	go func() {
		<-ctx.Done()
		gs.GracefulStop()
		_ = adminSrv.Close()
	}()
	if err := gs.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}
