// Package queue is hotpath's durable job queue: a River client on SQLite
// (riversqlite on modernc.org/sqlite, the default) or PostgreSQL
// (riverpgxv5).
//
// Queue implements webhook.Enqueuer. EnqueueReview records the delivery in
// the hotpath_deliveries table and inserts the River job in one transaction,
// so a delivery is either fully accepted or not at all (and GitHub can
// redeliver it). Review jobs are unique by (installation, repository, pull
// request, head SHA, rerun key) in every live state including running, so a
// redelivered webhook never starts a second review of the same head while one
// runs, and a newer head gets its own job.
//
// Workers call a Reviewer (implemented by internal/review) with a timeout and
// map its errors onto River: an error with a RetryAfter() duration (rate
// limits) snoozes the job without using up an attempt, an error wrapped with
// Permanent cancels it, and anything else is retried with backoff. After the
// final failed attempt the Reviewer's GiveUp completes the check run, so a
// check run never stays in_progress because of a failed job. A periodic
// sweep_stale_checks job calls a Sweeper for runs left behind anyway (crashed
// processes), and prune_deliveries forgets old delivery rows.
//
// River's transaction type parameter stays inside this package. A Queue is
// safe for concurrent use.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/hotpath-app/hotpath/webhook"
)

var _ webhook.Enqueuer = (*Queue)(nil)

// Job kinds. They are stored with every job: never rename them.
const (
	KindReview = "review_pr"
	KindSweep  = "sweep_stale_checks"
	KindPrune  = "prune_deliveries"
)

// QueueMergeGroup is the River queue merge-group jobs run in, with its own
// workers, so a merge queue never waits behind pull request reviews.
const QueueMergeGroup = "merge_group"

// DefaultDatabaseFile is the SQLite file used when the database URL is empty.
const DefaultDatabaseFile = "./hotpath.db"

// ReviewArgs is the stored form of a review job (River kind review_pr). The
// fields tagged river:"unique" make up its uniqueness key.
type ReviewArgs struct {
	InstallationID int64  `json:"installation_id" river:"unique"`
	RepoID         int64  `json:"repo_id" river:"unique"`
	Owner          string `json:"owner"`
	Repo           string `json:"repo"`
	Number         int    `json:"number" river:"unique"`
	HeadSHA        string `json:"head_sha" river:"unique"`
	BaseRef        string `json:"base_ref,omitempty"`
	BaseSHA        string `json:"base_sha,omitempty"`
	Event          string `json:"event,omitempty"`
	Action         string `json:"action,omitempty"`
	CheckRunID     int64  `json:"check_run_id,omitempty"`
	MergeGroup     bool   `json:"merge_group,omitempty" river:"unique"`
	// Rerun is the delivery GUID of an explicit re-run, so it is not
	// collapsed with the first run of the same head.
	Rerun string `json:"rerun,omitempty" river:"unique"`
	// DeliveryID is the delivery that created the job.
	DeliveryID string `json:"delivery_id,omitempty"`
}

// Kind implements river.JobArgs.
func (ReviewArgs) Kind() string { return KindReview }

// InsertOpts implements river.JobArgsWithInsertOpts: unique by the tagged
// args in River's default states (available, completed, pending, running,
// retryable, scheduled).
func (ReviewArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: reviewUniqueOpts()}
}

func reviewUniqueOpts() river.UniqueOpts {
	return river.UniqueOpts{ByArgs: true, ByState: rivertype.UniqueOptsByStateDefault()}
}

// Request returns the webhook request the args were made from.
func (a ReviewArgs) Request() webhook.ReviewRequest {
	return webhook.ReviewRequest{
		InstallationID: a.InstallationID, RepoID: a.RepoID, Owner: a.Owner, Repo: a.Repo,
		Number: a.Number, HeadSHA: a.HeadSHA, BaseRef: a.BaseRef, BaseSHA: a.BaseSHA,
		Event: a.Event, Action: a.Action, CheckRunID: a.CheckRunID, MergeGroup: a.MergeGroup, Rerun: a.Rerun,
	}
}

