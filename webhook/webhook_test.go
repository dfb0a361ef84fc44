package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

const (
	testSecret = "s3cret-for-tests"
	testAppID  = 873421
)

// fakeEnqueuer records calls. dup makes EnqueueReview report a duplicate;
// err makes both methods fail.
type fakeEnqueuer struct {
	mu        sync.Mutex
	dup       bool
	err       error
	reviews   []ReviewRequest
	delivery  []string
	cancelled []int64
}

func (f *fakeEnqueuer) EnqueueReview(ctx context.Context, deliveryID string, req ReviewRequest) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return false, f.err
	}
	f.reviews = append(f.reviews, req)
	f.delivery = append(f.delivery, deliveryID)
	return !f.dup, nil
}

func (f *fakeEnqueuer) CancelInstallation(ctx context.Context, deliveryID string, installationID int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.cancelled = append(f.cancelled, installationID)
	return nil
}

func (f *fakeEnqueuer) calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.reviews) + len(f.cancelled)
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newServer(t testing.TB, enq Enqueuer, opts ...Option) *echo.Echo {
	t.Helper()
	opts = append([]Option{WithAppID(testAppID), WithLogger(slog.New(slog.DiscardHandler))}, opts...)
	h, err := New([]byte(testSecret), enq, opts...)
	if err != nil {
		t.Fatal(err)
	}
	e := echo.New()
	h.Register(e)
	return e
}

type delivery struct {
	event, id, sig, contentType string
	body                        []byte
	noSig                       bool
}

