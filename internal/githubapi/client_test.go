package githubapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/hotpath-app/hotpath/internal/githubapi/fakegithub"
	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

const (
	owner = "acme"
	repo  = "api"
	inst  = int64(7)
	head  = "1111111111111111111111111111111111111111"
	head2 = "2222222222222222222222222222222222222222"
)

func newFake(t testing.TB) *fakegithub.Server {
	fg := fakegithub.New(t)
	fg.AddRepo(owner, repo, inst)
	return fg
}

func newClients(t testing.TB, fg *fakegithub.Server, mod ...func(*Config)) *Clients {
	t.Helper()
	cfg := Config{
		AppID:          fg.AppID(),
		PrivateKeyPEM:  fg.AppPrivateKeyPEM(),
		APIURL:         fg.URL(),
		RetryBaseDelay: time.Millisecond,
		WriteBudget:    WriteBudget{Disabled: true},
	}
	for _, m := range mod {
		m(&cfg)
	}
	cs, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return cs
}

func addPR(fg *fakegithub.Server, files ...fakegithub.File) {
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 1, HeadSHA: head, BaseSHA: "b0", Files: files})
}

var ctx = context.Background()

func TestTokenMintedOnceAndReused(t *testing.T) {
	fg := newFake(t)
	fg.AddRepo(owner, "web", 8)
	addPR(fg, fakegithub.File{Path: "a.ts", Patch: fakegithub.AddedPatch("x\n"), Content: []byte("x\n")})
	cs := newClients(t, fg)

	c := cs.ForInstallation(inst)
	if cs.ForInstallation(inst) != c {
		t.Fatal("ForInstallation returned a new client for a cached installation")
	}
	for i := 0; i < 3; i++ {
		if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := cs.ForInstallation(inst).ListFiles(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FetchContents(ctx, owner, repo, head, []string{"a.ts"}); err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.AccessTokens); n != 1 {
		t.Fatalf("access tokens minted = %d, want 1", n)
	}
	// Another installation gets its own token.
	if _, err := cs.ForInstallation(8).ListCheckRunsForRef(ctx, owner, "web", head, "hotpath"); err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.AccessTokens); n != 2 {
		t.Fatalf("access tokens minted = %d, want 2", n)
	}
	// Forget drops the cached token: the next call mints a new one.
	cs.Forget(inst)
	if cs.Cached(inst) {
		t.Fatal("installation still cached after Forget")
	}
	if _, err := cs.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.AccessTokens); n != 3 {
		t.Fatalf("access tokens minted = %d, want 3", n)
	}
	// Every token request carried a valid App JWT; every other request a token.
	for _, r := range fg.Requests() {
		want := "token"
		if r.Route == ghroute.AccessTokens {
			want = "jwt"
		}
		if r.Auth != want || r.Status >= 300 {
			t.Errorf("%s %s: auth=%q status=%d", r.Method, r.Path, r.Auth, r.Status)
		}
	}
}

func TestInstallationCacheIsBounded(t *testing.T) {
	fg := newFake(t)
	cs := newClients(t, fg, func(c *Config) { c.InstallationCacheSize = 2 })
	cs.ForInstallation(1)
	cs.ForInstallation(2)
	cs.ForInstallation(3)
	if cs.Cached(1) || !cs.Cached(2) || !cs.Cached(3) {
		t.Fatalf("LRU: cached(1,2,3) = %v %v %v", cs.Cached(1), cs.Cached(2), cs.Cached(3))
	}
}

// Concurrent first use of several installations must not race inside
// ghinstallation (run with -race).
func TestConcurrentInstallations(t *testing.T) {
	fg := newFake(t)
	for i := int64(1); i <= 4; i++ {
		fg.AddRepo(owner, fmt.Sprintf("r%d", i), 100+i)
		fg.AddPullRequest(owner, fmt.Sprintf("r%d", i), fakegithub.PullRequest{Number: 1, HeadSHA: head})
	}
	cs := newClients(t, fg)
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			i := int64(g%4 + 1)
			_, err := cs.ForInstallation(100+i).GetPullRequest(ctx, owner, fmt.Sprintf("r%d", i), 1)
			errs <- err
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := fg.Count(ghroute.AccessTokens); n != 4 {
		t.Fatalf("tokens minted = %d, want one per installation (4)", n)
	}
}

func TestWrongKeyIsRejected(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	other := fakegithub.New(t) // a different App key
	cs := newClients(t, fg, func(c *Config) { c.PrivateKeyPEM = other.AppPrivateKeyPEM() })
	_, err := cs.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusUnauthorized || ae.Route != ghroute.AccessTokens {
		t.Fatalf("err = %v, want 401 on the token route", err)
	}
	if IsRetryable(err) {
		t.Fatal("401 must not be retryable")
	}
	if fg.Count(ghroute.PullGet) != 0 {
		t.Fatal("request sent without a token")
	}
}

func TestGetPullRequest(t *testing.T) {
	fg := newFake(t)
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 5, Title: "t", HeadSHA: head, HeadRef: "feat",
		BaseRef: "main", BaseSHA: "b0", Draft: true, HeadRepo: "someone/api"})
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 6, HeadSHA: head, HeadRepoDeleted: true})
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 7, HeadSHA: head})
	c := newClients(t, fg).ForInstallation(inst)
	pr, err := c.GetPullRequest(ctx, owner, repo, 5)
	if err != nil {
		t.Fatal(err)
	}
	if pr.HeadSHA != head || pr.HeadRef != "feat" || pr.BaseRef != "main" || pr.BaseSHA != "b0" || !pr.Draft ||
		pr.State != "open" || pr.HeadRepoFullName != "someone/api" || pr.BaseRepoFullName != "acme/api" || !pr.IsFork() {
		t.Fatalf("pr = %+v", pr)
	}
	pr, _ = c.GetPullRequest(ctx, owner, repo, 6)
	if pr.HeadRepoFullName != "" || !pr.IsFork() {
		t.Fatalf("deleted fork: %+v", pr)
	}
	pr, _ = c.GetPullRequest(ctx, owner, repo, 7)
	if pr.IsFork() {
		t.Fatalf("same-repo PR reported as fork: %+v", pr)
	}
	if _, err := c.GetPullRequest(ctx, owner, repo, 99); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing PR: err = %v, want ErrNotFound", err)
	}
	if _, err := c.GetPullRequest(ctx, owner, "not-installed", 1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("other repo: err = %v, want ErrNotFound", err)
	}
}

