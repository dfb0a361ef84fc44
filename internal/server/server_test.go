package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/appconfig"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/internal/review"
)

// stubPipeline records jobs; review, when set, decides each attempt.
type stubPipeline struct {
	review func(ctx context.Context, job *queue.Job) error

	mu      sync.Mutex
	jobs    []queue.Job
	giveUps int
	sweeps  int
	deps    Deps
}

func (p *stubPipeline) Review(ctx context.Context, job *queue.Job) error {
	p.mu.Lock()
	p.jobs = append(p.jobs, *job)
	p.mu.Unlock()
	if p.review != nil {
		return p.review(ctx, job)
	}
	return nil
}

func (p *stubPipeline) GiveUp(context.Context, *queue.Job, error) error {
	p.mu.Lock()
	p.giveUps++
	p.mu.Unlock()
	return nil
}

func (p *stubPipeline) Sweep(context.Context) error {
	p.mu.Lock()
	p.sweeps++
	p.mu.Unlock()
	return nil
}

func (p *stubPipeline) snapshot() []queue.Job {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]queue.Job(nil), p.jobs...)
}

func (p *stubPipeline) factory(d Deps) (Pipeline, error) {
	p.mu.Lock()
	p.deps = d
	p.mu.Unlock()
	return p, nil
}

var testRepo = repoInfo{InstallationID: 77, ID: 1001, Owner: "acme", Name: "orders-api"}

