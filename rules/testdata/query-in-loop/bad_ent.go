package blog

import (
	"context"

	"github.com/acme/blog/ent"
	"github.com/acme/blog/ent/post"
)

type Service struct {
	client *ent.Client
}

func (s *Service) AuthorsOf(ctx context.Context, postIDs []int) ([]*ent.User, error) {
	var out []*ent.User
	for _, id := range postIDs {
		p, err := s.client.Post.Get(ctx, id) // want "query-in-loop: s.client.Post.Get runs once per iteration of the loop on line 16 \\(N\\+1 queries\\); load all rows in one query \\(Where\\(x.IDIn\\(ids...\\)\\)\\) or eager-load the edge with With…\\(\\)"
		if err != nil {
			return nil, err
		}
		u, err := p.QueryAuthor().Only(ctx) // want "p.QueryAuthor\\(\\).Only runs once per iteration of the loop on line 16"
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func (s *Service) Publish(ctx context.Context, ids []int) error {
	for _, id := range ids {
		if err := s.client.Post.UpdateOneID(id).SetPublished(true).Exec(ctx); err != nil { // want "s.client.Post.UpdateOneID\\(\\).SetPublished\\(\\).Exec runs once per iteration .*one write per item"
			return err
		}
	}
	// Batched: one query for all.
	_, err := s.client.Post.Update().Where(post.IDIn(ids...)).SetPublished(true).Save(ctx)
	return err
}
