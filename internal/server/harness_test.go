package server

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hotpath-app/hotpath/internal/appconfig"
	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/queue"
)

const testSecret = "e2e-webhook-secret-7f3a9c"

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testSettings are settings for a server talking to fg with an SQLite
// database in a temporary directory.
func testSettings(t testing.TB, fg *fakegithub.Server) *appconfig.Settings {
	return &appconfig.Settings{
		Addr:           "127.0.0.1:0",
		AppID:          fg.AppID(),
		PrivateKeyPEM:  fg.AppPrivateKeyPEM(),
		WebhookSecrets: [][]byte{[]byte(testSecret)},
		APIURL:         fg.URL(),
		GraphQLURL:     fg.GraphQLURL(),
		DatabaseURL:    filepath.Join(t.TempDir(), "hotpath.db"),
		Workers:        4,
		JobTimeout:     30 * time.Second,
		LogLevel:       "debug",
	}
}

// fastQueue makes the queue react quickly in tests.
func fastQueue(o *queue.Options) {
	o.PollInterval = 20 * time.Millisecond
	o.Backoff = func(int) time.Duration { return 50 * time.Millisecond }
	o.MaxAttempts = 4
}

// fastGitHub keeps retries inside calls short.
func fastGitHub(c *githubapi.Config) {
	c.RetryBaseDelay = 10 * time.Millisecond
	c.HTTPTimeout = 10 * time.Second
}

