// Package server is the composition root of the hotpath GitHub App. New
// builds, from validated appconfig.Settings, the GitHub client layer
// (githubapi), the durable queue (internal/queue) with the review pipeline
// as its Reviewer and Sweeper, and an echo v4 HTTP server; Run starts them
// and blocks until its context is cancelled, then shuts down gracefully.
//
// Routes:
//
//	POST /webhook   signed GitHub deliveries (Serve mode only)
//	GET  /healthz   200 while the process is up
//	GET  /readyz    200 when the database answers and the workers run,
//	                503 otherwise (also while shutting down)
//	GET  /metrics   Prometheus metrics of every component (one registry)
//
// Two modes share everything else. Serve runs the webhook endpoint and
// workers in one process. Worker runs only the workers (scale-out on
// PostgreSQL); it still serves /healthz, /readyz and /metrics on the
// listen address, unless that address is "" or "off", in which case it
// serves no HTTP at all.
//
// Shutdown order: /readyz turns 503, the HTTP server stops accepting and
// drains in-flight requests (HTTPShutdownTimeout), then the queue stops
// fetching jobs and waits for running reviews (DrainTimeout); reviews still
// running then are released for the next process without using up an
// attempt. Webhooks are only acknowledged after their job is committed, so
// nothing accepted is lost.
//
// Logging is structured (log/slog). Settings are logged through
// appconfig.Settings.String, which redacts the private key and webhook
// secrets; no component logs request bodies or tokens.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/hotpath-app/hotpath/internal/appconfig"
	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/webhook"
)

// Mode selects what a process runs.
type Mode int

const (
	// Serve runs the webhook endpoint and the workers.
	Serve Mode = iota
	// Worker runs only the workers (health and metrics endpoints on the
	// listen address unless it is "" or "off").
	Worker
)

func (m Mode) String() string {
	if m == Worker {
		return "worker"
	}
	return "serve"
}

// Defaults for Options.
const (
	DefaultReadHeaderTimeout   = 10 * time.Second
	DefaultReadTimeout         = 60 * time.Second // a 25 MiB body on a slow link
	DefaultWriteTimeout        = 60 * time.Second
	DefaultIdleTimeout         = 120 * time.Second
	DefaultHTTPShutdownTimeout = 10 * time.Second
	DefaultDrainTimeout        = 20 * time.Second
)

// Pipeline is what the queue's workers run: the review pipeline
// (internal/review) in production, a stub in tests.
type Pipeline interface {
	queue.Reviewer
	queue.Sweeper
}

// Deps are the components a Pipeline is built from.
type Deps struct {
	Settings *appconfig.Settings
	Clients  *githubapi.Clients
	// CheckRuns remembers the App's check runs in the queue's database, so a
	// retried or restarted job updates its run instead of creating another.
	CheckRuns  *queue.CheckRunStore
	Logger     *slog.Logger
	Registerer prometheus.Registerer
}

// Options tune a Server beyond its Settings. The zero value is production.
type Options struct {
	// Mode is Serve (default) or Worker.
	Mode Mode
	// Logger (default: JSON on stderr at Settings.LogLevel).
	Logger *slog.Logger
	// Registry receives every component's metrics and is served on
	// /metrics (default: a new registry with Go runtime and process
	// collectors).
	Registry *prometheus.Registry
	// NewPipeline builds the review pipeline (default: internal/review).
	NewPipeline func(Deps) (Pipeline, error)
	// GitHub, if set, adjusts the GitHub client configuration before the
	// clients are built (tests: timeouts, request hooks).
	GitHub func(*githubapi.Config)
	// Queue, if set, adjusts the queue options before the queue is opened
	// (tests: poll interval, backoff).
	Queue func(*queue.Options)
	// Listener, if set, is served instead of listening on Settings.Addr.
	Listener net.Listener
	// HTTPShutdownTimeout bounds draining in-flight HTTP requests.
	HTTPShutdownTimeout time.Duration
	// DrainTimeout bounds waiting for running reviews at shutdown.
	DrainTimeout time.Duration
	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout of the
	// HTTP server (defaults above).
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
}