func TestServeRoutesAndWebhookToWorker(t *testing.T) {
	fg := fakegithub.New(t)
	p := &stubPipeline{}
	settings := testSettings(t, fg)
	srv := startServer(t, settings, Options{NewPipeline: p.factory})

	if p.deps.Clients == nil || p.deps.CheckRuns == nil || p.deps.Registerer == nil || p.deps.Logger == nil || p.deps.Settings != settings {
		t.Fatalf("pipeline built with incomplete deps: %+v", p.deps)
	}
	if code, body := get(t, srv.url+PathHealth); code != http.StatusOK || !strings.Contains(body, "ok") {
		t.Errorf("healthz = %d %s", code, body)
	}

	head, base := sha("head-1"), sha("base-1")
	code, body := post(t, srv.url, delivery{Event: "pull_request", Body: pullRequestEvent(testRepo, "opened", 42, head, base, nil)})
	if code != http.StatusAccepted {
		t.Fatalf("opened: %d %s", code, body)
	}
	waitFor(t, 10*time.Second, "the worker to run the job", func() (bool, string) {
		return len(p.snapshot()) == 1, ""
	})
	job := p.snapshot()[0]
	if job.InstallationID != 77 || job.RepoID != 1001 || job.Owner != "acme" || job.Repo != "orders-api" ||
		job.Number != 42 || job.HeadSHA != head || job.BaseSHA != base || job.BaseRef != "main" || job.Attempt != 1 {
		t.Errorf("job = %+v", job)
	}

	// ping, bad signature, missing signature, malformed JSON: the server
	// answers and keeps working.
	if code, _ := post(t, srv.url, delivery{Event: "ping", Body: pingEvent(fg.AppID())}); code != http.StatusOK {
		t.Errorf("ping: %d", code)
	}
	if code, _ := post(t, srv.url, delivery{Event: "pull_request", BadSig: true, Body: pullRequestEvent(testRepo, "opened", 43, sha("x"), base, nil)}); code != http.StatusUnauthorized {
		t.Errorf("bad signature: %d, want 401", code)
	}
	if code, _ := post(t, srv.url, delivery{Event: "pull_request", NoSig: true, Body: pullRequestEvent(testRepo, "opened", 43, sha("x"), base, nil)}); code != http.StatusBadRequest {
		t.Errorf("no signature: %d, want 400", code)
	}
	if code, _ := post(t, srv.url, delivery{Event: "pull_request", Body: []byte(`{"action":"opened",`)}); code != http.StatusBadRequest {
		t.Errorf("malformed JSON: %d, want 400", code)
	}
	if code, body := get(t, srv.url+"/nope"); code != http.StatusNotFound || !strings.Contains(body, "error") {
		t.Errorf("unknown route: %d %s", code, body)
	}

	// /metrics: one registry with every component.
	code, metrics := get(t, srv.url+PathMetrics)
	if code != http.StatusOK {
		t.Fatalf("metrics: %d", code)
	}
	for _, name := range []string{"hotpath_webhook_deliveries_total", "hotpath_queue_enqueued_total",
		"hotpath_queue_jobs_total", "go_goroutines", "process_cpu_seconds_total"} {
		if !strings.Contains(metrics, name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	if len(p.snapshot()) != 1 {
		t.Errorf("jobs after the rejected deliveries: %d, want 1", len(p.snapshot()))
	}

	if err := srv.stop(t); err != nil {
		t.Fatalf("Run returned %v after a graceful stop", err)
	}
	if _, err := http.Get(srv.url + PathHealth); err == nil {
		t.Error("HTTP still served after Run returned")
	}
	if err := srv.Ready(context.Background()); err == nil {
		t.Error("Ready after shutdown")
	}
	if !strings.Contains(srv.logs.String(), `"msg":"hotpath stopped"`) {
		t.Errorf("no shutdown log line:\n%s", srv.logs.String())
	}
}

func TestWorkerMode(t *testing.T) {
	fg := fakegithub.New(t)
	settings := testSettings(t, fg)
	settings.WebhookSecrets = nil // workers need none
	p := &stubPipeline{}
	srv := startServer(t, settings, Options{Mode: Worker, NewPipeline: p.factory})
	if code, _ := get(t, srv.url+PathHealth); code != http.StatusOK {
		t.Errorf("healthz = %d", code)
	}
	if code, _ := post(t, srv.url, delivery{Event: "ping", Body: pingEvent(1)}); code != http.StatusNotFound && code != http.StatusMethodNotAllowed {
		t.Errorf("worker answered POST /webhook with %d", code)
	}
	// A serve process (insert only would do too) enqueues; the worker runs it.
	enq, err := queue.Open(context.Background(), settings.DatabaseURL, queue.Options{InsertOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer enq.Stop(context.Background())
	if err := enq.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	req := queue.ReviewArgs{InstallationID: 77, RepoID: 1001, Owner: "acme", Repo: "orders-api", Number: 1, HeadSHA: sha("w")}.Request()
	if ok, err := enq.EnqueueReview(context.Background(), "w-1", req); !ok || err != nil {
		t.Fatalf("enqueue: %v %v", ok, err)
	}
	waitFor(t, 10*time.Second, "the worker to run the job", func() (bool, string) { return len(p.snapshot()) == 1, "" })

	// Without an address a worker serves no HTTP at all.
	settings2 := testSettings(t, fg)
	settings2.WebhookSecrets, settings2.Addr = nil, "off"
	srv2 := startServer(t, settings2, Options{Mode: Worker, NewPipeline: (&stubPipeline{}).factory})
	if srv2.Addr() != "" || srv2.Handler() != nil {
		t.Errorf("worker with addr off serves HTTP at %q", srv2.Addr())
	}
	waitFor(t, 5*time.Second, "worker ready", func() (bool, string) {
		err := srv2.Ready(context.Background())
		return err == nil, errString(err)
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestNewErrors(t *testing.T) {
	fg := fakegithub.New(t)
	p := &stubPipeline{}

	s := testSettings(t, fg)
	s.WebhookSecrets = nil
	if _, err := New(context.Background(), s, Options{NewPipeline: p.factory}); err == nil || !strings.Contains(err.Error(), "HOTPATH_WEBHOOK_SECRET") {
		t.Errorf("serve without a secret: %v", err)
	}

	s = testSettings(t, fg)
	s.DatabaseURL = "mysql://db/hotpath"
	if _, err := New(context.Background(), s, Options{NewPipeline: p.factory}); err == nil || !strings.Contains(err.Error(), "unsupported database URL") || !strings.Contains(err.Error(), "HOTPATH_DATABASE_URL") {
		t.Errorf("bad database URL: %v", err)
	}

	s = testSettings(t, fg)
	boom := errors.New("boom")
	if _, err := New(context.Background(), s, Options{NewPipeline: func(Deps) (Pipeline, error) { return nil, boom }}); !errors.Is(err, boom) {
		t.Errorf("pipeline error: %v", err)
	}
	// The failed New released the database: another process opens it.
	srv := startServer(t, s, Options{NewPipeline: p.factory})
	_ = srv

	// The listen address is bound by New: a busy port fails there.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s = testSettings(t, fg)
	s.Addr = ln.Addr().String()
	if _, err := New(context.Background(), s, Options{NewPipeline: p.factory}); err == nil || !strings.Contains(err.Error(), "HOTPATH_ADDR") {
		t.Errorf("busy address: %v", err)
	}
}

// Shutdown stops HTTP first, then waits for running reviews; a review still
// running at the drain deadline is released, not failed.
func TestGracefulShutdownOrder(t *testing.T) {
	fg := fakegithub.New(t)
	started := make(chan struct{}, 1)
	release := make(chan struct{})
	p := &stubPipeline{review: func(ctx context.Context, job *queue.Job) error {
		started <- struct{}{}
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}}
	settings := testSettings(t, fg)
	srv := startServer(t, settings, Options{NewPipeline: p.factory})
	if code, body := post(t, srv.url, delivery{Event: "pull_request", Body: pullRequestEvent(testRepo, "opened", 7, sha("s"), sha("b"), nil)}); code != http.StatusAccepted {
		t.Fatalf("opened: %d %s", code, body)
	}
	<-started
	srv.cancel()
	// HTTP goes away while the review is still running.
	waitFor(t, 5*time.Second, "HTTP to stop", func() (bool, string) {
		_, err := http.Get(srv.url + PathHealth)
		return err != nil, ""
	})
	select {
	case err := <-srv.done:
		t.Fatalf("Run returned (%v) before the running review finished", err)
	default:
	}
	close(release)
	select {
	case err := <-srv.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		close(srv.done)
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after the review finished")
	}
	if jobs := p.snapshot(); len(jobs) != 1 {
		t.Errorf("reviews: %d", len(jobs))
	}
}

// Secrets never reach the logs, whatever happens.
func TestSecretsNotLogged(t *testing.T) {
	fg := fakegithub.New(t)
	fg.AddRepo("acme", "orders-api", 77)
	p := &stubPipeline{review: func(ctx context.Context, job *queue.Job) error {
		return errors.New("review failed")
	}}
	settings := testSettings(t, fg)
	settings.WebhookSecrets = append(settings.WebhookSecrets, []byte("previous-secret-91b2"))
	srv := startServer(t, settings, Options{NewPipeline: p.factory})
	post(t, srv.url, delivery{Event: "pull_request", Body: pullRequestEvent(testRepo, "opened", 9, sha("l"), sha("b"), nil)})
	post(t, srv.url, delivery{Event: "pull_request", BadSig: true, Body: pullRequestEvent(testRepo, "opened", 9, sha("m"), sha("b"), nil)})
	post(t, srv.url, delivery{Event: "pull_request", Secret: []byte("previous-secret-91b2"), Body: pullRequestEvent(testRepo, "opened", 10, sha("n"), sha("b"), nil)})
	// A real token is minted and used.
	if _, err := srv.Clients().ForInstallation(77).GetPullRequest(context.Background(), "acme", "orders-api", 999); err == nil {
		t.Log("unexpected: PR 999 exists")
	}
	waitFor(t, 10*time.Second, "both reviews attempted", func() (bool, string) { return len(p.snapshot()) >= 2, "" })
	if err := srv.stop(t); err != nil {
		t.Fatal(err)
	}
	logs := srv.logs.String()
	if !strings.Contains(logs, "hotpath started") {
		t.Fatalf("no start line in logs:\n%s", logs)
	}
	key := string(fg.AppPrivateKeyPEM())
	secrets := []string{testSecret, "previous-secret-91b2", key[40:80]}
	for _, tok := range fg.IssuedTokens() {
		secrets = append(secrets, tok)
	}
	if len(fg.IssuedTokens()) == 0 {
		t.Error("no installation token was issued; the test proves less than it should")
	}
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("logs contain a secret %q", s[:6]+"…")
		}
	}
}

func TestQueueOptionsAndSchema(t *testing.T) {
	o := QueueOptions(&appconfig.Settings{Workers: 3, JobTimeout: 10 * time.Minute})
	if o.Workers != 3 || o.JobTimeout != 10*time.Minute || o.GiveUpTimeout != time.Minute || o.RescueStuckJobsAfter != 12*time.Minute {
		t.Errorf("10m job timeout: %+v", o)
	}
	o = QueueOptions(&appconfig.Settings{Workers: 1, JobTimeout: 10 * time.Second})
	if o.GiveUpTimeout != 5*time.Second || o.RescueStuckJobsAfter != 20*time.Second {
		t.Errorf("10s job timeout: give up %s, rescue %s", o.GiveUpTimeout, o.RescueStuckJobsAfter)
	}
	if o := QueueOptions(&appconfig.Settings{DatabaseURL: "hotpath.db"}); o.PollInterval != SQLitePollInterval {
		t.Errorf("SQLite poll interval %s", o.PollInterval)
	}
	if o := QueueOptions(&appconfig.Settings{DatabaseURL: "postgres://h/db"}); o.PollInterval != 0 {
		t.Errorf("PostgreSQL poll interval %s, want the queue's default", o.PollInterval)
	}
	if got := staleAfter(Deps{Settings: &appconfig.Settings{JobTimeout: 10 * time.Minute}}); got != review.DefaultStaleAfter {
		t.Errorf("stale after with a 10m job timeout: %s", got)
	}
	if got := staleAfter(Deps{Settings: &appconfig.Settings{JobTimeout: time.Hour}}); got != time.Hour+2*time.Minute+5*time.Minute {
		t.Errorf("stale after with a 1h job timeout: %s", got)
	}
	for url, want := range map[string]string{
		"postgres://u@h/db?search_path=hotpath&sslmode=disable": "hotpath",
		"postgresql://u@h/db?search_path=a,b":                   "",
		"postgres://u@h/db":                                     "",
		"/var/lib/hotpath.db?search_path=x":                     "",
	} {
		if got := postgresSchema(url); got != want {
			t.Errorf("postgresSchema(%q) = %q, want %q", url, got, want)
		}
	}
}

// The adapter carries every field of review's records through the queue's
// database, and the sweep prunes old completed records.
func TestCheckRunStoreAdapterAndPrune(t *testing.T) {
	fg := fakegithub.New(t)
	p := &stubPipeline{}
	srv := startServer(t, testSettings(t, fg), Options{NewPipeline: p.factory})
	ctx := context.Background()
	store := CheckRunStore(p.deps.CheckRuns)
	at := time.Now().Add(-10 * 24 * time.Hour).Truncate(time.Millisecond)
	rec := review.CheckRunRecord{
		Key:   review.CheckRunKey{InstallationID: 77, RepoID: 1001, HeadSHA: sha("adapter"), JobID: 12},
		Owner: "acme", Repo: "orders-api", Number: 5, CheckRunID: 4242, UpdatedAt: at, Completing: true,
	}
	if err := store.Put(ctx, rec); err != nil {
		t.Fatal(err)
	}
	got, ok, err := store.Get(ctx, rec.Key)
	if err != nil || !ok || got != rec {
		t.Fatalf("Get = %+v, %v, %v; want %+v", got, ok, err, rec)
	}
	stale, err := store.Stale(ctx, time.Now(), 10)
	if err != nil || len(stale) != 1 || stale[0] != rec {
		t.Fatalf("Stale = %+v, %v", stale, err)
	}
	if err := store.Complete(ctx, rec.Key); err != nil {
		t.Fatal(err)
	}
	got, _, _ = store.Get(ctx, rec.Key)
	if !got.Completed || got.Completing {
		t.Errorf("after Complete: %+v", got)
	}

	// The sweep (through the queue's forwarding pipeline) prunes it: it was
	// last updated ten days ago.
	fwd := &forwardPipeline{p: p, store: p.deps.CheckRuns, log: srv.log}
	if err := fwd.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := store.Get(ctx, rec.Key); ok {
		t.Error("a completed record ten days old survived the sweep")
	}
}