func manyFiles(n int) []fakegithub.File {
	files := make([]fakegithub.File, n)
	for i := range files {
		content := fmt.Sprintf("export const v%d = %d;\n", i, i)
		files[i] = fakegithub.File{Path: fmt.Sprintf("src/f%04d.ts", i), Patch: fakegithub.AddedPatch(content), Content: []byte(content)}
	}
	return files
}

func TestListFilesPaginates(t *testing.T) {
	fg := newFake(t)
	addPR(fg, manyFiles(250)...)
	c := newClients(t, fg).ForInstallation(inst)
	fl, err := c.ListFiles(ctx, owner, repo, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(fl.Files) != 250 || fl.Truncated {
		t.Fatalf("files = %d truncated = %v", len(fl.Files), fl.Truncated)
	}
	if n := fg.Count(ghroute.PullFiles); n != 3 {
		t.Fatalf("file list requests = %d, want 3 (per_page 100)", n)
	}
	f := fl.Files[249]
	if f.Path != "src/f0249.ts" || f.Status != "added" || f.Additions != 1 || !strings.HasPrefix(f.Patch, "@@ -0,0 +1,1 @@") || f.SHA == "" {
		t.Fatalf("last file = %+v", f)
	}
}

func TestListFilesCap(t *testing.T) {
	fg := newFake(t)
	files := make([]fakegithub.File, 3100)
	for i := range files {
		files[i] = fakegithub.File{Path: fmt.Sprintf("f%d.go", i), Patch: "@@ -1,1 +1,1 @@\n-a\n+b"}
	}
	addPR(fg, files...)
	c := newClients(t, fg).ForInstallation(inst)
	fl, err := c.ListFiles(ctx, owner, repo, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(fl.Files) != MaxPullRequestFiles || !fl.Truncated {
		t.Fatalf("files = %d truncated = %v, want 3000 truncated", len(fl.Files), fl.Truncated)
	}
	if n := fg.Count(ghroute.PullFiles); n != 30 {
		t.Fatalf("requests = %d, want 30", n)
	}
}

func TestGetFileAtRef(t *testing.T) {
	fg := newFake(t)
	cfg := []byte("rules:\n  n-plus-one: error\n")
	fg.SetFile(owner, repo, "main", ".github/hotpath.yml", cfg)
	fg.SetFile(owner, repo, head, "dir with space/#odd?.ts", []byte("odd"))
	c := newClients(t, fg).ForInstallation(inst)
	got, found, err := c.GetFileAtRef(ctx, owner, repo, ".github/hotpath.yml", "main")
	if err != nil || !found || string(got) != string(cfg) {
		t.Fatalf("config = %q %v %v", got, found, err)
	}
	got, found, err = c.GetFileAtRef(ctx, owner, repo, "dir with space/#odd?.ts", head)
	if err != nil || !found || string(got) != "odd" {
		t.Fatalf("escaped path = %q %v %v", got, found, err)
	}
	got, found, err = c.GetFileAtRef(ctx, owner, repo, ".github/hotpath.yml", "other-branch")
	if err != nil || found || got != nil {
		t.Fatalf("missing config = %q %v %v, want not found without error", got, found, err)
	}
}

func TestFetchContentsBatches(t *testing.T) {
	fg := newFake(t)
	files := manyFiles(300)
	addPR(fg, files...)
	fg.SetFile(owner, repo, head, "img/logo.png", []byte("\x89PNG\x00\x01\x02"))
	c := newClients(t, fg).ForInstallation(inst)
	paths := make([]string, 0, 303)
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	paths = append(paths, "img/logo.png", "does/not/exist.ts", "src", paths[0]) // binary, missing, directory, duplicate
	got, err := c.FetchContents(ctx, owner, repo, head, paths)
	if err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.GraphQL); n > 4 {
		t.Fatalf("GraphQL requests = %d for 303 paths, want ≤ 4", n)
	}
	if len(got) != 303 {
		t.Fatalf("results = %d, want 303 (duplicate collapsed)", len(got))
	}
	for i, f := range files {
		if got[i].Path != f.Path || !got[i].Found || string(got[i].Content) != string(f.Content) || got[i].BlobSHA != fakegithub.BlobSHA(f.Content) {
			t.Fatalf("file %d = %+v", i, got[i])
		}
	}
	if b := got[300]; !b.Found || !b.Binary || b.Content != nil {
		t.Fatalf("binary = %+v", b)
	}
	if m := got[301]; m.Found {
		t.Fatalf("missing file reported found: %+v", m)
	}
	if d := got[302]; d.Found {
		t.Fatalf("directory reported as file: %+v", d)
	}
	if fg.Count(ghroute.Blob) != 0 {
		t.Fatal("blob API used for small files")
	}
	// Exactly 300 paths: 3 queries.
	fg.ResetRequests()
	if _, err := c.FetchContents(ctx, owner, repo, head, paths[:300]); err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.GraphQL); n != 3 {
		t.Fatalf("GraphQL requests = %d for 300 files, want 3", n)
	}
}