// NewReviewArgs converts a webhook request into job args.
func NewReviewArgs(deliveryID string, r webhook.ReviewRequest) ReviewArgs {
	return ReviewArgs{
		InstallationID: r.InstallationID, RepoID: r.RepoID, Owner: r.Owner, Repo: r.Repo,
		Number: r.Number, HeadSHA: r.HeadSHA, BaseRef: r.BaseRef, BaseSHA: r.BaseSHA,
		Event: r.Event, Action: r.Action, CheckRunID: r.CheckRunID, MergeGroup: r.MergeGroup, Rerun: r.Rerun,
		DeliveryID: deliveryID,
	}
}

// Job is one attempt at a review, as the Reviewer sees it.
type Job struct {
	ReviewArgs
	// ID is the River job ID (stable across attempts).
	ID int64
	// Attempt counts from 1; the last attempt is MaxAttempts. Snoozes do not
	// use up attempts.
	Attempt, MaxAttempts int
}

// Reviewer performs reviews. It is implemented by internal/review.
type Reviewer interface {
	// Review runs one attempt. Its error decides what happens next: nil
	// completes the job; an error with a RetryAfter() time.Duration method
	// (a rate limit) snoozes it; Permanent(err) cancels it; anything else is
	// retried with backoff.
	Review(ctx context.Context, job *Job) error
	// GiveUp is called once when a job fails for the last time (its final
	// attempt returned a retryable error, timed out or panicked). It must
	// complete the job's check run with an explanation. Its error is logged.
	GiveUp(ctx context.Context, job *Job, cause error) error
}

// Sweeper completes the App's own check runs left in_progress too long
// (crashed processes, lost jobs). It is implemented by internal/review.
type Sweeper interface {
	Sweep(ctx context.Context) error
}