func post(e *echo.Echo, d delivery) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, Path, bytes.NewReader(d.body))
	if d.contentType == "" {
		d.contentType = "application/json"
	}
	req.Header.Set("Content-Type", d.contentType)
	req.Header.Set("User-Agent", "GitHub-Hookshot/test")
	if d.event != "" {
		req.Header.Set(HeaderEvent, d.event)
	}
	if d.id != "" {
		req.Header.Set(HeaderDelivery, d.id)
	}
	switch {
	case d.noSig:
	case d.sig != "":
		req.Header.Set(HeaderSignature, d.sig)
	default:
		req.Header.Set(HeaderSignature, Signature([]byte(testSecret), d.body))
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

func TestSignatureTestVector(t *testing.T) {
	// From GitHub's "Validating webhook deliveries".
	secret, payload := []byte("It's a Secret to Everybody"), []byte("Hello, World!")
	const want = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
	if got := Signature(secret, payload); got != want {
		t.Fatalf("Signature = %s, want %s", got, want)
	}
	h, err := New(secret, &fakeEnqueuer{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		header string
		ok     bool
	}{
		{want, true},
		{strings.ToUpper(want[:7]) + want[7:], false}, // prefix is case-sensitive
		{"sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", false},
		{"sha512=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", false},
		{strings.TrimPrefix(want, "sha256="), false},
		{want[:len(want)-1] + "8", false},
		{want[:len(want)-2], false},
		{want + "00", false},
		{"sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", false},
		{"", false},
	} {
		if got := h.verify(tc.header, payload); got != tc.ok {
			t.Errorf("verify(%q) = %v, want %v", tc.header, got, tc.ok)
		}
	}
	if h.verify(want, []byte("Hello, World?")) {
		t.Error("signature accepted for a different body")
	}
}

func TestNewRefusesEmptySecret(t *testing.T) {
	if _, err := New(nil, &fakeEnqueuer{}); err == nil {
		t.Error("New(nil secret) succeeded")
	}
	if _, err := New([]byte{}, &fakeEnqueuer{}); err == nil {
		t.Error("New(empty secret) succeeded")
	}
	if _, err := New([]byte("x"), nil); err == nil {
		t.Error("New(nil enqueuer) succeeded")
	}
}

func TestStatusCodes(t *testing.T) {
	opened := fixture(t, "pull_request_opened.json")
	tests := []struct {
		name     string
		d        delivery
		enq      *fakeEnqueuer
		code     int
		body     string
		enqueued int
	}{
		{"queued", delivery{event: "pull_request", id: "d-1", body: opened}, &fakeEnqueuer{}, 202, "queued", 1},
		{"duplicate", delivery{event: "pull_request", id: "d-1", body: opened}, &fakeEnqueuer{dup: true}, 200, "duplicate", 1},
		{"enqueue failure", delivery{event: "pull_request", id: "d-1", body: opened}, &fakeEnqueuer{err: errors.New("db down")}, 503, "could not enqueue", 0},
		{"ping", delivery{event: "ping", id: "d-2", body: fixture(t, "ping.json")}, &fakeEnqueuer{}, 200, "pong", 0},
		{"unhandled event", delivery{event: "issues", id: "d-3", body: []byte(`{"action":"opened","installation":{"id":1}}`)}, &fakeEnqueuer{}, 202, "ignored", 0},
		{"unhandled action", delivery{event: "pull_request", id: "d-4", body: fixture(t, "pull_request_labeled.json")}, &fakeEnqueuer{}, 202, "ignored", 0},
		{"missing event", delivery{id: "d-5", body: opened}, &fakeEnqueuer{}, 400, "required headers missing", 0},
		{"missing delivery", delivery{event: "pull_request", body: opened}, &fakeEnqueuer{}, 400, "required headers missing", 0},
		{"missing signature", delivery{event: "pull_request", id: "d-6", body: opened, noSig: true}, &fakeEnqueuer{}, 400, "required headers missing", 0},
		{"bad signature", delivery{event: "pull_request", id: "d-7", body: opened, sig: Signature([]byte("wrong"), opened)}, &fakeEnqueuer{}, 401, "signature mismatch", 0},
		{"sha1 signature", delivery{event: "pull_request", id: "d-8", body: opened, sig: "sha1=0123456789012345678901234567890123456789"}, &fakeEnqueuer{}, 401, "signature mismatch", 0},
		{"signature of other body", delivery{event: "pull_request", id: "d-9", body: opened, sig: Signature([]byte(testSecret), []byte("{}"))}, &fakeEnqueuer{}, 401, "", 0},
		{"malformed JSON", delivery{event: "pull_request", id: "d-10", body: []byte(`{"action":"opened",`)}, &fakeEnqueuer{}, 400, "malformed JSON", 0},
		{"JSON array", delivery{event: "ping", id: "d-11", body: []byte(`[1,2]`)}, &fakeEnqueuer{}, 400, "malformed JSON", 0},
		{"wrong field type", delivery{event: "pull_request", id: "d-12", body: []byte(`{"action":"opened","installation":{"id":"x"}}`)}, &fakeEnqueuer{}, 400, "malformed JSON", 0},
		{"no installation", delivery{event: "pull_request", id: "d-13", body: fixture(t, "pull_request_opened_no_installation.json")}, &fakeEnqueuer{}, 400, "installation.id", 0},
		{"no installation, ignored action", delivery{event: "pull_request", id: "d-14", body: []byte(`{"action":"closed"}`)}, &fakeEnqueuer{}, 202, "ignored", 0},
		{"form encoded", delivery{event: "pull_request", id: "d-15", body: opened, contentType: "application/x-www-form-urlencoded"}, &fakeEnqueuer{}, 415, "", 0},
		{"json with charset", delivery{event: "pull_request", id: "d-16", body: opened, contentType: "application/json; charset=utf-8"}, &fakeEnqueuer{}, 202, "queued", 1},
		{"installation deleted", delivery{event: "installation", id: "d-17", body: fixture(t, "installation_deleted.json")}, &fakeEnqueuer{}, 200, "cancelled", 0},
		{"installation cancel failure", delivery{event: "installation", id: "d-18", body: fixture(t, "installation_deleted.json")}, &fakeEnqueuer{err: errors.New("db down")}, 503, "", 0},
		{"overlong delivery id", delivery{event: "pull_request", id: strings.Repeat("x", 200), body: opened}, &fakeEnqueuer{}, 400, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := post(newServer(t, tc.enq), tc.d)
			if rec.Code != tc.code {
				t.Fatalf("status = %d (%q), want %d", rec.Code, rec.Body.String(), tc.code)
			}
			if !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("body = %q, want it to contain %q", rec.Body.String(), tc.body)
			}
			if len(tc.enq.reviews) != tc.enqueued {
				t.Errorf("EnqueueReview called %d times, want %d", len(tc.enq.reviews), tc.enqueued)
			}
		})
	}
}