func TestFetchContentsTruncatedFallsBackToBlob(t *testing.T) {
	fg := newFake(t)
	big := []byte(strings.Repeat("const a = 1; // ünïcode\n", 30000)) // ~750 kB > 512,000
	huge := []byte(strings.Repeat("x", 2<<20))
	fg.SetFile(owner, repo, head, "big.ts", big)
	fg.SetFile(owner, repo, head, "huge.js", huge)
	c := newClients(t, fg).ForInstallation(inst)
	got, err := c.FetchContents(ctx, owner, repo, head, []string{"big.ts", "huge.js"})
	if err != nil {
		t.Fatal(err)
	}
	if string(got[0].Content) != string(big) || got[0].Size != int64(len(big)) {
		t.Fatalf("big file: %d bytes, want %d", len(got[0].Content), len(big))
	}
	if !got[1].TooLarge || got[1].Content != nil {
		t.Fatalf("huge file = %+v, want TooLarge", got[1])
	}
	if n := fg.Count(ghroute.Blob); n != 1 {
		t.Fatalf("blob requests = %d, want 1 (only the truncated file)", n)
	}
}

func TestForkContentsThroughBaseRepo(t *testing.T) {
	fg := newFake(t)
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 3, HeadSHA: head2, HeadRepo: "mallory/api",
		Files: []fakegithub.File{{Path: "a.go", Patch: fakegithub.AddedPatch("package a\n"), Content: []byte("package a\n")}}})
	c := newClients(t, fg).ForInstallation(inst)
	pr, err := c.GetPullRequest(ctx, owner, repo, 3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.FetchContents(ctx, owner, repo, pr.HeadSHA, []string{"a.go"})
	if err != nil || string(got[0].Content) != "package a\n" {
		t.Fatalf("fork content = %+v, %v", got, err)
	}
}

// A fork head GitHub does not resolve by SHA in the base repository is read
// through refs/pull/N/head, in one query per batch that also proves where the
// ref points; blobs GraphQL truncated still come from the blobs API.
func TestFetchContentsAtRefReadsAForkHeadUnreachableBySHA(t *testing.T) {
	fg := newFake(t)
	big := []byte(strings.Repeat("const b = 2;\n", 50000)) // 650 kB > 512,000: truncated
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 3, HeadSHA: head2, HeadRepo: "mallory/api", HeadUnreachableBySHA: true,
		Files: []fakegithub.File{
			{Path: "a.go", Patch: fakegithub.AddedPatch("package a\n"), Content: []byte("package a\n")},
			{Path: "b.ts", Patch: fakegithub.AddedPatch("const b = 2;\n"), Content: big},
			{Path: "c.go", Patch: fakegithub.AddedPatch("package c\n"), Content: []byte("package c\n")},
		}})
	c := newClients(t, fg, func(cfg *Config) { cfg.ContentsBatchSize = 2 }).ForInstallation(inst)
	paths := []string{"a.go", "b.ts", "c.go"}
	bySHA, err := c.FetchContents(ctx, owner, repo, head2, paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, fc := range bySHA {
		if fc.Found {
			t.Fatalf("%s found by SHA; the fake should not resolve the head SHA", fc.Path)
		}
	}

	fg.ResetRequests()
	got, err := c.FetchContentsAtRef(ctx, owner, repo, PullRequestHeadRef(3), head2, paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || string(got[0].Content) != "package a\n" || string(got[1].Content) != string(big) || string(got[2].Content) != "package c\n" {
		t.Fatalf("contents through the ref = %+v", got)
	}
	if got[1].BlobSHA != fakegithub.BlobSHA(big) || got[1].Size != int64(len(big)) {
		t.Fatalf("big file = %+v", got[1])
	}
	if n := fg.Count(ghroute.GraphQL); n != 2 {
		t.Fatalf("GraphQL requests = %d for 3 paths in batches of 2, want 2 (the ref check rides along)", n)
	}
	if n := fg.Count(ghroute.Blob); n != 1 {
		t.Fatalf("blob requests = %d, want 1 (the truncated file)", n)
	}
}

// When refs/pull/N/head points at another commit than expected, nothing is
// returned: ErrHeadMoved, with the commit the ref is at now.
func TestFetchContentsAtRefHeadMoved(t *testing.T) {
	fg := newFake(t)
	fg.AddPullRequest(owner, repo, fakegithub.PullRequest{Number: 3, HeadSHA: head, HeadRepo: "mallory/api", HeadUnreachableBySHA: true,
		Files: []fakegithub.File{{Path: "a.go", Patch: fakegithub.AddedPatch("package a\n"), Content: []byte("package a\n")}}})
	fg.SetHead(owner, repo, 3, head2, fakegithub.File{Path: "a.go", Patch: fakegithub.AddedPatch("package moved\n"), Content: []byte("package moved\n")})
	c := newClients(t, fg).ForInstallation(inst)

	got, err := c.FetchContentsAtRef(ctx, owner, repo, PullRequestHeadRef(3), head, []string{"a.go"})
	if !errors.Is(err, ErrHeadMoved) || got != nil {
		t.Fatalf("FetchContentsAtRef = %+v, %v; want ErrHeadMoved and no contents", got, err)
	}
	var moved *HeadMovedError
	if !errors.As(err, &moved) || moved.Got != head2 || moved.Want != head || moved.Ref != "refs/pull/3/head" {
		t.Fatalf("err = %#v", err)
	}
	if IsRetryable(err) {
		t.Errorf("ErrHeadMoved reported retryable: the caller decides")
	}
	// At the new head the same call succeeds.
	got, err = c.FetchContentsAtRef(ctx, owner, repo, PullRequestHeadRef(3), head2, []string{"a.go"})
	if err != nil || string(got[0].Content) != "package moved\n" {
		t.Fatalf("at the new head: %+v, %v", got, err)
	}
	// A ref that does not resolve at all (no pull request 9).
	_, err = c.FetchContentsAtRef(ctx, owner, repo, PullRequestHeadRef(9), head, []string{"a.go"})
	if !errors.As(err, &moved) || moved.Got != "" {
		t.Fatalf("missing ref: err = %v, want *HeadMovedError with Got empty", err)
	}
	// The ref lagging behind the pull request's head is caught the same way.
	fg.SetPullHeadRef(owner, repo, 3, head)
	if _, err := c.FetchContentsAtRef(ctx, owner, repo, PullRequestHeadRef(3), head2, []string{"a.go"}); !errors.As(err, &moved) || moved.Got != head {
		t.Fatalf("lagging ref: err = %v", err)
	}
}

func TestRateLimit429RetryAfter(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg).ForInstallation(inst)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil { // mint the token first
		t.Fatal(err)
	}
	fg.RateLimitNext(ghroute.PullGet, 1, fakegithub.RateLimit{Status: 429, Secondary: true, RetryAfter: 120 * time.Second})
	before := time.Now()
	_, err := c.GetPullRequest(ctx, owner, repo, 1)
	var rl *RateLimitedError
	if !errors.As(err, &rl) {
		t.Fatalf("err = %v, want *RateLimitedError", err)
	}
	if !rl.Secondary || rl.Status != 429 || rl.Route != ghroute.PullGet {
		t.Fatalf("rl = %+v", rl)
	}
	if rl.ResetAt.Before(before.Add(119*time.Second)) || rl.ResetAt.After(time.Now().Add(121*time.Second)) {
		t.Fatalf("ResetAt = %v, want ≈ now+120s", rl.ResetAt)
	}
	if d, ok := RetryAfter(err); !ok || d < 100*time.Second {
		t.Fatalf("RetryAfter = %v %v", d, ok)
	}
	if !IsRetryable(err) {
		t.Fatal("rate limit must be retryable")
	}
	if n := fg.Count(ghroute.PullGet); n != 2 {
		t.Fatalf("requests = %d: a long Retry-After must not be retried inline", n)
	}
}