// RetryAfter is implemented by errors that know when to try again (GitHub
// primary and secondary rate limits). A job failing with such an error is
// snoozed: retried after the duration without using up an attempt.
type RetryAfter interface {
	RetryAfter() time.Duration
}

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as not worth retrying (the repository or
// installation is gone, the failure was already reported on the check
// run): the job is cancelled. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// Options configure a Queue. The zero value works for an insert-only queue;
// workers need a Reviewer.
type Options struct {
	// Reviewer performs review jobs. Required unless InsertOnly.
	Reviewer Reviewer
	// Sweeper, if set, is called by the periodic sweep_stale_checks job.
	Sweeper Sweeper
	// InsertOnly opens the queue for a process that only enqueues (serves
	// webhooks): no workers, no periodic jobs, no maintenance.
	InsertOnly bool
	// Workers is the number of concurrent reviews (default 4).
	Workers int
	// MergeGroupWorkers is the number of concurrent merge-group jobs, in
	// their own River queue (default 2).
	MergeGroupWorkers int
	// JobTimeout bounds one review attempt (default 10 minutes).
	JobTimeout time.Duration
	// GiveUpTimeout bounds the GiveUp call after the final attempt
	// (default 1 minute). It runs after JobTimeout, inside River's job
	// timeout.
	GiveUpTimeout time.Duration
	// MaxAttempts is the attempts a review gets before GiveUp (default 8).
	MaxAttempts int
	// MaxSnoozes bounds how often one job is snoozed on rate limits before
	// further rate-limit errors count as ordinary failures (default 50).
	MaxSnoozes int
	// Backoff returns the delay before retry number attempt (1 after the
	// first failure). Default: 10 s doubling per attempt, at most 10 min,
	// with ±10% jitter.
	Backoff func(attempt int) time.Duration
	// SweepInterval is the period of sweep_stale_checks (default 5 min).
	SweepInterval time.Duration
	// DeliveryRetention is how long delivery rows are kept for
	// de-duplication (default 7 days; GitHub redelivers for 3 days).
	DeliveryRetention time.Duration
	// PollInterval is how often workers look for new jobs when no
	// notification arrives (default 1 s).
	PollInterval time.Duration
	// RescueStuckJobsAfter is how long a job may run before River considers
	// it stuck (its process died) and retries it. Default: JobTimeout +
	// GiveUpTimeout + 1 minute. Must exceed JobTimeout + GiveUpTimeout.
	RescueStuckJobsAfter time.Duration
	// Schema is the PostgreSQL schema for River's and hotpath's tables,
	// created if missing. Empty uses the connection's search_path. Ignored
	// for SQLite.
	Schema string
	// Logger (default slog.Default()). River logs through it at warn level
	// and above.
	Logger *slog.Logger
	// Registerer receives the queue's Prometheus metrics (none if nil).
	Registerer prometheus.Registerer

	// test hooks
	hooks    []rivertype.Hook
	testOnly bool
}

func (o *Options) setDefaults() {
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.MergeGroupWorkers <= 0 {
		o.MergeGroupWorkers = 2
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = 10 * time.Minute
	}
	if o.GiveUpTimeout <= 0 {
		o.GiveUpTimeout = time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 8
	}
	if o.MaxSnoozes <= 0 {
		o.MaxSnoozes = 50
	}
	if o.Backoff == nil {
		o.Backoff = defaultBackoff
	}
	if o.SweepInterval <= 0 {
		o.SweepInterval = 5 * time.Minute
	}
	if o.DeliveryRetention <= 0 {
		o.DeliveryRetention = 7 * 24 * time.Hour
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.RescueStuckJobsAfter <= 0 {
		o.RescueStuckJobsAfter = o.JobTimeout + o.GiveUpTimeout + time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

func defaultBackoff(attempt int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < attempt && d < 10*time.Minute; i++ {
		d *= 2
	}
	d = min(d, 10*time.Minute)
	jitter := time.Duration(time.Now().UnixNano()%int64(d/5)) - d/10 // ±10%
	return d + jitter
}

type retryPolicy struct{ backoff func(int) time.Duration }

func (p retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	return time.Now().Add(p.backoff(job.Attempt))
}

// Queue is the durable queue. Create it with Open; Start runs the workers;
// Stop shuts down and closes the database.
type Queue struct {
	b       backend
	opts    Options
	log     *slog.Logger
	metrics *metrics
	dialect string

	started  atomic.Bool
	stopping atomic.Bool
	stopOnce sync.Once
	stopErr  error
}

// Open connects to databaseURL, runs River's migrations, creates the
// hotpath_deliveries table and builds the River client.
//
// databaseURL selects the backend: postgres:// or postgresql:// use
// PostgreSQL (pgx pool); empty, sqlite://PATH, file:PATH or a plain path use
// SQLite (default file ./hotpath.db) in WAL mode with one connection.
func Open(ctx context.Context, databaseURL string, opts Options) (*Queue, error) {
	opts.setDefaults()
	if !opts.InsertOnly && opts.Reviewer == nil {
		return nil, errors.New("queue: a Reviewer is required unless InsertOnly")
	}
	if opts.RescueStuckJobsAfter <= opts.JobTimeout+opts.GiveUpTimeout {
		return nil, fmt.Errorf("queue: RescueStuckJobsAfter (%s) must exceed JobTimeout + GiveUpTimeout (%s)",
			opts.RescueStuckJobsAfter, opts.JobTimeout+opts.GiveUpTimeout)
	}
	q := &Queue{opts: opts, log: opts.Logger, metrics: newMetrics(opts.Registerer)}
	var err error
	if isPostgres(databaseURL) {
		q.dialect = "postgres"
		q.b, err = openPostgres(ctx, databaseURL, q)
	} else {
		q.dialect = "sqlite"
		q.b, err = openSQLite(ctx, databaseURL, q)
	}
	if err != nil {
		return nil, err
	}
	return q, nil
}

// riverConfig builds the River client configuration shared by both backends.
func (q *Queue) riverConfig() *river.Config {
	o := q.opts
	workers := river.NewWorkers()
	river.AddWorker(workers, &reviewWorker{q: q})
	river.AddWorker(workers, &sweepWorker{q: q})
	river.AddWorker(workers, &pruneWorker{q: q})
	cfg := &river.Config{
		Logger:               riverLogger(q.log),
		MaxAttempts:          o.MaxAttempts,
		Workers:              workers,
		Hooks:                o.hooks,
		JobTimeout:           o.JobTimeout + o.GiveUpTimeout,
		RescueStuckJobsAfter: o.RescueStuckJobsAfter,
		RetryPolicy:          retryPolicy{o.Backoff},
		FetchPollInterval:    o.PollInterval,
		FetchCooldown:        min(100*time.Millisecond, o.PollInterval),
		Schema:               o.Schema,
		TestOnly:             o.testOnly,
	}
	if !o.InsertOnly {
		cfg.Queues = map[string]river.QueueConfig{
			river.QueueDefault: {MaxWorkers: o.Workers},
			QueueMergeGroup:    {MaxWorkers: o.MergeGroupWorkers},
		}
		cfg.PeriodicJobs = []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
				return PruneArgs{}, nil
			}, &river.PeriodicJobOpts{ID: KindPrune}),
		}
		if o.Sweeper != nil {
			cfg.PeriodicJobs = append(cfg.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(o.SweepInterval),
				func() (river.JobArgs, *river.InsertOpts) {
					var opts river.InsertOpts
					if o.SweepInterval >= time.Second {
						// One sweep per period even if leadership moves.
						opts.UniqueOpts = river.UniqueOpts{ByPeriod: o.SweepInterval}
					}
					return SweepArgs{}, &opts
				},
				&river.PeriodicJobOpts{ID: KindSweep, RunOnStart: true}))
		}
	}
	return cfg
}

