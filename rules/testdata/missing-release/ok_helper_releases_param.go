package approvals2

import (
	"context"
	"database/sql"
	"net/http"
)

type Store struct{ db *sql.DB }

// Save hands the transaction to a helper that commits or rolls it back:
// the helper releases the very value it is given (its second parameter).
func (s *Store) Save(ctx context.Context, id int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE approvals SET done = true WHERE id = $1`, id); err != nil {
		return finish(ctx, tx, err)
	}
	return finish(ctx, tx, nil)
}

func finish(ctx context.Context, tx *sql.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Ping closes the body through a helper given the response.
func Ping(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		drainAndClose(resp)
		return resp.StatusCode, nil
	}
	drainAndClose(resp)
	return http.StatusOK, nil
}

func drainAndClose(r *http.Response) {
	_ = r.Body.Close()
}