func TestPrimaryRateLimits(t *testing.T) {
	for _, status := range []int{403, 429} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			fg := newFake(t)
			addPR(fg)
			c := newClients(t, fg).ForInstallation(inst)
			reset := time.Now().Add(30 * time.Minute).Truncate(time.Second)
			fg.RateLimitNext(ghroute.PullGet, 1, fakegithub.RateLimit{Status: status, Reset: reset})
			_, err := c.GetPullRequest(ctx, owner, repo, 1)
			var rl *RateLimitedError
			if !errors.As(err, &rl) || rl.Secondary || !rl.ResetAt.Equal(reset) {
				t.Fatalf("err = %v (%+v), want primary limit until %v", err, rl, reset)
			}
		})
	}
}

func TestSecondaryWithoutRetryAfterWaitsAMinute(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg).ForInstallation(inst)
	fg.RateLimitNext(ghroute.PullGet, 1, fakegithub.RateLimit{Status: 403, Secondary: true})
	before := time.Now()
	_, err := c.GetPullRequest(ctx, owner, repo, 1)
	var rl *RateLimitedError
	if !errors.As(err, &rl) || !rl.Secondary || rl.ResetAt.Before(before.Add(SecondaryFallbackWait)) {
		t.Fatalf("err = %v (%+v), want secondary ≥ 60 s", err, rl)
	}
}

func TestGraphQLRateLimitedWith200(t *testing.T) {
	fg := newFake(t)
	fg.SetFile(owner, repo, head, "a.ts", []byte("a"))
	c := newClients(t, fg).ForInstallation(inst)
	reset := time.Now().Add(20 * time.Minute).Truncate(time.Second)
	fg.RateLimitNext(ghroute.GraphQL, 1, fakegithub.RateLimit{Status: 200, Reset: reset})
	_, err := c.FetchContents(ctx, owner, repo, head, []string{"a.ts"})
	var rl *RateLimitedError
	if !errors.As(err, &rl) || rl.Secondary || !rl.ResetAt.Equal(reset) || rl.Status != 200 {
		t.Fatalf("err = %v (%+v), want primary GraphQL limit until %v", err, rl, reset)
	}
}

func TestShortRateLimitIsWaitedInline(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg).ForInstallation(inst)
	fg.InjectFault(ghroute.PullGet, 1, fakegithub.Fault{Status: 429, Header: http.Header{"Retry-After": {"0"}}})
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatalf("err = %v, want success after waiting out Retry-After: 0", err)
	}
	if n := fg.Count(ghroute.PullGet); n != 2 {
		t.Fatalf("requests = %d, want 2", n)
	}
}

func TestServerErrorsRetriedForReads(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg).ForInstallation(inst)
	fg.FailNext(ghroute.PullGet, 502, 2)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatalf("err = %v, want success on the third attempt", err)
	}
	if n := fg.Count(ghroute.PullGet); n != 3 {
		t.Fatalf("requests = %d, want 3", n)
	}

	fg.ResetRequests()
	fg.FailNext(ghroute.PullGet, 500, 5)
	_, err := c.GetPullRequest(ctx, owner, repo, 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != 500 || !IsRetryable(err) {
		t.Fatalf("err = %v, want retryable 500", err)
	}
	if n := fg.Count(ghroute.PullGet); n != DefaultMaxAttempts {
		t.Fatalf("requests = %d, want %d attempts", n, DefaultMaxAttempts)
	}

	// GraphQL reads are retried too.
	fg.SetFile(owner, repo, head, "a.ts", []byte("a"))
	fg.FailNext(ghroute.GraphQL, 503, 1)
	if got, err := c.FetchContents(ctx, owner, repo, head, []string{"a.ts"}); err != nil || string(got[0].Content) != "a" {
		t.Fatalf("FetchContents after 503: %v %v", got, err)
	}

	// Writes are not retried after a response.
	fg.ResetRequests()
	fg.FailNext(ghroute.CheckRunCreate, 500, 1)
	if _, err := c.CreateCheckRun(ctx, owner, repo, CheckRunInput{Name: "hotpath", HeadSHA: head}); err == nil {
		t.Fatal("want error")
	}
	if n := fg.Count(ghroute.CheckRunCreate); n != 1 {
		t.Fatalf("write attempts = %d, want 1", n)
	}
}

