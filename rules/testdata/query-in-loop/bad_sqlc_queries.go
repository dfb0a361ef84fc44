package ledger

import (
	"context"

	"example.com/ledger/internal/sqlc"
)

// EntryQueries is the subset of the sqlc-generated queries the store uses.
type EntryQueries interface {
	ListEntries(ctx context.Context, arg sqlc.ListEntriesParams) ([]sqlc.Entry, error)
	GetEntryTags(ctx context.Context, entryID int64) ([]sqlc.EntryTag, error)
	DeleteEntry(ctx context.Context, arg sqlc.DeleteEntryParams) error
}

type Entry struct {
	ID   int64
	Tags []string
}

func loadTags(ctx context.Context, q EntryQueries, id int64) ([]string, error) {
	rows, err := q.GetEntryTags(ctx, id)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(rows))
	for _, r := range rows {
		tags = append(tags, r.Tag)
	}
	return tags, nil
}

func listWithTags(ctx context.Context, q EntryQueries, account int64) ([]Entry, error) {
	rows, err := q.ListEntries(ctx, sqlc.ListEntriesParams{AccountID: account})
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		tags, err := loadTags(ctx, q, r.ID) // want "loadTags → q.GetEntryTags runs once per iteration of the loop on line 39 \\(N\\+1 queries\\)"
		if err != nil {
			return nil, err
		}
		out = append(out, Entry{ID: r.ID, Tags: tags})
	}
	return out, nil
}

func deleteAll(ctx context.Context, q *sqlc.Queries, ids []int64) error {
	for _, id := range ids {
		if err := q.DeleteEntry(ctx, sqlc.DeleteEntryParams{ID: id}); err != nil { // want "q.DeleteEntry runs once per iteration of the loop on line 50 \\(one write per item\\)"
			return err
		}
	}
	return nil
}

type txRunner interface {
	ExecTx(ctx context.Context, fn func(EntryQueries) error) error
}

func purge(ctx context.Context, db txRunner, ids []int64) error {
	return db.ExecTx(ctx, func(q EntryQueries) error {
		for _, id := range ids {
			if err := q.DeleteEntry(ctx, sqlc.DeleteEntryParams{ID: id}); err != nil { // want "q.DeleteEntry runs once per iteration of the loop on line 64 \\(one write per item\\)"
				return err
			}
		}
		return nil
	})
}