func (o *Options) setDefaults() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.HTTPShutdownTimeout, DefaultHTTPShutdownTimeout)
	def(&o.DrainTimeout, DefaultDrainTimeout)
	def(&o.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&o.ReadTimeout, DefaultReadTimeout)
	def(&o.WriteTimeout, DefaultWriteTimeout)
	def(&o.IdleTimeout, DefaultIdleTimeout)
}

// Server is one hotpath process. Create it with New, run it with Run.
type Server struct {
	settings *appconfig.Settings
	opts     Options
	log      *slog.Logger
	registry *prometheus.Registry
	clients  *githubapi.Clients
	queue    *queue.Queue
	pipeline Pipeline
	hook     *webhook.Handler // nil in Worker mode

	echo     *echo.Echo   // nil when no HTTP is served
	listener net.Listener // nil when no HTTP is served

	running  atomic.Bool
	stopping atomic.Bool
	closeMu  sync.Mutex
	closed   bool
}

// New builds a Server: GitHub clients, the queue (migrations run here), the
// review pipeline and the HTTP routes, and binds the listen address. It
// starts nothing: call Run (or Close to release what New acquired).
func New(ctx context.Context, settings *appconfig.Settings, opts Options) (*Server, error) {
	if settings == nil {
		return nil, errors.New("server: nil settings")
	}
	opts.setDefaults()
	s := &Server{settings: settings, opts: opts, log: opts.Logger, registry: opts.Registry}
	if s.log == nil {
		s.log = NewLogger(os.Stderr, settings.LogLevel)
	}
	s.log = s.log.With("mode", opts.Mode.String())
	if s.registry == nil {
		s.registry = NewRegistry()
	}
	if opts.Mode == Serve && len(settings.WebhookSecrets) == 0 {
		return nil, errors.New("server: HOTPATH_WEBHOOK_SECRET is required to serve webhooks")
	}
	newPipeline := opts.NewPipeline
	if newPipeline == nil {
		newPipeline = defaultPipeline
	}

	ghCfg := githubapi.Config{
		AppID:         settings.AppID,
		PrivateKeyPEM: settings.PrivateKeyPEM,
		APIURL:        settings.APIURL,
		GraphQLURL:    settings.GraphQLURL,
		Registerer:    s.registry,
	}
	if opts.GitHub != nil {
		opts.GitHub(&ghCfg)
	}
	clients, err := githubapi.New(ghCfg)
	if err != nil {
		return nil, fmt.Errorf("server: GitHub clients: %w", err)
	}
	s.clients = clients

	// The queue needs its Reviewer when it is opened, and the pipeline
	// needs the queue's check-run store: the reviewer is forwarded.
	fwd := &forwardPipeline{}
	qopts := QueueOptions(settings)
	qopts.Reviewer, qopts.Sweeper = fwd, fwd
	qopts.Logger = s.log.With("component", "queue")
	qopts.Registerer = s.registry
	if opts.Queue != nil {
		opts.Queue(&qopts)
	}
	q, err := queue.Open(ctx, settings.DatabaseURL, qopts)
	if err != nil {
		return nil, fmt.Errorf("server: HOTPATH_DATABASE_URL: %w", err)
	}
	s.queue = q
	fail := func(err error) (*Server, error) {
		_ = q.Stop(context.WithoutCancel(ctx))
		if s.listener != nil {
			s.listener.Close()
		}
		return nil, err
	}
	store, err := q.CheckRuns(ctx)
	if err != nil {
		return fail(fmt.Errorf("server: %w", err))
	}
	p, err := newPipeline(Deps{
		Settings:   settings,
		Clients:    clients,
		CheckRuns:  store,
		Logger:     s.log.With("component", "review"),
		Registerer: s.registry,
	})
	if err != nil {
		return fail(fmt.Errorf("server: review pipeline: %w", err))
	}
	fwd.p, fwd.store, fwd.log = p, store, s.log
	s.pipeline = p

	if opts.Mode == Serve {
		secrets := settings.WebhookSecrets
		s.hook, err = webhook.New(secrets[0], &enqueuer{q: q, clients: clients},
			webhook.WithPreviousSecrets(secrets[1:]...),
			webhook.WithAppID(settings.AppID),
			webhook.WithDrafts(settings.ReviewDrafts),
			webhook.WithRegisterer(s.registry),
			webhook.WithLogger(s.log.With("component", "webhook")),
		)
		if err != nil {
			return fail(fmt.Errorf("server: %w", err))
		}
	}
	if opts.Mode == Serve || !httpDisabled(settings.Addr) || opts.Listener != nil {
		ln := opts.Listener
		if ln == nil {
			var lc net.ListenConfig
			ln, err = lc.Listen(ctx, "tcp", settings.Addr)
			if err != nil {
				return fail(fmt.Errorf("server: HOTPATH_ADDR: %w", err))
			}
		}
		s.listener = ln
		s.echo = s.newEcho()
	}
	return s, nil
}

