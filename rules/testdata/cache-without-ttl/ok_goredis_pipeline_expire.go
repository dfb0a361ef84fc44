package leaderboard

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

type Board struct {
	rdb *redis.Client
}

func (b *Board) Record(ctx context.Context, game, player string, score float64) error {
	key := "board:" + game
	pipe := b.rdb.TxPipeline()
	pipe.ZAdd(ctx, key, redis.Z{Score: score, Member: player})
	pipe.Expire(ctx, key, 24*time.Hour)
	_, err := pipe.Exec(ctx)
	return err
}

func (b *Board) SaveProfile(ctx context.Context, player string, fields map[string]any) error {
	_, err := b.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.HSet(ctx, "player:"+player, fields)
		pipe.Expire(ctx, "player:"+player, time.Hour)
		return nil
	})
	return err
}

func (b *Board) SetThenExpire(ctx context.Context, id string, v string) error {
	key := "v:" + id
	if err := b.rdb.Set(ctx, key, v, 0).Err(); err != nil {
		return err
	}
	return b.rdb.Expire(ctx, key, time.Minute).Err()
}
