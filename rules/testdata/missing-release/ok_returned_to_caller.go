package catalog

import (
	"context"
	"database/sql"
	"net/http"
)

type Catalog struct {
	db *sql.DB
}

// StreamProducts hands the open rows to the caller, who closes them.
func (c *Catalog) StreamProducts(ctx context.Context) (*sql.Rows, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT id, name FROM products`)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// Iter wraps the rows in a type with its own Close.
type Iter struct {
	rows *sql.Rows
}

func (c *Catalog) Iterate(ctx context.Context) (*Iter, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT id FROM products`)
	if err != nil {
		return nil, err
	}
	return &Iter{rows: rows}, nil
}

func (it *Iter) Close() error { return it.rows.Close() }

// Named results are returned by the bare return.
func (c *Catalog) Open(ctx context.Context) (rows *sql.Rows, err error) {
	rows, err = c.db.QueryContext(ctx, `SELECT 1`)
	return
}

// Fetch returns the response; the caller closes its body.
func Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, &StatusError{Code: resp.StatusCode}
	}
	return resp, nil
}

type StatusError struct{ Code int }

func (e *StatusError) Error() string { return http.StatusText(e.Code) }

// Stored in a struct field for a later Close.
type Session struct {
	tx *sql.Tx
}

func (c *Catalog) Start(ctx context.Context, s *Session) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	s.tx = tx
	return nil
}
