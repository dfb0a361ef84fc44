package server

// Tests that run the real `hotpath` binary (built once per test run) as
// separate processes: killed mid-job and restarted on the same SQLite file;
// and serve + two workers sharing PostgreSQL.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
)

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// hotpathBinary builds cmd/hotpath once per test run.
func hotpathBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "hotpath-e2e-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "hotpath")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/hotpath-app/hotpath/cmd/hotpath")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// proc is a running hotpath process.
type proc struct {
	t    testing.TB
	name string
	cmd  *exec.Cmd

	mu      sync.Mutex
	lines   []string
	addr    string
	started chan struct{}
	exited  chan struct{}
	exitErr error
}

// startProc runs `hotpath <args>` with env (on top of a clean
// environment) and waits until it logs that it started.
func startProc(t testing.TB, name string, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(hotpathBinary(t), args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	cmd.Dir = t.TempDir()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	p := &proc{t: t, name: name, cmd: cmd, started: make(chan struct{}), exited: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		once := sync.Once{}
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.lines = append(p.lines, line)
			p.mu.Unlock()
			var rec struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "hotpath started" {
				p.mu.Lock()
				p.addr = rec.Addr
				p.mu.Unlock()
				once.Do(func() { close(p.started) })
			}
		}
	}()
	go func() {
		<-scanned
		p.exitErr = cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("---- %s log ----\n%s", p.name, p.log())
		}
	})
	select {
	case <-p.started:
	case <-p.exited:
		t.Fatalf("%s exited before starting (%v):\n%s", name, p.exitErr, p.log())
	case <-time.After(60 * time.Second):
		t.Fatalf("%s did not start within 60s:\n%s", name, p.log())
	}
	return p
}

func (p *proc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

// count returns how many log lines have the message msg.
func (p *proc) count(msg string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, l := range p.lines {
		if strings.Contains(l, `"msg":"`+msg+`"`) {
			n++
		}
	}
	return n
}

func (p *proc) url() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return "http://" + p.addr
}

// stop sends SIGTERM and waits for a clean exit.
func (p *proc) stop() {
	p.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.t.Fatalf("%s: SIGTERM: %v", p.name, err)
	}
	select {
	case <-p.exited:
	case <-time.After(40 * time.Second):
		p.t.Fatalf("%s did not stop within 40s of SIGTERM", p.name)
	}
	if p.exitErr != nil {
		p.t.Errorf("%s exited with %v after SIGTERM; want status 0", p.name, p.exitErr)
	}
	if p.count("hotpath stopped") != 1 {
		p.t.Errorf("%s did not log a clean stop", p.name)
	}
}

// kill sends SIGKILL (a crash) and waits for the process to go.
func (p *proc) kill() {
	p.t.Helper()
	_ = p.cmd.Process.Kill()
	<-p.exited
}

// appEnv is the environment of a hotpath process talking to fg.
func appEnv(fg *fakegithub.Server, databaseURL string, extra ...string) []string {
	return append([]string{
		"HOTPATH_APP_ID=" + fmt.Sprint(fg.AppID()),
		"HOTPATH_PRIVATE_KEY=" + string(fg.AppPrivateKeyPEM()),
		"HOTPATH_WEBHOOK_SECRET=" + testSecret,
		"HOTPATH_GITHUB_API_URL=" + fg.URL(),
		"HOTPATH_DATABASE_URL=" + databaseURL,
		"HOTPATH_ADDR=127.0.0.1:0",
		"HOTPATH_LOG_LEVEL=debug",
	}, extra...)
}

// A process killed (SIGKILL) in the middle of a review leaves its job
// running in the database; a new process on the same SQLite file rescues
// it and completes the review: one check run, one review.
func TestProcessKilledMidJobAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for River's rescuer (about a minute); skipped with -short")
	}
	t.Parallel()
	fg := fakegithub.New(t)
	repo := testRepo
	base, head := sha("crash-base"), sha("crash-head")
	fg.AddRepo(repo.Owner, repo.Name, repo.InstallationID)
	fg.AddPullRequest(repo.Owner, repo.Name, fakegithub.PullRequest{Number: 21, HeadSHA: head, BaseSHA: base, Files: prFiles()})
	dbPath := filepath.Join(t.TempDir(), "hotpath.db")
	// The shortest job timeout appconfig allows: a dead process's job is
	// rescued 20 s after it started (see QueueOptions).
	env := appEnv(fg, dbPath, "HOTPATH_JOB_TIMEOUT=10s", "HOTPATH_WORKERS=2")

	first := startProc(t, "first", env, "serve")
	fg.SetLatency(250 * time.Millisecond) // every GitHub request is slow
	code, body := post(t, first.url(), delivery{Event: "pull_request", Body: pullRequestEvent(repo, "opened", 21, head, base, nil)})
	if code != http.StatusAccepted {
		t.Fatalf("opened: %d %s", code, body)
	}
	waitFor(t, 20*time.Second, "the review to start (check run in progress)", func() (bool, string) {
		runs := fg.CheckRuns(repo.Owner, repo.Name)
		return len(runs) == 1 && runs[0].Status == "in_progress", fmt.Sprint(len(runs))
	})
	first.kill()
	killedAt := time.Now()
	if n := len(fg.Reviews(repo.Owner, repo.Name, 21)); n != 0 {
		t.Fatalf("the review was posted before the kill (%d); the test proves nothing", n)
	}
	fg.SetLatency(0)

	second := startProc(t, "second", env, "serve")
	var runs []fakegithub.CheckRun
	waitFor(t, 150*time.Second, "the rescued job to complete the check run", func() (bool, string) {
		runs = fg.CheckRuns(repo.Owner, repo.Name)
		return len(runs) > 0 && runs[len(runs)-1].Status == "completed", describeRuns(runs)
	})
	t.Logf("rescued and completed %s after the kill", time.Since(killedAt).Round(time.Second))
	if len(runs) != 1 || runs[0].Conclusion != "failure" {
		t.Errorf("check runs: %s; want the first run, completed", describeRuns(runs))
	}
	if n := len(fg.Reviews(repo.Owner, repo.Name, 21)); n != 1 {
		t.Errorf("reviews: %d, want 1", n)
	}
	if n := len(fg.ReviewComments(repo.Owner, repo.Name, 21)); n != 3 {
		t.Errorf("comments: %d, want 3", n)
	}
	second.stop()
	assertNoSecrets(t, fg, first.log()+second.log())
}