func TestGetIsNotAllowed(t *testing.T) {
	e := newServer(t, &fakeEnqueuer{})
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, Path, nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET status = %d, want 405", rec.Code)
	}
}

func TestSecretRotation(t *testing.T) {
	body := fixture(t, "pull_request_opened.json")
	enq := &fakeEnqueuer{}
	e := newServer(t, enq, WithPreviousSecrets([]byte("old-secret"), nil))
	for _, tc := range []struct {
		secret string
		code   int
	}{{testSecret, 202}, {"old-secret", 202}, {"older-secret", 401}, {"", 401}} {
		rec := post(e, delivery{event: "pull_request", id: "r-" + tc.secret, body: body, sig: Signature([]byte(tc.secret), body)})
		if rec.Code != tc.code {
			t.Errorf("signed with %q: status %d, want %d", tc.secret, rec.Code, tc.code)
		}
	}
	if enq.calls() != 2 {
		t.Errorf("enqueued %d, want 2", enq.calls())
	}
}

func TestBodyLimit(t *testing.T) {
	big := bytes.Repeat([]byte{' '}, MaxBodyBytes+1)
	atLimit := bytes.Repeat([]byte{' '}, MaxBodyBytes)
	copy(atLimit, `{"zen":"x"}`)

	t.Run("over the limit through Register", func(t *testing.T) {
		enq := &fakeEnqueuer{}
		rec := post(newServer(t, enq), delivery{event: "ping", id: "b-1", body: big})
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status = %d, want 413", rec.Code)
		}
	})
	t.Run("over the limit with unknown length, handler alone", func(t *testing.T) {
		h, _ := New([]byte(testSecret), &fakeEnqueuer{}, WithLogger(slog.New(slog.DiscardHandler)))
		e := echo.New()
		e.POST(Path, h.Handle) // no BodyLimit middleware: the handler enforces it too
		req := httptest.NewRequest(http.MethodPost, Path, io.MultiReader(bytes.NewReader(big)))
		req.ContentLength = -1
		req.Header.Set(HeaderEvent, "ping")
		req.Header.Set(HeaderDelivery, "b-2")
		req.Header.Set(HeaderSignature, Signature([]byte(testSecret), big))
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status = %d, want 413", rec.Code)
		}
	})
	t.Run("declared length over the limit", func(t *testing.T) {
		h, _ := New([]byte(testSecret), &fakeEnqueuer{}, WithLogger(slog.New(slog.DiscardHandler)))
		e := echo.New()
		e.POST(Path, h.Handle)
		req := httptest.NewRequest(http.MethodPost, Path, strings.NewReader("{}"))
		req.ContentLength = MaxBodyBytes + 10
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status = %d, want 413", rec.Code)
		}
	})
	t.Run("exactly at the limit is read and verified", func(t *testing.T) {
		rec := post(newServer(t, &fakeEnqueuer{}), delivery{event: "ping", id: "b-3", body: atLimit})
		if rec.Code != http.StatusOK {
			t.Fatalf("status = %d (%s), want 200", rec.Code, rec.Body)
		}
	})
}