// running is a started Server.
type running struct {
	*Server
	url    string
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// startServer builds and runs a server; it is stopped at the end of the
// test (or earlier with stop).
func startServer(t testing.TB, settings *appconfig.Settings, opts Options) *running {
	t.Helper()
	logs := &syncBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if opts.Queue == nil {
		opts.Queue = fastQueue
	}
	if opts.GitHub == nil {
		opts.GitHub = fastGitHub
	}
	opts.DrainTimeout = 5 * time.Second
	s, err := New(context.Background(), settings, opts)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{Server: s, logs: logs, cancel: cancel, done: make(chan error, 1)}
	if s.Addr() != "" {
		r.url = "http://" + s.Addr()
	}
	go func() { r.done <- s.Run(ctx) }()
	t.Cleanup(func() { r.stop(t) })
	if r.url != "" {
		waitFor(t, 10*time.Second, "server ready", func() (bool, string) {
			code, body := get(t, r.url+PathReady)
			return code == http.StatusOK, fmt.Sprintf("%d %s", code, body)
		})
	}
	return r
}

// stop cancels Run and waits for it.
func (r *running) stop(t testing.TB) error {
	t.Helper()
	r.cancel()
	select {
	case err, ok := <-r.done:
		if ok {
			close(r.done)
		}
		return err
	case <-time.After(30 * time.Second):
		t.Fatalf("server did not stop within 30s")
		return nil
	}
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last string
	for {
		ok, state := cond()
		if ok {
			return
		}
		last = state
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s; last state: %s", timeout, what, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func newDeliveryID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// delivery is one webhook POST.
type delivery struct {
	Event    string
	ID       string // X-GitHub-Delivery (random when empty)
	Body     []byte
	Secret   []byte // default testSecret
	NoSig    bool
	BadSig   bool
	Override http.Header
}

// post sends d to baseURL/webhook and returns the status and body.
func post(t testing.TB, baseURL string, d delivery) (int, string) {
	t.Helper()
	if d.ID == "" {
		d.ID = newDeliveryID()
	}
	secret := d.Secret
	if secret == nil {
		secret = []byte(testSecret)
	}
	req, err := http.NewRequest(http.MethodPost, baseURL+"/webhook", bytes.NewReader(d.Body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "GitHub-Hookshot/e2e")
	req.Header.Set("X-GitHub-Event", d.Event)
	req.Header.Set("X-GitHub-Delivery", d.ID)
	req.Header.Set("X-GitHub-Hook-ID", "424242")
	switch {
	case d.NoSig:
	case d.BadSig:
		req.Header.Set("X-Hub-Signature-256", sign([]byte("not-the-secret"), d.Body))
	default:
		req.Header.Set("X-Hub-Signature-256", sign(secret, d.Body))
	}
	for k, v := range d.Override {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /webhook: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// ---- realistic payloads ----

// repoInfo describes the repository deliveries are about.
type repoInfo struct {
	InstallationID int64
	ID             int64
	Owner, Name    string
}

func (r repoInfo) repository() map[string]any {
	return map[string]any{
		"id":             r.ID,
		"node_id":        fmt.Sprintf("R_kgDO%08d", r.ID),
		"name":           r.Name,
		"full_name":      r.Owner + "/" + r.Name,
		"private":        true,
		"owner":          map[string]any{"login": r.Owner, "id": 9000 + r.ID, "type": "Organization"},
		"html_url":       "https://github.com/" + r.Owner + "/" + r.Name,
		"default_branch": "main",
		"fork":           false,
	}
}

func installationJSON(id int64) map[string]any {
	return map[string]any{"id": id, "node_id": fmt.Sprintf("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u%d", id)}
}

func sender() map[string]any {
	return map[string]any{"login": "octocat", "id": 583231, "type": "User"}
}

// pullRequestEvent builds a pull_request delivery like GitHub's.
func pullRequestEvent(r repoInfo, action string, number int, headSHA, baseSHA string, extra map[string]any) []byte {
	repo := r.repository()
	pr := map[string]any{
		"url":       fmt.Sprintf("https://api.github.com/repos/%s/%s/pulls/%d", r.Owner, r.Name, number),
		"id":        int64(number) + 1_000_000,
		"number":    number,
		"state":     "open",
		"locked":    false,
		"title":     fmt.Sprintf("Change #%d", number),
		"user":      sender(),
		"draft":     false,
		"merged":    false,
		"head":      map[string]any{"label": r.Owner + ":feature", "ref": "feature", "sha": headSHA, "repo": repo, "user": sender()},
		"base":      map[string]any{"label": r.Owner + ":main", "ref": "main", "sha": baseSHA, "repo": repo, "user": sender()},
		"commits":   1,
		"additions": 10,
		"deletions": 0,
	}
	body := map[string]any{
		"action":       action,
		"number":       number,
		"pull_request": pr,
		"repository":   repo,
		"organization": map[string]any{"login": r.Owner},
		"installation": installationJSON(r.InstallationID),
		"sender":       sender(),
	}
	if action == "synchronize" {
		body["before"] = strings.Repeat("0", 40)
		body["after"] = headSHA
	}
	for k, v := range extra {
		body[k] = v
	}
	b, _ := json.Marshal(body)
	return b
}

// checkRunRerequested builds a check_run rerequested delivery for a run of
// this App.
func checkRunRerequested(r repoInfo, appID, checkRunID int64, number int, headSHA, baseSHA string) []byte {
	repo := r.repository()
	body := map[string]any{
		"action": "rerequested",
		"check_run": map[string]any{
			"id":          checkRunID,
			"name":        "hotpath",
			"head_sha":    headSHA,
			"external_id": fmt.Sprint(number),
			"status":      "completed",
			"conclusion":  "failure",
			"app":         map[string]any{"id": appID, "slug": "hotpath", "name": "hotpath"},
			"check_suite": map[string]any{"id": checkRunID + 1, "head_sha": headSHA},
			"pull_requests": []any{map[string]any{
				"number": number,
				"head":   map[string]any{"ref": "feature", "sha": headSHA, "repo": map[string]any{"id": r.ID, "name": r.Name}},
				"base":   map[string]any{"ref": "main", "sha": baseSHA, "repo": map[string]any{"id": r.ID, "name": r.Name}},
			}},
		},
		"repository":   repo,
		"installation": installationJSON(r.InstallationID),
		"sender":       sender(),
	}
	b, _ := json.Marshal(body)
	return b
}

// mergeGroupEvent builds a merge_group checks_requested delivery.
func mergeGroupEvent(r repoInfo, headSHA, baseSHA string) []byte {
	body := map[string]any{
		"action": "checks_requested",
		"merge_group": map[string]any{
			"head_sha":    headSHA,
			"head_ref":    "refs/heads/gh-readonly-queue/main/pr-7-" + baseSHA[:8],
			"base_sha":    baseSHA,
			"base_ref":    "refs/heads/main",
			"head_commit": map[string]any{"id": headSHA, "message": "Merge pull request #7"},
		},
		"repository":   r.repository(),
		"installation": installationJSON(r.InstallationID),
		"sender":       sender(),
	}
	b, _ := json.Marshal(body)
	return b
}

// installationEvent builds an installation delivery (deleted, suspend...).
func installationEvent(r repoInfo, action string) []byte {
	body := map[string]any{
		"action": action,
		"installation": map[string]any{
			"id":       r.InstallationID,
			"account":  map[string]any{"login": r.Owner, "type": "Organization"},
			"app_id":   4242,
			"app_slug": "hotpath",
		},
		"repositories": []any{map[string]any{"id": r.ID, "name": r.Name, "full_name": r.Owner + "/" + r.Name}},
		"sender":       sender(),
	}
	b, _ := json.Marshal(body)
	return b
}

func pingEvent(appID int64) []byte {
	b, _ := json.Marshal(map[string]any{
		"zen":     "Keep it logically awesome.",
		"hook_id": 424242,
		"hook":    map[string]any{"type": "App", "id": 424242, "app_id": appID, "events": []string{"pull_request"}},
	})
	return b
}

// sha returns a deterministic 40-hex commit SHA for a label.
func sha(label string) string {
	h := sha256.Sum256([]byte(label))
	return hex.EncodeToString(h[:20])
}