func TestTimeoutRetried(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg, func(c *Config) { c.HTTPTimeout = 500 * time.Millisecond }).ForInstallation(inst)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	fg.InjectFault(ghroute.PullGet, 1, fakegithub.Fault{Delay: 10 * time.Second})
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatalf("err = %v, want success after a timed-out attempt", err)
	}

	fg.InjectFault(ghroute.PullGet, 3, fakegithub.Fault{Delay: 10 * time.Second})
	_, err := c.GetPullRequest(ctx, owner, repo, 1)
	var te *TransportError
	if !errors.As(err, &te) || !te.Timeout || !IsRetryable(err) {
		t.Fatalf("err = %v, want retryable timeout", err)
	}

	// The caller's own cancellation is returned as is.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.GetPullRequest(cctx, owner, repo, 1); !errors.Is(err, context.Canceled) || IsRetryable(err) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestCreateReview(t *testing.T) {
	fg := newFake(t)
	patch := "@@ -10,4 +10,6 @@ func a() {\n ctx\n-old\n+new1\n+new2\n ctx2\n ctx3\n+new3\n@@ -40,2 +42,3 @@\n c\n+added\n c"
	addPR(fg, fakegithub.File{Path: "a.go", Patch: patch})
	c := newClients(t, fg).ForInstallation(inst)

	rv, err := c.CreateReview(ctx, owner, repo, 1, ReviewInput{CommitID: head, Body: "hotpath found 2 issues", Comments: []DraftComment{
		{Path: "a.go", Line: 11, Body: "one"},
		{Path: "a.go", StartLine: 10, Line: 15, Body: "range"},
		{Path: "a.go", Line: 43, Body: "two"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rv.ID == 0 || rv.State != "COMMENTED" || rv.CommitID != head {
		t.Fatalf("review = %+v", rv)
	}
	cs := fg.ReviewComments(owner, repo, 1)
	if len(cs) != 3 || cs[0].Author != fg.BotLogin() || cs[1].StartLine != 10 || cs[1].Line != 15 || cs[1].Side != "RIGHT" {
		t.Fatalf("comments = %+v", cs)
	}

	bad := []struct {
		name string
		d    DraftComment
		want string
	}{
		{"context line outside hunk", DraftComment{Path: "a.go", Line: 20, Body: "x"}, "must be part of the diff"},
		{"start in another hunk", DraftComment{Path: "a.go", StartLine: 12, Line: 43, Body: "x"}, "same hunk"},
		{"file not in diff", DraftComment{Path: "b.go", Line: 1, Body: "x"}, "path is invalid"},
		{"deleted line on RIGHT", DraftComment{Path: "a.go", Line: 9, Body: "x"}, "must be part of the diff"},
	}
	for _, b := range bad {
		_, err := c.CreateReview(ctx, owner, repo, 1, ReviewInput{CommitID: head, Body: "b", Comments: []DraftComment{
			{Path: "a.go", Line: 11, Body: "valid"}, b.d,
		}})
		var ue *UnprocessableError
		if !errors.As(err, &ue) || !ue.Contains(b.want) || IsRetryable(err) {
			t.Errorf("%s: err = %v, want 422 containing %q", b.name, err, b.want)
		}
	}
	if n := len(fg.ReviewComments(owner, repo, 1)); n != 3 {
		t.Fatalf("a rejected review left comments behind: %d", n)
	}
	if n := len(fg.Reviews(owner, repo, 1)); n != 1 {
		t.Fatalf("reviews = %d, want 1", n)
	}
	reviews, err := c.ListOwnReviews(ctx, owner, repo, 1, "")
	if err != nil || len(reviews) != 1 || reviews[0].Body != "hotpath found 2 issues" || reviews[0].CommitID != head ||
		reviews[0].AuthorLogin != fg.BotLogin() {
		t.Fatalf("own reviews = %+v %v", reviews, err)
	}
}

func TestListOwnReviewComments(t *testing.T) {
	fg := newFake(t)
	addPR(fg, fakegithub.File{Path: "a.go", Patch: fakegithub.AddedPatch(strings.Repeat("x\n", 200))})
	var botIDs []int64
	for i := 1; i <= 120; i++ {
		author := ""
		if i%2 == 0 {
			author = "alice"
		}
		id := fg.AddReviewComment(owner, repo, 1, fakegithub.ReviewComment{Path: "a.go", Line: i, Body: fmt.Sprintf("c%d", i), Author: author})
		if author == "" {
			botIDs = append(botIDs, id)
		}
	}
	fg.AddReviewComment(owner, repo, 1, fakegithub.ReviewComment{InReplyTo: botIDs[0], Body: "this is fine", Author: "bob"})
	cs := newClients(t, fg)
	c := cs.ForInstallation(inst)
	own, err := c.ListOwnReviewComments(ctx, owner, repo, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(own) != 60 {
		t.Fatalf("own comments = %d, want 60", len(own))
	}
	for _, rc := range own {
		if rc.AuthorLogin != fg.BotLogin() || rc.NodeID == "" || rc.Line == 0 || rc.CommitID != head {
			t.Fatalf("comment = %+v", rc)
		}
	}
	if own[0].ID != botIDs[0] || own[0].Replies != 1 || own[0].HumanReplies != 1 || own[1].Replies != 0 {
		t.Fatalf("reply counts: %+v / %+v", own[0], own[1])
	}
	if n := fg.Count(ghroute.PullComments); n != 2 {
		t.Fatalf("comment list requests = %d, want 2 pages", n)
	}
	if _, err := c.ListOwnReviewComments(ctx, owner, repo, 1, ""); err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.App); n != 1 {
		t.Fatalf("GET /app requests = %d, want 1 (cached)", n)
	}
	explicit, err := c.ListOwnReviewComments(ctx, owner, repo, 1, "alice")
	if err != nil || len(explicit) != 60 {
		t.Fatalf("explicit login: %d, %v", len(explicit), err)
	}
}

func TestOutdatedAfterPush(t *testing.T) {
	fg := newFake(t)
	addPR(fg, fakegithub.File{Path: "a.go", Patch: "@@ -1,2 +1,3 @@\n a\n+b\n c"})
	c := newClients(t, fg).ForInstallation(inst)
	if _, err := c.CreateReview(ctx, owner, repo, 1, ReviewInput{CommitID: head, Body: "r", Comments: []DraftComment{{Path: "a.go", Line: 2, Body: "x"}}}); err != nil {
		t.Fatal(err)
	}
	fg.SetHead(owner, repo, 1, head2, fakegithub.File{Path: "a.go", Patch: "@@ -10,2 +10,3 @@\n a\n+b\n c"})
	own, err := c.ListOwnReviewComments(ctx, owner, repo, 1, fg.BotLogin())
	if err != nil || len(own) != 1 || !own[0].Outdated() || own[0].OriginalLine != 2 {
		t.Fatalf("after push: %+v %v", own, err)
	}
	// A review against the old head is still anchored to the old diff.
	_, err = c.CreateReview(ctx, owner, repo, 1, ReviewInput{CommitID: head, Body: "late", Comments: []DraftComment{{Path: "a.go", Line: 2, Body: "y"}}})
	if err != nil {
		t.Fatalf("review on the previous head: %v", err)
	}
	_, err = c.CreateReview(ctx, owner, repo, 1, ReviewInput{CommitID: "unknown", Body: "late"})
	var ue *UnprocessableError
	if !errors.As(err, &ue) {
		t.Fatalf("unknown commit: err = %v, want 422", err)
	}
}

func TestDeleteAndMinimize(t *testing.T) {
	fg := newFake(t)
	addPR(fg, fakegithub.File{Path: "a.go", Patch: fakegithub.AddedPatch("a\nb\n")})
	id1 := fg.AddReviewComment(owner, repo, 1, fakegithub.ReviewComment{Path: "a.go", Line: 1, Body: "old"})
	fg.AddReviewComment(owner, repo, 1, fakegithub.ReviewComment{Path: "a.go", Line: 2, Body: "old2"})
	c := newClients(t, fg).ForInstallation(inst)
	if err := c.DeleteReviewComment(ctx, owner, repo, id1); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteReviewComment(ctx, owner, repo, id1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: err = %v, want ErrNotFound", err)
	}
	if d := fg.DeletedComments(); len(d) != 1 || d[0].ID != id1 {
		t.Fatalf("deleted = %+v", d)
	}
	own, err := c.ListOwnReviewComments(ctx, owner, repo, 1, fg.BotLogin())
	if err != nil || len(own) != 1 {
		t.Fatalf("own = %+v %v", own, err)
	}
	if err := c.MinimizeComment(ctx, own[0].NodeID, ""); err != nil {
		t.Fatal(err)
	}
	rc := fg.ReviewComments(owner, repo, 1)
	if !rc[0].Minimized || rc[0].MinimizedReason != "outdated" {
		t.Fatalf("comment = %+v", rc[0])
	}
	if err := c.MinimizeComment(ctx, "PRRC_404", ""); !errors.Is(err, ErrNotFound) || IsRetryable(err) {
		t.Fatalf("unknown node: err = %v, want ErrNotFound", err)
	}
}

func TestCheckRunAnnotationsAreBatched(t *testing.T) {
	fg := newFake(t)
	c := newClients(t, fg).ForInstallation(inst)
	run, err := c.CreateCheckRun(ctx, owner, repo, CheckRunInput{Name: "hotpath", HeadSHA: head, Status: "in_progress", ExternalID: "job-1",
		Output: &CheckOutput{Title: "Analysing", Summary: "…"}})
	if err != nil {
		t.Fatal(err)
	}
	if run.ID == 0 || run.Status != "in_progress" || run.ExternalID != "job-1" {
		t.Fatalf("run = %+v", run)
	}
	anns := make([]Annotation, 120)
	for i := range anns {
		anns[i] = Annotation{Path: "a.go", StartLine: i + 1, EndLine: i + 1, StartColumn: 1, EndColumn: 4, Level: "warning", Message: fmt.Sprintf("m%d", i)}
	}
	fg.ResetRequests()
	summary := strings.Repeat("é", 70000)
	run, err = c.UpdateCheckRun(ctx, owner, repo, run.ID, CheckRunInput{Conclusion: "failure", CompletedAt: time.Now(),
		Output: &CheckOutput{Title: "3 findings", Summary: summary, Annotations: anns}})
	if err != nil {
		t.Fatal(err)
	}
	if n := fg.Count(ghroute.CheckRunUpdate); n != 3 {
		t.Fatalf("PATCH requests = %d, want 3 (50+50+20)", n)
	}
	got := fg.CheckRuns(owner, repo)[0]
	if len(got.Annotations) != 120 || got.Status != "completed" || got.Conclusion != "failure" || run.Conclusion != "failure" {
		t.Fatalf("run: %d annotations, status %s, conclusion %s", len(got.Annotations), got.Status, got.Conclusion)
	}
	if n := len([]rune(got.Summary)); n > MaxOutputChars || !strings.HasSuffix(got.Summary, "(truncated)") {
		t.Fatalf("summary %d chars", n)
	}
	// Create with > 50 annotations and a conclusion: created open, completed by the last PATCH.
	fg.ResetRequests()
	if _, err := c.CreateCheckRun(ctx, owner, repo, CheckRunInput{Name: "hotpath", HeadSHA: head2, Conclusion: "neutral",
		Output: &CheckOutput{Summary: "s", Annotations: anns[:51]}}); err != nil {
		t.Fatal(err)
	}
	if fg.Count(ghroute.CheckRunCreate) != 1 || fg.Count(ghroute.CheckRunUpdate) != 1 {
		t.Fatalf("requests = %v", fg.Counts())
	}
	got = fg.CheckRuns(owner, repo)[1]
	if len(got.Annotations) != 51 || got.Conclusion != "neutral" || got.Title != "hotpath" {
		t.Fatalf("run = %+v", got)
	}
}

func TestListCheckRunsForRef(t *testing.T) {
	fg := newFake(t)
	for i := 0; i < 130; i++ {
		fg.AddCheckRun(owner, repo, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head, Status: "in_progress"})
	}
	fg.AddCheckRun(owner, repo, fakegithub.CheckRun{Name: "other", HeadSHA: head})
	fg.AddCheckRun(owner, repo, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head, AppID: 999})
	fg.AddCheckRun(owner, repo, fakegithub.CheckRun{Name: "hotpath", HeadSHA: head2})
	c := newClients(t, fg).ForInstallation(inst)
	runs, err := c.ListCheckRunsForRef(ctx, owner, repo, head, "hotpath")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 130 {
		t.Fatalf("runs = %d, want 130 (own App, this SHA, this name, all pages)", len(runs))
	}
	if runs[0].Status != "in_progress" || runs[0].HeadSHA != head || runs[0].AppID != fg.AppID() {
		t.Fatalf("run = %+v", runs[0])
	}
}

func TestWriteBudget(t *testing.T) {
	fg := newFake(t)
	c := newClients(t, fg, func(c *Config) {
		c.WriteBudget = WriteBudget{PerMinute: 3, PerHour: 100, Burst: 2, MaxWait: time.Millisecond}
	}).ForInstallation(inst)
	for i := 0; i < 2; i++ {
		if _, err := c.CreateCheckRun(ctx, owner, repo, CheckRunInput{Name: "hotpath", HeadSHA: head}); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	_, err := c.CreateCheckRun(ctx, owner, repo, CheckRunInput{Name: "hotpath", HeadSHA: head})
	var rl *RateLimitedError
	if !errors.As(err, &rl) || !rl.Local || !IsRetryable(err) {
		t.Fatalf("third write: err = %v, want local budget limit", err)
	}
	if d, ok := RetryAfter(err); !ok || d < 30*time.Second {
		t.Fatalf("RetryAfter = %v, want ≈ 60 s", d)
	}
	if n := fg.Count(ghroute.CheckRunCreate); n != 2 {
		t.Fatalf("requests sent = %d, want 2", n)
	}
	// Reads are not budgeted.
	for i := 0; i < 5; i++ {
		if _, err := c.ListCheckRunsForRef(ctx, owner, repo, head, ""); err != nil {
			t.Fatal(err)
		}
	}
	// Budgets are per installation.
	fg.AddRepo(owner, "web", 8)
	cs2 := c.cs.ForInstallation(8)
	if _, err := cs2.CreateCheckRun(ctx, owner, "web", CheckRunInput{Name: "hotpath", HeadSHA: head}); err != nil {
		t.Fatalf("other installation: %v", err)
	}
}

func TestWriteBudgetDefaultsAdmitAReview(t *testing.T) {
	b := newWriteBudget(WriteBudget{PerMinute: 80, PerHour: 500, Burst: 5, MaxWait: time.Millisecond, Concurrency: 1})
	for i := 0; i < 5; i++ { // create run, review, 2 cleanups, complete run
		release, err := b.acquire(ctx, "w")
		if err != nil {
			t.Fatalf("write %d of a review run: %v", i, err)
		}
		release()
	}
	if _, err := b.acquire(ctx, "w"); err == nil {
		t.Fatal("sixth immediate write passed a burst of 5 with MaxWait 1ms")
	}
}

func TestSecretsAbsentFromErrors(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	c := newClients(t, fg).ForInstallation(inst)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	tok := fg.IssuedTokens()[0]
	jwtLike := "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
	body := fmt.Sprintf(`{"message":"bad request from Authorization: token %s with %s","errors":["leaked %s"]}`, tok, jwtLike, tok)
	for _, status := range []int{400, 422, 500} {
		fg.InjectFault(ghroute.PullGet, 3, fakegithub.Fault{Status: status, Body: body})
		_, err := c.GetPullRequest(ctx, owner, repo, 1)
		if err == nil {
			t.Fatal("want error")
		}
		s := fmt.Sprintf("%v %+v", err, err)
		if strings.Contains(s, tok) || strings.Contains(s, jwtLike) || strings.Contains(s, tok[4:]) {
			t.Fatalf("status %d: secret in error: %s", status, s)
		}
		fg.ResetRequests()
		fg.InjectFault(ghroute.PullGet, 0, fakegithub.Fault{}) // no-op
	}
	// Token minting failure: the JWT must not leak.
	cs2 := newClients(t, fg)
	fg.InjectFault(ghroute.AccessTokens, 1, fakegithub.Fault{Status: 401, Body: `{"message":"Bad JWT Bearer ` + jwtLike + `"}`})
	_, err := cs2.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1)
	if err == nil || strings.Contains(err.Error(), jwtLike) {
		t.Fatalf("token failure error = %v", err)
	}
	// A broken key is reported without its content.
	pem := "-----BEGIN RSA PRIVATE KEY-----\nTUlJQ1hRSUJBQUtCZ1FDc2VjcmV0c2VjcmV0\n-----END RSA PRIVATE KEY-----\n"
	_, err = New(Config{AppID: 1, PrivateKeyPEM: []byte(pem)})
	if err == nil || strings.Contains(err.Error(), "TUlJQ1hR") {
		t.Fatalf("bad key error = %v", err)
	}
}

func TestRedact(t *testing.T) {
	for _, s := range []string{
		"token ghs_abcdefghijklmnopqrstuvwxyz0123456789",
		"Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MiJ9.c2ln",
		"ghs_4242_eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiI0MiJ9.c2ln",
		`{"token":"ghs_secretsecretsecret"}`,
		"https://x/?access_token=abcdef123456",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----",
	} {
		got := redact(s)
		if strings.Contains(got, "secret") || strings.Contains(got, "ghs_") || strings.Contains(got, "eyJ") || strings.Contains(got, "abcdef123456") {
			t.Errorf("redact(%q) = %q", s, got)
		}
	}
}

func TestURLDerivation(t *testing.T) {
	cases := []struct{ api, wantAPI, wantGQL string }{
		{"", "https://api.github.com/", "https://api.github.com/graphql"},
		{"https://api.github.com", "https://api.github.com/", "https://api.github.com/graphql"},
		{"https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql"},
		{"https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/graphql"},
	}
	for _, c := range cases {
		api, err := NormalizeAPIURL(c.api)
		if err != nil || api != c.wantAPI {
			t.Errorf("NormalizeAPIURL(%q) = %q, %v; want %q", c.api, api, err, c.wantAPI)
		}
		if gql := DeriveGraphQLURL(api); gql != c.wantGQL {
			t.Errorf("DeriveGraphQLURL(%q) = %q, want %q", api, gql, c.wantGQL)
		}
	}
	for _, bad := range []string{"ftp://x/", "not a url", "https://user:pw@x/"} {
		if _, err := NormalizeAPIURL(bad); err == nil {
			t.Errorf("NormalizeAPIURL(%q) accepted", bad)
		}
	}
	if _, err := New(Config{PrivateKeyPEM: []byte("x")}); err == nil {
		t.Error("missing AppID accepted")
	}
}

// github.com-style roots (REST at /, GraphQL at /graphql) work as well as
// the GHES form used by the other tests.
func TestRootStyleURL(t *testing.T) {
	fg := newFake(t)
	addPR(fg, fakegithub.File{Path: "a.ts", Patch: fakegithub.AddedPatch("a\n"), Content: []byte("a\n")})
	cs := newClients(t, fg, func(c *Config) { c.APIURL = fg.RootURL() })
	if got := cs.Config().GraphQLURL; got != fg.RootURL()+"graphql" {
		t.Fatalf("GraphQLURL = %q", got)
	}
	c := cs.ForInstallation(inst)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	if got, err := c.FetchContents(ctx, owner, repo, head, []string{"a.ts"}); err != nil || string(got[0].Content) != "a\n" {
		t.Fatalf("contents = %+v %v", got, err)
	}
	for _, r := range fg.Requests() {
		if strings.HasPrefix(r.Path, "/api/") {
			t.Fatalf("request to %s with a root-style base URL", r.Path)
		}
	}
}

func TestMetricsAndHook(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	reg := prometheus.NewRegistry()
	var mu sync.Mutex
	var infos []RequestInfo
	cs := newClients(t, fg, func(c *Config) {
		c.Registerer = reg
		c.OnRequest = func(ri RequestInfo) { mu.Lock(); infos = append(infos, ri); mu.Unlock() }
	})
	fg.FailNext(ghroute.PullGet, 502, 1)
	if _, err := cs.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	c, err := requestCounter(reg) // already registered: returns the same collector
	if err != nil {
		t.Fatal(err)
	}
	if v := testutil.ToFloat64(c.WithLabelValues(ghroute.PullGet, "200")); v != 1 {
		t.Fatalf("200 count = %v", v)
	}
	if v := testutil.ToFloat64(c.WithLabelValues(ghroute.PullGet, "502")); v != 1 {
		t.Fatalf("502 count = %v", v)
	}
	if v := testutil.ToFloat64(c.WithLabelValues(ghroute.AccessTokens, "201")); v != 1 {
		t.Fatalf("token count = %v", v)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(infos) != 3 || infos[0].Route != ghroute.AccessTokens {
		t.Fatalf("hook saw %+v", infos)
	}
}

func TestAppAndInstallation(t *testing.T) {
	fg := newFake(t)
	cs := newClients(t, fg)
	app, err := cs.App(ctx)
	if err != nil || app.ID != fg.AppID() || app.Slug != fg.AppSlug() || app.BotLogin != fg.BotLogin() {
		t.Fatalf("app = %+v %v", app, err)
	}
	in, err := cs.GetInstallation(ctx, inst)
	if err != nil || in.ID != inst || in.AppSlug != fg.AppSlug() || in.AccountLogin != owner || in.Suspended {
		t.Fatalf("installation = %+v %v", in, err)
	}
	in, err = cs.FindRepoInstallation(ctx, owner, repo)
	if err != nil || in.ID != inst {
		t.Fatalf("repo installation = %+v %v", in, err)
	}
	fg.DeleteInstallation(inst)
	if _, err := cs.GetInstallation(ctx, inst); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted installation: err = %v", err)
	}
	// A cached client of a deleted installation fails with ErrNotFound once
	// its token is gone.
	fg.ExpireTokens()
	cs.Forget(inst)
	if _, err := cs.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1); !errors.Is(err, ErrNotFound) {
		t.Fatalf("token for deleted installation: err = %v, want ErrNotFound", err)
	}
}

func TestRevokedTokenIsDropped(t *testing.T) {
	fg := newFake(t)
	addPR(fg)
	cs := newClients(t, fg)
	c := cs.ForInstallation(inst)
	if _, err := c.GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatal(err)
	}
	fg.ExpireTokens() // GitHub now rejects the cached token
	_, err := c.GetPullRequest(ctx, owner, repo, 1)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusUnauthorized || !IsRetryable(err) {
		t.Fatalf("err = %v, want retryable 401", err)
	}
	if cs.Cached(inst) {
		t.Fatal("rejected transport still cached")
	}
	if _, err := cs.ForInstallation(inst).GetPullRequest(ctx, owner, repo, 1); err != nil {
		t.Fatalf("fresh client: %v", err)
	}
	if n := fg.Count(ghroute.AccessTokens); n != 2 {
		t.Fatalf("tokens minted = %d, want 2", n)
	}
}