func TestEvents(t *testing.T) {
	const (
		head    = "6dcb09b5b57875f334f61aebed695e2e4193db5e"
		newHead = "9f2c1e4d3b5a69788c0d1e2f3a4b5c6d7e8f9012"
		base    = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"
		mgHead  = "0f4e5d6c7b8a99887766554433221100ffeeddcc"
	)
	pr := func(action string, sha string) *ReviewRequest {
		return &ReviewRequest{InstallationID: 51234567, RepoID: 428591730, Owner: "acme", Repo: "orders-api",
			Number: 42, HeadSHA: sha, BaseRef: "main", BaseSHA: base, Event: "pull_request", Action: action}
	}
	rerun := func(event, action string, checkRunID int64, delivery string) *ReviewRequest {
		r := pr(action, head)
		r.Event, r.CheckRunID, r.Rerun = event, checkRunID, delivery
		return r
	}
	forkRerun := rerun("check_run", "rerequested", 22004432111, "ev-check_run_rerequested_fork.json")
	forkRerun.BaseRef, forkRerun.BaseSHA = "", ""
	tests := []struct {
		event, file string
		opts        []Option
		code        int
		want        *ReviewRequest // nil: nothing enqueued
		cancelled   int64
	}{
		{"pull_request", "pull_request_opened.json", nil, 202, pr("opened", head), 0},
		{"pull_request", "pull_request_opened_draft.json", nil, 202, nil, 0},
		{"pull_request", "pull_request_opened_draft.json", []Option{WithDrafts(true)}, 202, pr("opened", head), 0},
		{"pull_request", "pull_request_ready_for_review.json", nil, 202, pr("ready_for_review", head), 0},
		{"pull_request", "pull_request_synchronize_fork.json", nil, 202, pr("synchronize", newHead), 0},
		{"pull_request", "pull_request_synchronize_fork_deleted.json", nil, 202, pr("synchronize", newHead), 0},
		{"pull_request", "pull_request_edited_base.json", nil, 202, pr("edited", head), 0},
		{"pull_request", "pull_request_edited_title.json", nil, 202, nil, 0},
		{"pull_request", "pull_request_labeled.json", nil, 202, nil, 0},
		{"check_run", "check_run_rerequested.json", nil, 202, rerun("check_run", "rerequested", 22004432111, "ev-check_run_rerequested.json"), 0},
		{"check_run", "check_run_rerequested_fork.json", nil, 202, forkRerun, 0},
		{"check_run", "check_run_requested_action.json", nil, 202, rerun("check_run", "requested_action", 22004432111, "ev-check_run_requested_action.json"), 0},
		{"check_run", "check_run_rerequested.json", []Option{WithAppID(0)}, 202, nil, 0}, // no app ID: cannot tell own runs
		{"check_run", "check_run_rerequested_other_app.json", nil, 202, nil, 0},
		{"check_run", "check_run_completed_other_app.json", nil, 202, nil, 0},
		{"check_suite", "check_suite_rerequested.json", nil, 202, rerun("check_suite", "rerequested", 0, "ev-check_suite_rerequested.json"), 0},
		{"check_suite", "check_suite_requested.json", nil, 202, nil, 0},
		{"merge_group", "merge_group_checks_requested.json", nil, 202, &ReviewRequest{InstallationID: 51234567, RepoID: 428591730,
			Owner: "acme", Repo: "orders-api", HeadSHA: mgHead, BaseRef: "refs/heads/main", BaseSHA: base,
			Event: "merge_group", Action: "checks_requested", MergeGroup: true}, 0},
		{"installation", "installation_deleted.json", nil, 200, nil, 51234567},
		{"installation", "installation_suspend.json", nil, 200, nil, 51234567},
		{"installation", "installation_created.json", nil, 202, nil, 0},
		{"ping", "ping.json", nil, 200, nil, 0},
	}
	for _, tc := range tests {
		name := strings.TrimSuffix(tc.file, ".json")
		if len(tc.opts) > 0 {
			name += "/with-option"
		}
		t.Run(name, func(t *testing.T) {
			enq := &fakeEnqueuer{}
			rec := post(newServer(t, enq, tc.opts...), delivery{event: tc.event, id: "ev-" + tc.file, body: fixture(t, tc.file)})
			if rec.Code != tc.code {
				t.Fatalf("status = %d (%q), want %d", rec.Code, rec.Body.String(), tc.code)
			}
			switch {
			case tc.want == nil && len(enq.reviews) > 0:
				t.Fatalf("enqueued %+v, want nothing", enq.reviews)
			case tc.want != nil && len(enq.reviews) != 1:
				t.Fatalf("enqueued %d reviews, want 1", len(enq.reviews))
			case tc.want != nil:
				if diff := cmp.Diff(*tc.want, enq.reviews[0]); diff != "" {
					t.Errorf("ReviewRequest mismatch (-want +got):\n%s", diff)
				}
				if enq.delivery[0] != "ev-"+tc.file {
					t.Errorf("delivery = %q", enq.delivery[0])
				}
			}
			if tc.cancelled != 0 && (len(enq.cancelled) != 1 || enq.cancelled[0] != tc.cancelled) {
				t.Errorf("cancelled = %v, want [%d]", enq.cancelled, tc.cancelled)
			}
			if tc.cancelled == 0 && len(enq.cancelled) > 0 {
				t.Errorf("cancelled = %v, want none", enq.cancelled)
			}
		})
	}
}

