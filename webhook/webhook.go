// Package webhook is hotpath's edge: the echo v4 handler GitHub posts App
// webhook deliveries to.
//
// For each delivery it caps the body at 25 MiB, requires the X-GitHub-Event,
// X-GitHub-Delivery and X-Hub-Signature-256 headers, verifies the HMAC-SHA256
// signature of the raw body in constant time (before parsing or recording
// anything), parses a minimal typed envelope, decides whether the event asks
// for a review, and hands that decision to an Enqueuer. It answers:
//
//	200 ping, duplicate delivery, installation deleted/suspended
//	202 review queued, or an event/action hotpath does not act on
//	400 missing headers, malformed JSON, work without installation.id
//	401 bad or missing sha256 signature
//	413 body over 25 MiB
//	415 a Content-Type other than JSON
//	503 the Enqueuer failed (GitHub can redeliver)
//
// The package never calls the GitHub API, never blocks on analysis and
// imports no other hotpath package. A Handler is safe for concurrent use.
package webhook

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
)

// MaxBodyBytes caps a delivery body. GitHub: "Payloads are capped at 25 MB"
// and larger ones are not delivered at all, so anything bigger is not GitHub.
const MaxBodyBytes = 25 << 20

// Path is where Register mounts the handler.
const Path = "/webhook"

// Delivery headers GitHub sends with every webhook.
const (
	HeaderEvent     = "X-GitHub-Event"
	HeaderDelivery  = "X-GitHub-Delivery"
	HeaderSignature = "X-Hub-Signature-256"
)

// maxDeliveryIDLen bounds the X-GitHub-Delivery header (a GUID, 36 chars), so
// a delivery ID stored by the Enqueuer stays small.
const maxDeliveryIDLen = 128

// Enqueuer records deliveries and queues the work they ask for. It is
// implemented by internal/queue.
type Enqueuer interface {
	// EnqueueReview records the delivery and enqueues the review in one
	// transaction. It returns (false, nil) when the delivery GUID was seen
	// before or the job is a duplicate.
	EnqueueReview(ctx context.Context, deliveryID string, req ReviewRequest) (bool, error)
	// CancelInstallation cancels queued jobs for an installation (deleted /
	// suspended).
	CancelInstallation(ctx context.Context, deliveryID string, installationID int64) error
}

// ReviewRequest asks for one review of a pull request head (or of a merge
// group's head commit).
type ReviewRequest struct {
	InstallationID int64
	RepoID         int64
	Owner, Repo    string
	// Number is the pull request number (0 for merge_group).
	Number                    int
	HeadSHA, BaseRef, BaseSHA string
	// Event and Action are the delivery's, for logs and metrics.
	Event, Action string
	// CheckRunID is set when a check run was re-requested: reuse/replace
	// that run.
	CheckRunID int64
	// MergeGroup is set for merge_group checks_requested: complete quickly.
	MergeGroup bool
	// Rerun is non-empty (the delivery GUID) for explicit re-runs, so they
	// are not collapsed with the first run of the same head.
	Rerun string
}

// Handler serves POST /webhook. Create it with New.
type Handler struct {
	secrets        [][]byte
	enq            Enqueuer
	appID          int64
	reviewDrafts   bool
	enqueueTimeout time.Duration
	log            *slog.Logger
	metrics        *metrics
}

// An Option configures a Handler.
type Option func(*Handler)

// WithPreviousSecrets adds webhook secrets that are still accepted during a
// secret rotation (GitHub Apps have one secret; while it is being changed,
// deliveries may be signed with either). Empty secrets are ignored.
func WithPreviousSecrets(secrets ...[]byte) Option {
	return func(h *Handler) {
		for _, s := range secrets {
			if len(s) > 0 {
				h.secrets = append(h.secrets, append([]byte(nil), s...))
			}
		}
	}
}

// WithAppID sets the GitHub App's ID. check_run and check_suite re-requests
// are only acted on for runs owned by this App; with no App ID (zero) they
// are acknowledged and ignored.
func WithAppID(id int64) Option { return func(h *Handler) { h.appID = id } }

// WithDrafts makes draft pull requests reviewed too. By default they are
// skipped until ready_for_review.
func WithDrafts(review bool) Option { return func(h *Handler) { h.reviewDrafts = review } }

// WithLogger sets the logger (default slog.Default()). The handler logs the
// delivery ID, event, action and repository, never the secret or the body.
func WithLogger(l *slog.Logger) Option {
	return func(h *Handler) {
		if l != nil {
			h.log = l
		}
	}
}

// WithRegisterer registers the handler's Prometheus metrics on r:
// hotpath_webhook_deliveries_total{event,outcome} and
// hotpath_webhook_duration_seconds{outcome}. Without it the metrics are kept
// but not exported.
func WithRegisterer(r prometheus.Registerer) Option {
	return func(h *Handler) { h.metrics = newMetrics(r) }
}

// WithEnqueueTimeout bounds one call to the Enqueuer (default 5 s; GitHub
// gives a delivery 10 s).
func WithEnqueueTimeout(d time.Duration) Option {
	return func(h *Handler) {
		if d > 0 {
			h.enqueueTimeout = d
		}
	}
}

// New returns a Handler verifying deliveries with secret (and any
// WithPreviousSecrets) and passing work to enq. It refuses an empty secret:
// an unsigned webhook endpoint would accept anyone's payloads.
func New(secret []byte, enq Enqueuer, opts ...Option) (*Handler, error) {
	if len(secret) == 0 {
		return nil, errors.New("webhook: empty webhook secret")
	}
	if enq == nil {
		return nil, errors.New("webhook: nil Enqueuer")
	}
	h := &Handler{
		secrets:        [][]byte{append([]byte(nil), secret...)},
		enq:            enq,
		enqueueTimeout: 5 * time.Second,
		log:            slog.Default(),
	}
	for _, o := range opts {
		o(h)
	}
	if h.metrics == nil {
		h.metrics = newMetrics(nil)
	}
	return h, nil
}