// riverLogger passes River's own logs through at warn level and above.
func riverLogger(l *slog.Logger) *slog.Logger {
	return slog.New(levelFilter{l.Handler(), slog.LevelWarn}).With("component", "river")
}

type levelFilter struct {
	slog.Handler
	min slog.Level
}

func (f levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.Handler.Enabled(ctx, l)
}
func (f levelFilter) WithAttrs(a []slog.Attr) slog.Handler {
	return levelFilter{f.Handler.WithAttrs(a), f.min}
}
func (f levelFilter) WithGroup(n string) slog.Handler {
	return levelFilter{f.Handler.WithGroup(n), f.min}
}

// Start starts the workers, periodic jobs and River's maintenance (leader
// election, retries, rescue of stuck jobs). ctx is used for start-up only:
// call Stop to stop. In InsertOnly mode Start only marks the queue ready.
func (q *Queue) Start(ctx context.Context) error {
	if q.stopping.Load() {
		return errors.New("queue: Start after Stop")
	}
	if !q.opts.InsertOnly {
		if err := q.b.start(context.WithoutCancel(ctx)); err != nil {
			return fmt.Errorf("queue: start: %w", err)
		}
	}
	q.started.Store(true)
	return nil
}

// Stop stops fetching jobs, waits for running jobs until ctx is done, then
// cancels the rest: a job interrupted this way is released (made available
// again without using up an attempt) for the next process. Stop then closes
// the database. It is idempotent; later calls return the first result.
func (q *Queue) Stop(ctx context.Context) error {
	q.stopOnce.Do(func() {
		q.stopping.Store(true)
		var err error
		if q.started.Load() && !q.opts.InsertOnly {
			if err = q.b.stop(ctx); err != nil && ctx.Err() != nil {
				q.log.Warn("queue: jobs still running at shutdown deadline; releasing them")
				hardCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
				err = q.b.stopAndCancel(hardCtx)
				cancel()
			}
		}
		q.started.Store(false)
		q.stopErr = errors.Join(err, q.b.close())
	})
	return q.stopErr
}