// Two `hotpath worker` processes and one `hotpath serve` share a
// PostgreSQL database: 50 pull request events, each reviewed exactly once.
func TestProcessesSharePostgres(t *testing.T) {
	t.Parallel()
	pgURL := os.Getenv("HOTPATH_TEST_DATABASE_URL")
	if pgURL == "" {
		pgURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	conn, err := pgx.Connect(ctx, pgURL)
	cancel()
	if err != nil {
		t.Skipf("PostgreSQL not reachable at %s (set HOTPATH_TEST_DATABASE_URL): %v", redacted(pgURL), err)
	}
	conn.Close(context.Background())
	schema := "hotpath_e2e_" + strings.ToLower(newDeliveryID()[:8])
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, pgURL); err == nil {
			_, _ = c.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			c.Close(ctx)
		}
	})
	sep := "?"
	if strings.Contains(pgURL, "?") {
		sep = "&"
	}
	dbURL := pgURL + sep + "search_path=" + schema

	fg := fakegithub.New(t)
	fg.SetLatency(20 * time.Millisecond)
	base := sha("pg-base")
	type pr struct {
		repo   repoInfo
		number int
		head   string
	}
	var prs []pr
	for i := range 25 { // 25 installations, two pull requests each
		r := repoInfo{InstallationID: int64(500 + i), ID: int64(7000 + i), Owner: fmt.Sprintf("org%02d", i), Name: "service"}
		fg.AddRepo(r.Owner, r.Name, r.InstallationID)
		for n := 1; n <= 2; n++ {
			head := sha(fmt.Sprintf("pg-%d-%d", i, n))
			fg.AddPullRequest(r.Owner, r.Name, fakegithub.PullRequest{Number: n, HeadSHA: head, BaseSHA: base, Files: prFiles()})
			prs = append(prs, pr{r, n, head})
		}
	}

	serve := startProc(t, "serve", appEnv(fg, dbURL, "HOTPATH_WORKERS=2"), "serve")
	w1 := startProc(t, "worker-1", appEnv(fg, dbURL, "HOTPATH_WORKERS=2"), "worker")
	w2 := startProc(t, "worker-2", appEnv(fg, dbURL, "HOTPATH_WORKERS=2", "HOTPATH_WEBHOOK_SECRET="), "worker")
	for _, w := range []*proc{w1, w2} {
		if code, body := get(t, w.url()+PathReady); code != http.StatusOK {
			t.Errorf("%s /readyz: %d %s", w.name, code, body)
		}
	}

	for _, p := range prs {
		body := pullRequestEvent(p.repo, "opened", p.number, p.head, base, nil)
		id := newDeliveryID()
		if code, resp := post(t, serve.url(), delivery{Event: "pull_request", ID: id, Body: body}); code != http.StatusAccepted {
			t.Fatalf("%s#%d: %d %s", p.repo.Owner, p.number, code, resp)
		}
		// A redelivery of every event too: still one review each.
		if code, _ := post(t, serve.url(), delivery{Event: "pull_request", ID: id, Body: body}); code != http.StatusOK {
			t.Errorf("redelivery: %d", code)
		}
	}
	waitFor(t, 120*time.Second, "50 completed check runs", func() (bool, string) {
		done := 0
		for _, p := range prs {
			for _, cr := range fg.CheckRuns(p.repo.Owner, p.repo.Name) {
				if cr.HeadSHA == p.head && cr.Status == "completed" {
					done++
				}
			}
		}
		return done >= len(prs), fmt.Sprintf("%d done", done)
	})
	for _, p := range prs {
		var runs []fakegithub.CheckRun
		for _, cr := range fg.CheckRuns(p.repo.Owner, p.repo.Name) {
			if cr.HeadSHA == p.head {
				runs = append(runs, cr)
			}
		}
		rvs := fg.Reviews(p.repo.Owner, p.repo.Name, p.number)
		if len(runs) != 1 || len(rvs) != 1 || len(fg.ReviewComments(p.repo.Owner, p.repo.Name, p.number)) != 3 {
			t.Errorf("%s#%d: %s, %d reviews; want exactly one of each", p.repo.Owner, p.number, describeRuns(runs), len(rvs))
		}
	}
	// Every job ran once, somewhere.
	for _, pr := range []*proc{serve, w1, w2} {
		pr.stop()
	}
	total := 0
	for _, pr := range []*proc{serve, w1, w2} {
		n := pr.count("queue: review done")
		t.Logf("%s completed %d reviews", pr.name, n)
		total += n
	}
	if total != len(prs) {
		t.Errorf("reviews completed across processes: %d, want %d", total, len(prs))
	}
	assertNoSecrets(t, fg, serve.log()+w1.log()+w2.log())
}

func redacted(u string) string {
	if i := strings.Index(u, "@"); i > 0 {
		if j := strings.Index(u, "://"); j > 0 && j < i {
			return u[:j+3] + "…" + u[i:]
		}
	}
	return u
}
