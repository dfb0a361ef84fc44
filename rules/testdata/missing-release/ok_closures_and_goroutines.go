package worker

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/gorilla/websocket"
)

// Close registered as a cleanup callback.
type Cleanup struct{ fns []func() }

func (c *Cleanup) Add(fn func()) { c.fns = append(c.fns, fn) }

func Load(ctx context.Context, db *sql.DB, c *Cleanup) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, `SELECT payload FROM jobs`)
	if err != nil {
		return nil, err
	}
	c.Add(func() { rows.Close() })
	return nil, nil
}

// Closed by the goroutine that reads it.
func Pump(ctx context.Context, db *sql.DB, wg *sync.WaitGroup) error {
	rows, err := db.QueryContext(ctx, `SELECT payload FROM jobs`)
	if err != nil {
		return err
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer rows.Close()
		for rows.Next() {
		}
	}()
	return nil
}

// A websocket dial returns a response whose body the library owns.
func Dial(ctx context.Context, url string) (*websocket.Conn, error) {
	conn, resp, err := websocket.DefaultDialer.DialContext(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	_ = resp
	return conn, nil
}

// Upgraded connections hijack the body: the response is not ours to close.
func Tunnel(client *http.Client, req *http.Request) (interface{}, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, err
	}
	rwc := resp.Body.(interface{ Close() error })
	return rwc, nil
}
