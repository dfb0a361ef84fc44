//go:build ignore

package accounts

import (
	"context"
	"fmt"
	"testing"

	"example.com/identity/ent/enttest"

	_ "github.com/mattn/go-sqlite3"
)

func TestGroupNames(t *testing.T) {
	client := enttest.Open(t, "sqlite3", "file:ent?mode=memory&_fk=1")
	defer client.Close()
	ctx := context.Background()

	var ids []int
	for i := 0; i < 5; i++ {
		g := client.Group.Create().SetName(fmt.Sprintf("group-%d", i)).SaveX(ctx)
		for j := 0; j < 3; j++ {
			client.User.Create().SetEmail(fmt.Sprintf("u%d-%d@example.test", i, j)).AddGroups(g).SaveX(ctx)
		}
		ids = append(ids, g.ID)
	}
	names, err := NewService(client).GroupNames(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 5 || names[0] != "group-0" {
		t.Fatalf("names = %v", names)
	}
}
