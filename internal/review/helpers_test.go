package review_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/internal/review"
)

const (
	owner    = "acme"
	repoName = "api"
	instID   = int64(7)
	baseSHA  = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	head1    = "1111111111111111111111111111111111111111"
	head2    = "2222222222222222222222222222222222222222"
)

// env is a fake GitHub with a Reviewer talking to it.
type env struct {
	t     testing.TB
	fg    *fakegithub.Server
	cs    *githubapi.Clients
	rv    *review.Reviewer
	store *review.MemoryStore
	reg   *prometheus.Registry
	now   time.Time
	jobID int64
}

type envOption func(*githubapi.Config, *review.Options)

// withTransport wraps the HTTP transport (to make GitHub misbehave).
func withTransport(wrap func(http.RoundTripper) http.RoundTripper) envOption {
	return func(c *githubapi.Config, _ *review.Options) {
		c.Transport = wrap(http.DefaultTransport.(*http.Transport).Clone())
	}
}

// onRequest observes every round trip.
func onRequest(f func(githubapi.RequestInfo)) envOption {
	return func(c *githubapi.Config, _ *review.Options) { c.OnRequest = f }
}

func newEnv(t testing.TB, opts ...envOption) *env {
	t.Helper()
	fg := fakegithub.New(t, fakegithub.Options{KeyBits: 1024})
	fg.AddRepo(owner, repoName, instID)
	gcfg := githubapi.Config{
		AppID: fg.AppID(), PrivateKeyPEM: fg.AppPrivateKeyPEM(), APIURL: fg.URL(), GraphQLURL: fg.GraphQLURL(),
		RetryBaseDelay: time.Millisecond, MaxInlineWait: -1, HTTPTimeout: 10 * time.Second,
		WriteBudget: githubapi.WriteBudget{Disabled: true},
	}
	e := &env{t: t, fg: fg, store: review.NewMemoryStore(), reg: prometheus.NewRegistry(),
		now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	ropts := review.Options{
		Store: e.store, Registerer: e.reg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return e.now }, AnalysisWorkers: 2,
	}
	for _, o := range opts {
		o(&gcfg, &ropts)
	}
	cs, err := githubapi.New(gcfg)
	if err != nil {
		t.Fatal(err)
	}
	e.cs = cs
	ropts.Clients = cs
	rv, err := review.New(ropts)
	if err != nil {
		t.Fatal(err)
	}
	e.rv = rv
	return e
}

// job returns the first attempt of a new job for pull request 1 at head.
func (e *env) job(head string) *queue.Job {
	e.jobID++
	return &queue.Job{
		ReviewArgs: queue.ReviewArgs{
			InstallationID: instID, RepoID: 1, Owner: owner, Repo: repoName, Number: 1,
			HeadSHA: head, BaseRef: "main", BaseSHA: baseSHA, Event: "pull_request", Action: "opened",
		},
		ID: e.jobID, Attempt: 1, MaxAttempts: 8,
	}
}

func (e *env) review(job *queue.Job) error {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	return e.rv.Review(ctx, job)
}

func (e *env) mustReview(job *queue.Job) {
	e.t.Helper()
	if err := e.review(job); err != nil {
		e.t.Fatalf("Review: %v", err)
	}
}

func (e *env) setConfig(yaml string) {
	e.fg.SetFile(owner, repoName, baseSHA, ".github/hotpath.yml", []byte(yaml))
}

func (e *env) addPR(head string, files ...fakegithub.File) {
	e.fg.AddPullRequest(owner, repoName, fakegithub.PullRequest{Number: 1, HeadSHA: head, BaseSHA: baseSHA, Files: files})
}

func (e *env) reviews() []fakegithub.Review { return e.fg.Reviews(owner, repoName, 1) }

func (e *env) comments() []fakegithub.ReviewComment { return e.fg.ReviewComments(owner, repoName, 1) }

func (e *env) runs() []fakegithub.CheckRun { return e.fg.CheckRuns(owner, repoName) }