// Ready reports whether the queue can accept work: started, not stopping, and
// the database answers. For /readyz.
func (q *Queue) Ready(ctx context.Context) error {
	if q.stopping.Load() {
		return errors.New("queue: stopping")
	}
	if !q.started.Load() {
		return errors.New("queue: not started")
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := q.b.ping(ctx); err != nil {
		return fmt.Errorf("queue: database: %w", err)
	}
	return nil
}

// Dialect is "sqlite" or "postgres".
func (q *Queue) Dialect() string { return q.dialect }

func installationTag(id int64) string { return "installation-" + strconv.FormatInt(id, 10) }

// EnqueueReview implements webhook.Enqueuer: in one transaction it records
// the delivery (a known delivery ID returns false) and inserts the review
// job (a job already live or completed for the same key returns false).
func (q *Queue) EnqueueReview(ctx context.Context, deliveryID string, req webhook.ReviewRequest) (bool, error) {
	if deliveryID == "" {
		return false, errors.New("queue: empty delivery ID")
	}
	args := NewReviewArgs(deliveryID, req)
	opts := &river.InsertOpts{
		Priority:   2,
		Tags:       []string{installationTag(req.InstallationID)},
		UniqueOpts: reviewUniqueOpts(),
	}
	if req.MergeGroup {
		opts.Priority, opts.Queue = 1, QueueMergeGroup
		opts.Tags = append(opts.Tags, "merge-group")
	}
	meta, _ := json.Marshal(map[string]any{"installation_id": req.InstallationID, "delivery_id": deliveryID})
	opts.Metadata = meta

	res, err := q.b.enqueue(ctx, delivery{
		ID: deliveryID, Event: req.Event, Action: req.Action,
		InstallationID: req.InstallationID, RepoID: req.RepoID, ReceivedAt: time.Now().Unix(),
	}, args, opts)
	switch {
	case err != nil:
		q.metrics.enqueued.WithLabelValues(KindReview, "error").Inc()
		return false, fmt.Errorf("queue: enqueue review: %w", err)
	case res == enqDuplicateDelivery:
		q.metrics.enqueued.WithLabelValues(KindReview, "duplicate_delivery").Inc()
		return false, nil
	case res == enqDuplicateJob:
		q.metrics.enqueued.WithLabelValues(KindReview, "duplicate_job").Inc()
		return false, nil
	}
	q.metrics.enqueued.WithLabelValues(KindReview, "queued").Inc()
	return true, nil
}

// CancelInstallation implements webhook.Enqueuer: it records the delivery
// and cancels the installation's review jobs that have not started
// (available, scheduled, retryable, pending). Running jobs finish; their
// GitHub calls fail once the installation is gone.
func (q *Queue) CancelInstallation(ctx context.Context, deliveryID string, installationID int64) error {
	n, err := q.b.cancelInstallation(ctx, delivery{
		ID: deliveryID, Event: "installation", InstallationID: installationID, ReceivedAt: time.Now().Unix(),
	}, installationTag(installationID))
	if err != nil {
		return fmt.Errorf("queue: cancel installation %d: %w", installationID, err)
	}
	q.metrics.jobs.WithLabelValues(KindReview, "cancelled_installation").Add(float64(n))
	q.log.Info("queue: installation jobs cancelled", "installation", installationID, "jobs", n)
	return nil
}

// cancellableStates are the states CancelInstallation cancels.
var cancellableStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStateScheduled, rivertype.JobStateRetryable, rivertype.JobStatePending,
}

// reviewWorker runs review_pr jobs.
type reviewWorker struct {
	river.WorkerDefaults[ReviewArgs]
	q *Queue
}

// Timeout leaves GiveUpTimeout after the review's own JobTimeout.
func (w *reviewWorker) Timeout(*river.Job[ReviewArgs]) time.Duration {
	return w.q.opts.JobTimeout + w.q.opts.GiveUpTimeout
}