func TestReviewMissingFields(t *testing.T) {
	for name, body := range map[string]string{
		"pull_request without pull_request": `{"action":"opened","installation":{"id":1},"repository":{"id":2,"name":"r","owner":{"login":"o"}}}`,
		"pull_request without head sha":     `{"action":"opened","installation":{"id":1},"repository":{"id":2,"name":"r","owner":{"login":"o"}},"pull_request":{"number":3,"head":{"sha":""}}}`,
		"pull_request without repository":   `{"action":"opened","installation":{"id":1},"pull_request":{"number":3,"head":{"sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e"}}}`,
		"merge_group without merge_group":   `{"action":"checks_requested","installation":{"id":1},"repository":{"id":2,"name":"r","owner":{"login":"o"}}}`,
		"merge_group without installation":  `{"action":"checks_requested","repository":{"id":2,"name":"r","owner":{"login":"o"}},"merge_group":{"head_sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e"}}`,
		"installation deleted without id":   `{"action":"deleted","installation":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			event, _, _ := strings.Cut(name, " ")
			enq := &fakeEnqueuer{}
			rec := post(newServer(t, enq), delivery{event: event, id: "m-1", body: []byte(body)})
			if rec.Code != http.StatusBadRequest || enq.calls() != 0 {
				t.Errorf("status = %d (%q), calls = %d; want 400 and no calls", rec.Code, rec.Body, enq.calls())
			}
		})
	}
}

func TestMetricsAndLogs(t *testing.T) {
	reg := prometheus.NewPedanticRegistry()
	var logs bytes.Buffer
	enq := &fakeEnqueuer{}
	h, err := New([]byte(testSecret), enq, WithRegisterer(reg), WithAppID(testAppID),
		WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	if err != nil {
		t.Fatal(err)
	}
	e := echo.New()
	h.Register(e)
	body := fixture(t, "pull_request_opened.json")
	post(e, delivery{event: "pull_request", id: "x-1", body: body})
	post(e, delivery{event: "pull_request", id: "x-2", body: body, sig: Signature([]byte("nope"), body)})
	post(e, delivery{event: "made_up_event", id: "x-3", body: []byte("{}")})

	if got := testutil.ToFloat64(h.metrics.deliveries.WithLabelValues("pull_request", "queued")); got != 1 {
		t.Errorf("queued counter = %v, want 1", got)
	}
	if got := testutil.ToFloat64(h.metrics.deliveries.WithLabelValues("unverified", "unauthorized")); got != 1 {
		t.Errorf("unauthorized counter = %v, want 1", got)
	}
	if got := testutil.ToFloat64(h.metrics.deliveries.WithLabelValues("other", "ignored")); got != 1 {
		t.Errorf("other/ignored counter = %v, want 1", got)
	}
	if n, err := testutil.GatherAndCount(reg, "hotpath_webhook_duration_seconds"); err != nil || n != 3 {
		t.Errorf("duration series = %d, %v; want 3", n, err)
	}
	// A second handler on the same registry shares the collectors.
	if _, err := New([]byte(testSecret), enq, WithRegisterer(reg)); err != nil {
		t.Fatal(err)
	}

	out := logs.String()
	for _, want := range []string{"delivery=x-1", "event=pull_request", "action=opened", "repo=acme/orders-api", "signature mismatch"} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{testSecret, "Batch order lookups", "Replaces the per-item query"} {
		if strings.Contains(out, secret) {
			t.Errorf("logs contain %q", secret)
		}
	}
}