// Register mounts the handler at POST /webhook on e, behind echo's
// BodyLimit middleware (the handler also enforces the limit itself).
func (h *Handler) Register(e *echo.Echo) {
	e.POST(Path, h.Handle, middleware.BodyLimit(strconv.Itoa(MaxBodyBytes/(1<<20))+"MiB"))
}

// outcome labels (metrics) and response bodies.
const (
	outQueued       = "queued"
	outDuplicate    = "duplicate"
	outIgnored      = "ignored"
	outPing         = "ping"
	outCancelled    = "cancelled"
	outBadRequest   = "bad_request"
	outUnauthorized = "unauthorized"
	outTooLarge     = "too_large"
	outMediaType    = "unsupported_media_type"
	outUnavailable  = "enqueue_failed"
)

// Handle is the echo handler for one delivery. It always writes the response
// itself and returns nil (or the write error), so the echo error handler is
// never involved.
func (h *Handler) Handle(c echo.Context) error {
	start := time.Now()
	req := c.Request()
	event := req.Header.Get(HeaderEvent)
	delivery := req.Header.Get(HeaderDelivery)
	eventLabel := "unverified" // header values are attacker-controlled until the signature is checked

	respond := func(code int, outcome, msg string) error {
		h.metrics.observe(eventLabel, outcome, time.Since(start))
		return c.String(code, msg+"\n")
	}

	// 1. Size cap before anything else.
	if req.ContentLength > MaxBodyBytes {
		h.log.Warn("webhook body too large", "delivery", delivery, "content_length", req.ContentLength)
		return respond(http.StatusRequestEntityTooLarge, outTooLarge, "payload too large")
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, MaxBodyBytes+1))
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge {
			return respond(http.StatusRequestEntityTooLarge, outTooLarge, "payload too large")
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return respond(http.StatusRequestEntityTooLarge, outTooLarge, "payload too large")
		}
		return respond(http.StatusBadRequest, outBadRequest, "could not read body")
	}
	if len(body) > MaxBodyBytes {
		h.log.Warn("webhook body too large", "delivery", delivery)
		return respond(http.StatusRequestEntityTooLarge, outTooLarge, "payload too large")
	}

	// 2. Required headers.
	sig := req.Header.Get(HeaderSignature)
	if event == "" || delivery == "" || sig == "" {
		return respond(http.StatusBadRequest, outBadRequest, "required headers missing: "+HeaderEvent+", "+HeaderDelivery+", "+HeaderSignature)
	}
	if len(delivery) > maxDeliveryIDLen || len(event) > 64 {
		return respond(http.StatusBadRequest, outBadRequest, "invalid delivery headers")
	}

	// 3. Signature over the raw body, before parsing or recording anything.
	if !h.verify(sig, body) {
		h.log.Warn("webhook signature mismatch", "delivery", delivery)
		return respond(http.StatusUnauthorized, outUnauthorized, "signature mismatch")
	}
	eventLabel = eventMetricLabel(event)

	if ct := req.Header.Get(echo.HeaderContentType); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return respond(http.StatusUnsupportedMediaType, outMediaType, "content type must be application/json")
		}
	}

	// 4. Parse and decide.
	d, err := decide(event, delivery, body, h.appID, h.reviewDrafts)
	if err != nil {
		h.log.Info("webhook rejected", "delivery", delivery, "event", event, "error", err)
		return respond(http.StatusBadRequest, outBadRequest, err.Error())
	}
	log := h.log.With("delivery", delivery, "event", event, "action", d.action)
	if d.repo != "" {
		log = log.With("repo", d.repo)
	}

	switch d.kind {
	case decidePing:
		log.Info("webhook ping")
		return respond(http.StatusOK, outPing, "pong")
	case decideCancel:
		ctx, cancel := context.WithTimeout(req.Context(), h.enqueueTimeout)
		err := h.enq.CancelInstallation(ctx, delivery, d.installationID)
		cancel()
		if err != nil {
			log.Error("cancel installation jobs failed", "installation", d.installationID, "error", err)
			return respond(http.StatusServiceUnavailable, outUnavailable, "could not record delivery")
		}
		log.Info("installation jobs cancelled", "installation", d.installationID)
		return respond(http.StatusOK, outCancelled, "cancelled")
	case decideReview:
		ctx, cancel := context.WithTimeout(req.Context(), h.enqueueTimeout)
		queued, err := h.enq.EnqueueReview(ctx, delivery, d.review)
		cancel()
		if err != nil {
			log.Error("enqueue review failed", "pr", d.review.Number, "head_sha", d.review.HeadSHA, "error", err)
			return respond(http.StatusServiceUnavailable, outUnavailable, "could not enqueue")
		}
		if !queued {
			log.Info("webhook duplicate", "pr", d.review.Number, "head_sha", d.review.HeadSHA)
			return respond(http.StatusOK, outDuplicate, "duplicate")
		}
		log.Info("review queued", "pr", d.review.Number, "head_sha", d.review.HeadSHA,
			"merge_group", d.review.MergeGroup, "rerun", d.review.Rerun != "")
		return respond(http.StatusAccepted, outQueued, "queued")
	default: // decideIgnore
		log.Debug("webhook ignored", "reason", d.reason)
		return respond(http.StatusAccepted, outIgnored, "ignored: "+d.reason)
	}
}
