package ledger

import (
	"context"
	"strings"

	"example.com/ledger/internal/sqlc"
)

type TagQueries interface {
	ListEntries(ctx context.Context, arg sqlc.ListEntriesParams) ([]sqlc.Entry, error)
	GetTagsForEntries(ctx context.Context, entryIDs []int64) ([]sqlc.EntryTag, error)
}

// Not sqlc: an in-memory formatter whose methods share the query names.
type Formatter interface {
	GetEntryTags(id int64) []string
}

type Entry struct {
	ID   int64
	Tags []string
}

func listWithTags(ctx context.Context, q TagQueries, account int64) ([]Entry, error) {
	rows, err := q.ListEntries(ctx, sqlc.ListEntriesParams{AccountID: account})
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	tagRows, err := q.GetTagsForEntries(ctx, ids) // one query for every entry
	if err != nil {
		return nil, err
	}
	byEntry := map[int64][]string{}
	for _, t := range tagRows {
		byEntry[t.EntryID] = append(byEntry[t.EntryID], t.Tag)
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		out = append(out, Entry{ID: r.ID, Tags: byEntry[r.ID]})
	}
	return out, nil
}

func render(f Formatter, ids []int64) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strings.Join(f.GetEntryTags(id), ","))
	}
	return b.String()
}

// Converts sqlc rows in memory: no context, no query.
type RowMapper interface {
	ToEntry(row sqlc.Entry) Entry
}

func mapAll(m RowMapper, rows []sqlc.Entry) []Entry {
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		out = append(out, m.ToEntry(r))
	}
	return out
}
