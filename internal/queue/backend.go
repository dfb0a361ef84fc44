package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// delivery is a row of hotpath_deliveries.
type delivery struct {
	ID, Event, Action      string
	InstallationID, RepoID int64
	ReceivedAt             int64 // Unix seconds
}

type enqueueResult int

const (
	enqQueued enqueueResult = iota
	enqDuplicateDelivery
	enqDuplicateJob
)

// backend is the Queue's view of the database and River client, free of
// River's TTx type parameter.
type backend interface {
	enqueue(ctx context.Context, d delivery, args ReviewArgs, opts *river.InsertOpts) (enqueueResult, error)
	cancelInstallation(ctx context.Context, d delivery, tag string) (int, error)
	pruneDeliveries(ctx context.Context, cutoffUnix int64) (int64, error)
	start(ctx context.Context) error
	stop(ctx context.Context) error
	stopAndCancel(ctx context.Context) error
	ping(ctx context.Context) error
	close() error

	// for tests and diagnostics
	countDeliveries(ctx context.Context) (int64, error)
	listJobs(ctx context.Context, params *river.JobListParams) ([]*rivertype.JobRow, error)
	getJob(ctx context.Context, id int64) (*rivertype.JobRow, error)
}

// sqlConn is the little SQL a core needs beyond River, for one TTx.
type sqlConn[TTx any] interface {
	begin(ctx context.Context) (TTx, error)
	commit(ctx context.Context, tx TTx) error
	rollback(ctx context.Context, tx TTx) error
	execTx(ctx context.Context, tx TTx, query string, args ...any) (int64, error)
	exec(ctx context.Context, query string, args ...any) (int64, error)
	queryInt(ctx context.Context, query string, args ...any) (int64, error)
	ping(ctx context.Context) error
	close() error
}

// core implements backend for one River driver.
type core[TTx any] struct {
	client *river.Client[TTx]
	conn   sqlConn[TTx]
	// dollar rewrites ? placeholders as $1, $2... (PostgreSQL).
	dollar bool
	// gate, if set, admits one enqueue transaction at a time in arrival
	// order (SQLite: with a single connection database/sql hands it to a
	// random waiter, which makes tail latency under bursts much worse).
	gate chan struct{}
}