// onlyRun returns the single check run of the repository.
func (e *env) onlyRun() fakegithub.CheckRun {
	e.t.Helper()
	runs := e.runs()
	if len(runs) != 1 {
		e.t.Fatalf("check runs = %d, want 1: %+v", len(runs), runs)
	}
	return runs[0]
}

// noneInProgress fails when a check run is not completed.
func (e *env) noneInProgress() {
	e.t.Helper()
	for _, r := range e.runs() {
		if r.Status != "completed" {
			e.t.Errorf("check run %d is %s", r.ID, r.Status)
		}
	}
}

// tsSource returns a TypeScript file with one query-in-loop finding per
// function, each on the line of "out.push"; pad lines go first.
func tsSource(prefix string, funcs, pad int) string {
	var b strings.Builder
	for i := 0; i < pad; i++ {
		fmt.Fprintf(&b, "// padding %d\n", i)
	}
	b.WriteString("import { PrismaClient } from \"@prisma/client\";\nconst prisma = new PrismaClient();\n")
	for i := 0; i < funcs; i++ {
		fmt.Fprintf(&b, "\nexport async function %s%d(ids: string[]) {\n  const out = [];\n  for (const id of ids) {\n"+
			"    out.push(await prisma.user.findUnique({ where: { id } }));\n  }\n  return out;\n}\n", prefix, i)
	}
	return b.String()
}

// findingLines returns the lines of "out.push" in src.
func findingLines(src string) []int {
	var out []int
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "out.push(await prisma") {
			out = append(out, i+1)
		}
	}
	return out
}

// addedFile is a new file with its content.
func addedFile(path, src string) fakegithub.File {
	return fakegithub.File{Path: path, Patch: fakegithub.AddedPatch(src), Content: []byte(src), Status: "added"}
}

// modifiedFile is a file changed from old to new.
func modifiedFile(path, old, new string) fakegithub.File {
	return fakegithub.File{Path: path, Patch: fakegithub.DiffPatch(old, new), Content: []byte(new), Status: "modified"}
}

// rejectingTransport answers 422 to review POSTs that carry a comment
// matching reject, like GitHub for an anchor it will not accept.
type rejectingTransport struct {
	base   http.RoundTripper
	reject func(path string, line int) bool

	mu    sync.Mutex
	posts int
}

func (rt *rejectingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodPost && ghroute.Template(req.Method, req.URL.Path) == ghroute.PullReviewCreate && req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		rt.mu.Lock()
		rt.posts++
		rt.mu.Unlock()
		var in struct {
			Comments []struct {
				Path string `json:"path"`
				Line int    `json:"line"`
			} `json:"comments"`
		}
		_ = json.Unmarshal(body, &in)
		for _, c := range in.Comments {
			if rt.reject(c.Path, c.Line) {
				msg := `{"message":"Unprocessable Entity","errors":["Pull request review thread line must be part of the diff"],"status":"422"}`
				return &http.Response{
					StatusCode: http.StatusUnprocessableEntity, Status: "422 Unprocessable Entity",
					Header: http.Header{"Content-Type": {"application/json; charset=utf-8"}},
					Body:   io.NopCloser(strings.NewReader(msg)), ContentLength: int64(len(msg)), Request: req,
				}, nil
			}
		}
	}
	return rt.base.RoundTrip(req)
}

func (rt *rejectingTransport) Posts() int {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.posts
}

// metricValue returns the value of a counter with the given labels.
func metricValue(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	next:
		for _, m := range mf.GetMetric() {
			for _, lp := range m.GetLabel() {
				if v, ok := labels[lp.GetName()]; ok && v != lp.GetValue() {
					continue next
				}
			}
			if c := m.GetCounter(); c != nil {
				return c.GetValue()
			}
			if h := m.GetHistogram(); h != nil {
				return float64(h.GetSampleCount())
			}
		}
	}
	return 0
}
