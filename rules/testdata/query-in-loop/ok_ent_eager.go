package blog

import (
	"context"

	"github.com/acme/blog/ent"
	"github.com/acme/blog/ent/post"
)

// Eager loading fetches the edge for every post in one extra query.
func Feed(ctx context.Context, client *ent.Client, ids []int) ([]*ent.Post, error) {
	posts, err := client.Post.Query().Where(post.IDIn(ids...)).WithAuthor().All(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range posts {
		_ = p.Edges.Author
	}
	bulk := make([]*ent.PostCreate, len(ids))
	for i := range ids {
		bulk[i] = client.Post.Create().SetTitle("draft")
	}
	_, err = client.Post.CreateBulk(bulk...).Save(ctx)
	return posts, err
}