func (w *reviewWorker) Work(ctx context.Context, rj *river.Job[ReviewArgs]) error {
	q := w.q
	start := time.Now()
	job := &Job{ReviewArgs: rj.Args, ID: rj.ID, Attempt: rj.Attempt, MaxAttempts: rj.MaxAttempts}
	log := q.log.With("job", rj.ID, "owner", job.Owner, "repo", job.Repo, "pr", job.Number,
		"head_sha", job.HeadSHA, "attempt", rj.Attempt, "max_attempts", rj.MaxAttempts)

	rctx, cancel := context.WithTimeout(ctx, q.opts.JobTimeout)
	err := safeCall(func() error { return q.opts.Reviewer.Review(rctx, job) })
	cancel()

	outcome, ret := q.classify(ctx, rj.JobRow, err)
	if outcome == "gave_up" {
		gctx, gcancel := context.WithTimeout(context.WithoutCancel(ctx), q.opts.GiveUpTimeout)
		if gerr := safeCall(func() error { return q.opts.Reviewer.GiveUp(gctx, job, err) }); gerr != nil {
			log.Error("queue: GiveUp failed; the sweeper will complete the check run", "error", gerr)
		}
		gcancel()
	}
	q.metrics.jobs.WithLabelValues(KindReview, outcome).Inc()
	q.metrics.duration.WithLabelValues(KindReview).Observe(time.Since(start).Seconds())
	switch outcome {
	case "completed":
		log.Info("queue: review done", "duration", time.Since(start))
	case "released", "snoozed":
		log.Info("queue: review "+outcome, "error", err)
	default:
		log.Warn("queue: review "+outcome, "error", err)
	}
	return ret
}

// classify maps a Review error onto River: the outcome label and the error
// to return from Work.
func (q *Queue) classify(ctx context.Context, row *rivertype.JobRow, err error) (string, error) {
	if err == nil {
		return "completed", nil
	}
	if q.stopping.Load() && ctx.Err() != nil {
		// Interrupted by shutdown: available again at once, no attempt used.
		return "released", river.JobSnooze(0)
	}
	var ra RetryAfter
	if errors.As(err, &ra) && snoozes(row.Metadata) < q.opts.MaxSnoozes {
		d := min(max(ra.RetryAfter(), time.Second), time.Hour)
		return "snoozed", river.JobSnooze(d)
	}
	if IsPermanent(err) {
		return "cancelled", river.JobCancel(err)
	}
	if row.Attempt >= row.MaxAttempts {
		return "gave_up", err
	}
	return "retried", err
}

func snoozes(metadata []byte) int {
	var m struct {
		Snoozes int `json:"snoozes"`
	}
	_ = json.Unmarshal(metadata, &m)
	return m.Snoozes
}

// safeCall runs f, turning a panic into an error.
func safeCall(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f()
}

// SweepArgs is the periodic sweep_stale_checks job.
type SweepArgs struct{}

// Kind implements river.JobArgs.
func (SweepArgs) Kind() string { return KindSweep }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (SweepArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, Priority: 3}
}

type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	q *Queue
}

func (w *sweepWorker) Timeout(*river.Job[SweepArgs]) time.Duration { return 2 * time.Minute }

func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	if w.q.opts.Sweeper == nil {
		return nil
	}
	start := time.Now()
	err := safeCall(func() error { return w.q.opts.Sweeper.Sweep(ctx) })
	w.q.metrics.duration.WithLabelValues(KindSweep).Observe(time.Since(start).Seconds())
	if err != nil {
		w.q.metrics.jobs.WithLabelValues(KindSweep, "retried").Inc()
		return err
	}
	w.q.metrics.jobs.WithLabelValues(KindSweep, "completed").Inc()
	return nil
}

// PruneArgs is the periodic prune_deliveries job.
type PruneArgs struct{}

// Kind implements river.JobArgs.
func (PruneArgs) Kind() string { return KindPrune }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (PruneArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, Priority: 4, UniqueOpts: river.UniqueOpts{ByPeriod: time.Hour}}
}

type pruneWorker struct {
	river.WorkerDefaults[PruneArgs]
	q *Queue
}

func (w *pruneWorker) Work(ctx context.Context, _ *river.Job[PruneArgs]) error {
	cutoff := time.Now().Add(-w.q.opts.DeliveryRetention).Unix()
	n, err := w.q.b.pruneDeliveries(ctx, cutoff)
	if err != nil {
		w.q.metrics.jobs.WithLabelValues(KindPrune, "retried").Inc()
		return err
	}
	w.q.metrics.jobs.WithLabelValues(KindPrune, "completed").Inc()
	w.q.log.Debug("queue: pruned deliveries", "rows", n)
	return nil
}