// SQLitePollInterval is how often workers on SQLite look for new jobs.
// SQLite has no LISTEN/NOTIFY, so polling is how a webhook's job reaches a
// worker; a local poll is cheap. (PostgreSQL is notified at once and keeps
// the queue's default as a fallback.)
const SQLitePollInterval = 200 * time.Millisecond

// QueueOptions are the queue options New derives from settings: workers and
// job timeout from the settings; the give-up budget and the time after
// which a job whose process died is rescued scale with the job timeout
// (half of it, between 5 s and 1 min each), so a short HOTPATH_JOB_TIMEOUT
// also means a quick recovery after a crash; on SQLite workers poll every
// SQLitePollInterval.
func QueueOptions(settings *appconfig.Settings) queue.Options {
	clamp := func(d time.Duration) time.Duration { return min(max(d, 5*time.Second), time.Minute) }
	jt := settings.JobTimeout
	if jt <= 0 {
		jt = appconfig.DefaultJobTimeout
	}
	giveUp := clamp(jt / 2)
	o := queue.Options{
		Workers:              settings.Workers,
		JobTimeout:           jt,
		GiveUpTimeout:        giveUp,
		RescueStuckJobsAfter: jt + giveUp + clamp(jt/2),
		Schema:               postgresSchema(settings.DatabaseURL),
	}
	if !isPostgresURL(settings.DatabaseURL) {
		o.PollInterval = SQLitePollInterval
	}
	return o
}

