package upgrade

import (
	"database/sql"
)

type Item struct {
	ID   int64
	Kind int
}

// The loop runs once per data item; the per-kind function is looked up by
// the item, not by the loop counter, and the item itself is not code.
func Apply(db *sql.DB, items []Item, fixers map[int]func(Item) Item) error {
	for _, it := range items {
		fixed := fixers[it.Kind](it)
		if _, err := db.Exec(`UPDATE items SET kind = $1 WHERE id = $2`, fixed.Kind, fixed.ID); err != nil { // want "query-in-loop: db.Exec runs once per iteration of the loop on line 15"
			return err
		}
	}
	for i := 0; i < len(items); i++ {
		normalize(items[i])
		if _, err := db.Exec(`DELETE FROM items WHERE id = $1`, items[i].ID); err != nil { // want "query-in-loop: db.Exec runs once per iteration of the loop on line 21"
			return err
		}
	}
	return nil
}

func normalize(Item) {}