// enter waits for the gate (if any); the returned func leaves it.
func (c *core[TTx]) enter(ctx context.Context) (func(), error) {
	if c.gate == nil {
		return func() {}, nil
	}
	select {
	case c.gate <- struct{}{}:
		return func() { <-c.gate }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

var _ backend = (*core[any])(nil)

func (c *core[TTx]) sql(q string) string {
	if !c.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

const (
	insertDeliverySQL = `INSERT INTO hotpath_deliveries (delivery_id, event, action, installation_id, repo_id, received_at)
VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING`
	setDeliveryJobSQL = `UPDATE hotpath_deliveries SET job_id = ? WHERE delivery_id = ?`
)

// deliveriesDDL creates hotpath's own table; the same SQL works on SQLite
// and PostgreSQL.
var deliveriesDDL = []string{
	`CREATE TABLE IF NOT EXISTS hotpath_deliveries (
	delivery_id     TEXT PRIMARY KEY,
	event           TEXT NOT NULL,
	action          TEXT NOT NULL DEFAULT '',
	installation_id BIGINT NOT NULL DEFAULT 0,
	repo_id         BIGINT NOT NULL DEFAULT 0,
	job_id          BIGINT,
	received_at     BIGINT NOT NULL
)`,
	`CREATE INDEX IF NOT EXISTS hotpath_deliveries_received_at ON hotpath_deliveries (received_at)`,
}

// inTx runs f in a transaction, committing if f succeeds.
func (c *core[TTx]) inTx(ctx context.Context, f func(tx TTx) error) error {
	tx, err := c.conn.begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(tx); err != nil {
		if rerr := c.conn.rollback(context.WithoutCancel(ctx), tx); rerr != nil {
			return errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return err
	}
	if err := c.conn.commit(ctx, tx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

var errDuplicateDelivery = errors.New("duplicate delivery")

func (c *core[TTx]) enqueue(ctx context.Context, d delivery, args ReviewArgs, opts *river.InsertOpts) (enqueueResult, error) {
	leave, err := c.enter(ctx)
	if err != nil {
		return 0, err
	}
	defer leave()
	result := enqQueued
	err = c.inTx(ctx, func(tx TTx) error {
		n, err := c.conn.execTx(ctx, tx, c.sql(insertDeliverySQL), d.ID, d.Event, d.Action, d.InstallationID, d.RepoID, d.ReceivedAt)
		if err != nil {
			return fmt.Errorf("record delivery: %w", err)
		}
		if n == 0 {
			return errDuplicateDelivery // roll back: nothing to do
		}
		res, err := c.client.InsertTx(ctx, tx, args, opts)
		if err != nil {
			return fmt.Errorf("insert job: %w", err)
		}
		if res.UniqueSkippedAsDuplicate {
			result = enqDuplicateJob
		}
		if res.Job != nil {
			if _, err := c.conn.execTx(ctx, tx, c.sql(setDeliveryJobSQL), res.Job.ID, d.ID); err != nil {
				return fmt.Errorf("record delivery job: %w", err)
			}
		}
		return nil
	})
	if errors.Is(err, errDuplicateDelivery) {
		return enqDuplicateDelivery, nil
	}
	if err != nil {
		return 0, err
	}
	return result, nil
}

func (c *core[TTx]) cancelInstallation(ctx context.Context, d delivery, tag string) (int, error) {
	const page = 500
	leave, err := c.enter(ctx)
	if err != nil {
		return 0, err
	}
	defer leave()
	cancelled := 0
	err = c.inTx(ctx, func(tx TTx) error {
		cancelled = 0
		if _, err := c.conn.execTx(ctx, tx, c.sql(insertDeliverySQL), d.ID, d.Event, d.Action, d.InstallationID, d.RepoID, d.ReceivedAt); err != nil {
			return fmt.Errorf("record delivery: %w", err)
		}
		params := river.NewJobListParams().Kinds(KindReview).States(cancellableStates...).TagsAny(tag).First(page)
		for {
			res, err := c.client.JobListTx(ctx, tx, params)
			if err != nil {
				return fmt.Errorf("list jobs: %w", err)
			}
			for _, j := range res.Jobs {
				if _, err := c.client.JobCancelTx(ctx, tx, j.ID); err != nil && !errors.Is(err, river.ErrNotFound) {
					return fmt.Errorf("cancel job %d: %w", j.ID, err)
				}
				cancelled++
			}
			if len(res.Jobs) < page || res.LastCursor == nil {
				return nil
			}
			params = params.After(res.LastCursor)
		}
	})
	return cancelled, err
}

func (c *core[TTx]) pruneDeliveries(ctx context.Context, cutoff int64) (int64, error) {
	return c.conn.exec(ctx, c.sql(`DELETE FROM hotpath_deliveries WHERE received_at < ?`), cutoff)
}

func (c *core[TTx]) start(ctx context.Context) error         { return c.client.Start(ctx) }
func (c *core[TTx]) stop(ctx context.Context) error          { return c.client.Stop(ctx) }
func (c *core[TTx]) stopAndCancel(ctx context.Context) error { return c.client.StopAndCancel(ctx) }
func (c *core[TTx]) ping(ctx context.Context) error          { return c.conn.ping(ctx) }
func (c *core[TTx]) close() error                            { return c.conn.close() }

func (c *core[TTx]) countDeliveries(ctx context.Context) (int64, error) {
	return c.conn.queryInt(ctx, `SELECT count(*) FROM hotpath_deliveries`)
}

func (c *core[TTx]) listJobs(ctx context.Context, params *river.JobListParams) ([]*rivertype.JobRow, error) {
	var all []*rivertype.JobRow
	for {
		res, err := c.client.JobList(ctx, params)
		if err != nil {
			return nil, err
		}
		all = append(all, res.Jobs...)
		if len(res.Jobs) == 0 || res.LastCursor == nil {
			return all, nil
		}
		params = params.After(res.LastCursor)
	}
}

func (c *core[TTx]) getJob(ctx context.Context, id int64) (*rivertype.JobRow, error) {
	return c.client.JobGet(ctx, id)
}