func isPostgresURL(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

// postgresSchema returns the schema named by a PostgreSQL URL's
// search_path parameter (a single schema), so River's tables and hotpath's
// live there; "" otherwise.
func postgresSchema(databaseURL string) string {
	if !isPostgresURL(databaseURL) {
		return ""
	}
	u, err := url.Parse(databaseURL)
	if err != nil {
		return ""
	}
	sp := strings.TrimSpace(u.Query().Get("search_path"))
	if sp == "" || strings.ContainsAny(sp, `,"' `) {
		return ""
	}
	return sp
}

func httpDisabled(addr string) bool {
	a := strings.TrimSpace(strings.ToLower(addr))
	return a == "" || a == "off" || a == "none"
}

// NewLogger returns a JSON slog logger writing to w at level ("debug",
// "info", "warn" or "error"; anything else means info).
func NewLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "warn":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

// NewRegistry returns a Prometheus registry with the Go runtime and process
// collectors.
func NewRegistry() *prometheus.Registry {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// Addr is the address the HTTP server listens on ("" when it serves none).
func (s *Server) Addr() string {
	if s.listener == nil {
		return ""
	}
	return s.listener.Addr().String()
}

// Handler is the HTTP handler (nil when the server serves no HTTP). Tests
// can drive it without a network.
func (s *Server) Handler() http.Handler {
	if s.echo == nil {
		return nil
	}
	return s.echo
}

// Queue is the server's queue.
func (s *Server) Queue() *queue.Queue { return s.queue }

// Clients are the server's GitHub clients.
func (s *Server) Clients() *githubapi.Clients { return s.clients }

// Registry is the server's metrics registry.
func (s *Server) Registry() *prometheus.Registry { return s.registry }

// Ready reports whether the process accepts and runs work (what /readyz
// answers).
func (s *Server) Ready(ctx context.Context) error {
	if s.stopping.Load() {
		return errors.New("shutting down")
	}
	if !s.running.Load() {
		return errors.New("not started")
	}
	return s.queue.Ready(ctx)
}

// Run starts the workers and the HTTP server and blocks until ctx is done
// (or the HTTP server fails), then shuts down: HTTP first, then the queue,
// each within its timeout. It returns nil after a clean shutdown. Run may
// be called once.
func (s *Server) Run(ctx context.Context) error {
	s.closeMu.Lock()
	if s.closed || s.running.Load() {
		s.closeMu.Unlock()
		return errors.New("server: Run called twice or after Close")
	}
	if err := s.queue.Start(ctx); err != nil {
		s.closeMu.Unlock()
		s.Close()
		return fmt.Errorf("server: %w", err)
	}
	s.running.Store(true)
	s.closeMu.Unlock()

	httpErr := make(chan error, 1)
	if s.echo != nil {
		go func() { httpErr <- s.echo.StartServer(s.echo.Server) }()
	}
	s.log.Info("hotpath started", "addr", s.Addr(), "settings", s.settings.String(),
		"database", s.queue.Dialect())

	var runErr error
	select {
	case <-ctx.Done():
		s.log.Info("hotpath stopping", "cause", context.Cause(ctx))
	case err := <-httpErr:
		if !errors.Is(err, http.ErrServerClosed) {
			runErr = fmt.Errorf("server: http: %w", err)
			s.log.Error("http server failed; stopping", "error", err)
		}
	}
	return errors.Join(runErr, s.shutdown(context.WithoutCancel(ctx)))
}

// shutdown stops HTTP, then the queue.
func (s *Server) shutdown(ctx context.Context) error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.stopping.Store(true)
	start := time.Now()
	var errs []error
	if s.echo != nil {
		hctx, cancel := context.WithTimeout(ctx, s.opts.HTTPShutdownTimeout)
		if err := s.echo.Shutdown(hctx); err != nil {
			errs = append(errs, fmt.Errorf("server: http shutdown: %w", err))
			_ = s.echo.Close()
		}
		cancel()
		s.listener.Close() // never served if Run was not reached
	}
	qctx, cancel := context.WithTimeout(ctx, s.opts.DrainTimeout)
	if err := s.queue.Stop(qctx); err != nil {
		errs = append(errs, fmt.Errorf("server: queue stop: %w", err))
	}
	cancel()
	s.running.Store(false)
	err := errors.Join(errs...)
	if err != nil {
		s.log.Error("hotpath stopped with errors", "error", err, "duration", time.Since(start))
	} else {
		s.log.Info("hotpath stopped", "duration", time.Since(start))
	}
	return err
}

// Close releases what New acquired (listener, database) without running.
// After Run returns it does nothing.
func (s *Server) Close() error {
	return s.shutdown(context.Background())
}

// forwardPipeline lets the queue be opened before the pipeline (which
// needs the queue's check-run store) exists. Its fields are set before the
// queue starts and never change afterwards. Sweep (the periodic job, run
// by one process at a time) also prunes old check-run records.
type forwardPipeline struct {
	p     Pipeline
	store *queue.CheckRunStore
	log   *slog.Logger
}

func (f *forwardPipeline) Review(ctx context.Context, job *queue.Job) error {
	return f.p.Review(ctx, job)
}

func (f *forwardPipeline) GiveUp(ctx context.Context, job *queue.Job, cause error) error {
	return f.p.GiveUp(ctx, job, cause)
}

func (f *forwardPipeline) Sweep(ctx context.Context) error {
	err := f.p.Sweep(ctx)
	if f.store != nil {
		n, perr := f.store.Prune(ctx, time.Now().Add(-CheckRunRetention))
		if perr != nil {
			f.log.Warn("pruning check-run records failed", "error", perr)
		} else if n > 0 {
			f.log.Debug("pruned check-run records", "rows", n)
		}
	}
	return err
}

// enqueuer is the webhook's Enqueuer: the queue, plus forgetting an
// installation's cached token when it is deleted or suspended.
type enqueuer struct {
	q       *queue.Queue
	clients *githubapi.Clients
}

func (e *enqueuer) EnqueueReview(ctx context.Context, deliveryID string, req webhook.ReviewRequest) (bool, error) {
	return e.q.EnqueueReview(ctx, deliveryID, req)
}

func (e *enqueuer) CancelInstallation(ctx context.Context, deliveryID string, installationID int64) error {
	if err := e.q.CancelInstallation(ctx, deliveryID, installationID); err != nil {
		return err
	}
	e.clients.Forget(installationID)
	return nil
}
