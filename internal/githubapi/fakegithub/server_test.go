package fakegithub

import (
	"bytes"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	jwt "github.com/golang-jwt/jwt/v4"

	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

func appKey(t *testing.T, s *Server) *rsa.PrivateKey {
	t.Helper()
	k, err := jwt.ParseRSAPrivateKeyFromPEM(s.AppPrivateKeyPEM())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func signJWT(t *testing.T, key *rsa.PrivateKey, iss string, iat, exp time.Time) string {
	t.Helper()
	claims := jwt.RegisteredClaims{Issuer: iss, IssuedAt: jwt.NewNumericDate(iat), ExpiresAt: jwt.NewNumericDate(exp)}
	s, err := jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func do(t *testing.T, s *Server, method, path, auth string, body any) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, s.URL()+strings.TrimPrefix(path, "/"), rd)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func mintToken(t *testing.T, s *Server, inst int64) string {
	t.Helper()
	now := time.Now()
	jwtStr := signJWT(t, appKey(t, s), strconv.FormatInt(s.AppID(), 10), now.Add(-30*time.Second), now.Add(2*time.Minute))
	resp, body := do(t, s, "POST", fmt.Sprintf("app/installations/%d/access_tokens", inst), "Bearer "+jwtStr, nil)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("mint: %d %s", resp.StatusCode, body)
	}
	var tok struct{ Token string }
	_ = json.Unmarshal(body, &tok)
	return tok.Token
}

func TestJWTRules(t *testing.T) {
	s := New(t)
	s.AddInstallation(7, "acme")
	key := appKey(t, s)
	other := appKey(t, New(t))
	now := time.Now()
	iss := strconv.FormatInt(s.AppID(), 10)
	cases := []struct {
		name string
		auth string
		want int
	}{
		{"valid", "Bearer " + signJWT(t, key, iss, now.Add(-30*time.Second), now.Add(2*time.Minute)), 201},
		{"client id issuer", "Bearer " + signJWT(t, key, "Iv1.fakeclientid", now, now.Add(5*time.Minute)), 201},
		{"expired", "Bearer " + signJWT(t, key, iss, now.Add(-15*time.Minute), now.Add(-5*time.Minute)), 401},
		{"exp more than 10 min after iat", "Bearer " + signJWT(t, key, iss, now, now.Add(11*time.Minute)), 401},
		{"other key", "Bearer " + signJWT(t, other, iss, now, now.Add(time.Minute)), 401},
		{"wrong issuer", "Bearer " + signJWT(t, key, "99", now, now.Add(time.Minute)), 401},
		{"no auth", "", 401},
		{"installation token instead of JWT", "token " + mintToken(t, s, 7), 401},
	}
	hs := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Issuer: iss, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute))})
	hsStr, _ := hs.SignedString([]byte("secret"))
	cases = append(cases, struct {
		name string
		auth string
		want int
	}{"HS256", "Bearer " + hsStr, 401})
	for _, c := range cases {
		resp, body := do(t, s, "POST", "app/installations/7/access_tokens", c.auth, nil)
		if resp.StatusCode != c.want {
			t.Errorf("%s: status %d (%s), want %d", c.name, resp.StatusCode, body, c.want)
		}
	}
	if resp, _ := do(t, s, "POST", "app/installations/8/access_tokens", "Bearer "+signJWT(t, key, iss, now, now.Add(time.Minute)), nil); resp.StatusCode != 404 {
		t.Errorf("unknown installation: %d", resp.StatusCode)
	}
}

func TestInstallationTokenRules(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	s.AddRepo("other", "web", 8)
	s.AddPullRequest("acme", "api", PullRequest{Number: 1, HeadSHA: "h1"})
	s.AddPullRequest("other", "web", PullRequest{Number: 1, HeadSHA: "h1"})
	tok := mintToken(t, s, 7)
	if resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", "token "+tok, nil); resp.StatusCode != 200 {
		t.Fatalf("valid token: %d", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", "", nil); resp.StatusCode != 401 {
		t.Fatalf("no token: %d", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", "token ghs_made_up", nil); resp.StatusCode != 401 {
		t.Fatalf("made-up token: %d", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "repos/other/web/pulls/1", "token "+tok, nil); resp.StatusCode != 404 {
		t.Fatalf("repo of another installation: %d", resp.StatusCode)
	}
	s.SuspendInstallation(7, true)
	if resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", "token "+tok, nil); resp.StatusCode != 401 {
		t.Fatalf("suspended installation: %d", resp.StatusCode)
	}
	s.SuspendInstallation(7, false)
	s.ExpireTokens()
	if resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", "token "+tok, nil); resp.StatusCode != 401 {
		t.Fatalf("expired token: %d", resp.StatusCode)
	}
	if s.Count(ghroute.PullGet) != 6 || s.Count(ghroute.AccessTokens) != 1 {
		t.Fatalf("counts = %v", s.Counts())
	}
}

func TestCheckRunLimits(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	auth := "token " + mintToken(t, s, 7)
	ann := func(n int) []map[string]any {
		out := make([]map[string]any, n)
		for i := range out {
			out[i] = map[string]any{"path": "a.go", "start_line": i + 1, "end_line": i + 1, "annotation_level": "warning", "message": "m"}
		}
		return out
	}
	resp, body := do(t, s, "POST", "repos/acme/api/check-runs", auth, map[string]any{"name": "hotpath", "head_sha": "h",
		"output": map[string]any{"title": "t", "summary": "s", "annotations": ann(51)}})
	if resp.StatusCode != 422 || !strings.Contains(string(body), "maximum is 50") {
		t.Fatalf("51 annotations: %d %s", resp.StatusCode, body)
	}
	resp, body = do(t, s, "POST", "repos/acme/api/check-runs", auth, map[string]any{"name": "hotpath", "head_sha": "h",
		"output": map[string]any{"title": "t", "summary": strings.Repeat("x", 65536)}})
	if resp.StatusCode != 422 || !strings.Contains(string(body), "Only 65535 characters are allowed") {
		t.Fatalf("long summary: %d %s", resp.StatusCode, body)
	}
	resp, _ = do(t, s, "POST", "repos/acme/api/check-runs", auth, map[string]any{"name": "hotpath", "head_sha": "h", "status": "completed"})
	if resp.StatusCode != 422 {
		t.Fatalf("completed without conclusion: %d", resp.StatusCode)
	}
	resp, body = do(t, s, "POST", "repos/acme/api/check-runs", auth, map[string]any{"name": "hotpath", "head_sha": "h", "status": "in_progress",
		"output": map[string]any{"title": "t", "summary": strings.Repeat("é", 65535), "annotations": ann(50)}})
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %s", resp.StatusCode, body)
	}
	var cr struct{ ID int64 }
	_ = json.Unmarshal(body, &cr)
	resp, _ = do(t, s, "PATCH", fmt.Sprintf("repos/acme/api/check-runs/%d", cr.ID), auth, map[string]any{"conclusion": "success",
		"output": map[string]any{"summary": "done", "annotations": ann(30)}})
	if resp.StatusCode != 200 {
		t.Fatalf("patch: %d", resp.StatusCode)
	}
	got := s.CheckRuns("acme", "api")
	if len(got) != 1 || len(got[0].Annotations) != 80 || got[0].Status != "completed" || got[0].Conclusion != "success" ||
		got[0].Summary != "done" || got[0].Title != "t" || got[0].Requests != 2 {
		t.Fatalf("check run = %+v", got[0])
	}
	if resp, _ := do(t, s, "PATCH", "repos/acme/api/check-runs/1", auth, map[string]any{"conclusion": "success"}); resp.StatusCode != 404 {
		t.Fatalf("unknown run: %d", resp.StatusCode)
	}
}

func TestPaginationLinks(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	files := make([]File, 75)
	for i := range files {
		files[i] = File{Path: fmt.Sprintf("f%d", i), Patch: "@@ -1 +1 @@\n-a\n+b"}
	}
	s.AddPullRequest("acme", "api", PullRequest{Number: 1, HeadSHA: "h", Files: files})
	auth := "token " + mintToken(t, s, 7)
	resp, body := do(t, s, "GET", "repos/acme/api/pulls/1/files?per_page=30&page=2", auth, nil)
	var page []map[string]any
	_ = json.Unmarshal(body, &page)
	link := resp.Header.Get("Link")
	if len(page) != 30 || page[0]["filename"] != "f30" || !strings.Contains(link, `page=3&per_page=30>; rel="next"`) ||
		!strings.Contains(link, `rel="last"`) || !strings.Contains(link, `page=1&per_page=30>; rel="prev"`) {
		t.Fatalf("page 2: %d items, Link %q", len(page), link)
	}
	resp, body = do(t, s, "GET", "repos/acme/api/pulls/1/files?per_page=30&page=3", auth, nil)
	_ = json.Unmarshal(body, &page)
	if len(page) != 15 || strings.Contains(resp.Header.Get("Link"), `rel="next"`) {
		t.Fatalf("last page: %d items, Link %q", len(page), resp.Header.Get("Link"))
	}
}

func graphQL(t *testing.T, s *Server, auth, query string, vars map[string]any) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", s.GraphQLURL(), bytes.NewReader(must(json.Marshal(map[string]any{"query": query, "variables": vars}))))
	req.Header.Set("Authorization", auth)
	resp, err := s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestGraphQLObjects(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	big := strings.Repeat("ab", 300000)
	s.SetFile("acme", "api", "h", "big.txt", []byte(big))
	s.SetFile("acme", "api", "h", "src/a.ts", []byte("let a = 1;\n"))
	auth := "token " + mintToken(t, s, 7)
	q := `query($o:String!,$n:String!,$e0:String!,$e1:String!,$e2:String!){
	  repository(owner:$o,name:$n){
	    f0: object(expression:$e0){ ...B }
	    f1: object(expression:$e1){ ... on Blob { byteSize isTruncated text } }
	    f2: object(expression:$e2){ ... on Blob { text } }
	  }
	  rateLimit { cost remaining }
	}
	fragment B on Blob { oid byteSize isBinary isTruncated text }`
	status, out := graphQL(t, s, auth, q, map[string]any{"o": "acme", "n": "api", "e0": "h:src/a.ts", "e1": "h:big.txt", "e2": `h:missing") { x } #`})
	if status != 200 || out["errors"] != nil {
		t.Fatalf("status %d, %v", status, out["errors"])
	}
	repo := out["data"].(map[string]any)["repository"].(map[string]any)
	f0 := repo["f0"].(map[string]any)
	if f0["text"] != "let a = 1;\n" || f0["oid"] != BlobSHA([]byte("let a = 1;\n")) || f0["isBinary"] != false {
		t.Fatalf("f0 = %v", f0)
	}
	f1 := repo["f1"].(map[string]any)
	if f1["isTruncated"] != true || len(f1["text"].(string)) != GraphQLTextLimit || f1["byteSize"] != float64(len(big)) {
		t.Fatalf("f1: truncated=%v len=%d", f1["isTruncated"], len(f1["text"].(string)))
	}
	if repo["f2"] != nil {
		t.Fatalf("path from a variable was interpreted: %v", repo["f2"])
	}
	if s.Count(ghroute.GraphQL) != 1 {
		t.Fatal("GraphQL request not counted")
	}

	// Another installation's repository is invisible.
	s.AddRepo("other", "web", 8)
	_, out = graphQL(t, s, "token "+mintToken(t, s, 8), `{ repository(owner:"acme",name:"api"){ object(expression:"h:src/a.ts"){ ... on Blob { text } } } }`, nil)
	if errs, _ := out["errors"].([]any); len(errs) != 1 || errs[0].(map[string]any)["type"] != "NOT_FOUND" {
		t.Fatalf("other installation: %v", out)
	}
	// Unknown fields and parse errors are reported like GitHub does (HTTP 200 + errors).
	_, out = graphQL(t, s, auth, `{ repository(owner:"acme",name:"api"){ nope } }`, nil)
	if out["errors"] == nil {
		t.Fatal("unknown field accepted")
	}
	_, out = graphQL(t, s, auth, `{ repository(`, nil)
	if out["errors"] == nil {
		t.Fatal("parse error accepted")
	}
	if status, _ := graphQL(t, s, "", `{ rateLimit { cost } }`, nil); status != 401 {
		t.Fatalf("unauthenticated GraphQL: %d", status)
	}
}

// A fork head GitHub does not resolve by SHA is still reached through
// refs/pull/N/head, in GraphQL ("<ref>:<path>" and "<ref>" alone) and REST
// (contents?ref=); the files list is unaffected.
func TestHeadUnreachableBySHA(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	const h1, h2 = "1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"
	s.AddPullRequest("acme", "api", PullRequest{Number: 4, HeadSHA: h1, HeadRepo: "mallory/api", HeadUnreachableBySHA: true,
		Files: []File{{Path: "a.ts", Patch: AddedPatch("let a = 1;\n"), Content: []byte("let a = 1;\n")}}})
	auth := "token " + mintToken(t, s, 7)
	q := `query($o:String!,$n:String!,$rev:String!,$e0:String!,$e1:String!,$e2:String!){ repository(owner:$o,name:$n){
	  head: object(expression:$rev){ oid }
	  bySHA: object(expression:$e0){ ... on Commit { oid } }
	  f0: object(expression:$e1){ ... on Blob { text } }
	  f1: object(expression:$e2){ ... on Blob { text } } } }`
	vars := map[string]any{"o": "acme", "n": "api", "rev": "refs/pull/4/head", "e0": h1, "e1": h1 + ":a.ts", "e2": "refs/pull/4/head:a.ts"}
	check := func(wantHead, wantText string) {
		t.Helper()
		_, out := graphQL(t, s, auth, q, vars)
		if out["errors"] != nil {
			t.Fatalf("errors: %v", out["errors"])
		}
		repo := out["data"].(map[string]any)["repository"].(map[string]any)
		if repo["bySHA"] != nil || repo["f0"] != nil {
			t.Fatalf("head resolved by SHA: %v", repo)
		}
		if head, _ := repo["head"].(map[string]any); head == nil || head["oid"] != wantHead {
			t.Fatalf("head = %v, want %s", repo["head"], wantHead)
		}
		if f1, _ := repo["f1"].(map[string]any); f1 == nil || f1["text"] != wantText {
			t.Fatalf("f1 = %v, want %q", repo["f1"], wantText)
		}
	}
	check(h1, "let a = 1;\n")
	resp, body := do(t, s, "GET", "repos/acme/api/contents/a.ts?ref="+h1, auth, nil)
	if resp.StatusCode != 404 {
		t.Fatalf("contents by SHA: %d %s", resp.StatusCode, body)
	}
	resp, body = do(t, s, "GET", "repos/acme/api/contents/a.ts?ref=refs/pull/4/head", auth, nil)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"sha":"`+BlobSHA([]byte("let a = 1;\n"))) {
		t.Fatalf("contents through the ref: %d %s", resp.StatusCode, body)
	}
	resp, body = do(t, s, "GET", "repos/acme/api/pulls/4/files", auth, nil)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"sha":"`+BlobSHA([]byte("let a = 1;\n"))) {
		t.Fatalf("files: %d %s", resp.StatusCode, body)
	}

	// A push moves the ref; the new head is unreachable by SHA too.
	s.SetHead("acme", "api", 4, h2, File{Path: "a.ts", Patch: AddedPatch("let a = 2;\n"), Content: []byte("let a = 2;\n")})
	vars["e0"], vars["e1"] = h2, h2+":a.ts"
	check(h2, "let a = 2;\n")
	// The ref lagging behind the head.
	s.SetPullHeadRef("acme", "api", 4, h1)
	check(h1, "let a = 1;\n")

	// Reachable SHAs, branches and missing refs.
	s.SetFile("acme", "api", h2[:39]+"3", "x", []byte("x"))
	s.SetBranch("acme", "api", "main", h2[:39]+"3")
	_, out := graphQL(t, s, auth, `{ repository(owner:"acme",name:"api"){
	  a: object(expression:"main"){ oid } b: object(expression:"`+h2[:39]+`3"){ oid } c: object(expression:"refs/pull/9/head"){ oid } } }`, nil)
	repo := out["data"].(map[string]any)["repository"].(map[string]any)
	if a, _ := repo["a"].(map[string]any); a == nil || a["oid"] != h2[:39]+"3" {
		t.Fatalf("branch: %v", repo)
	}
	if b, _ := repo["b"].(map[string]any); b == nil || b["oid"] != h2[:39]+"3" {
		t.Fatalf("SHA: %v", repo)
	}
	if repo["c"] != nil {
		t.Fatalf("missing pull ref resolved: %v", repo["c"])
	}
}

func TestMinimizeComment(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	s.AddPullRequest("acme", "api", PullRequest{Number: 1, HeadSHA: "h", Files: []File{{Path: "a.go", Patch: AddedPatch("a\n")}}})
	id := s.AddReviewComment("acme", "api", 1, ReviewComment{Path: "a.go", Line: 1, Body: "x"})
	auth := "token " + mintToken(t, s, 7)
	m := `mutation($id:ID!,$c:ReportedContentClassifiers!){minimizeComment(input:{subjectId:$id,classifier:$c}){minimizedComment{isMinimized minimizedReason}}}`
	_, out := graphQL(t, s, auth, m, map[string]any{"id": fmt.Sprintf("PRRC_%d", id), "c": "OUTDATED"})
	mc := out["data"].(map[string]any)["minimizeComment"].(map[string]any)["minimizedComment"].(map[string]any)
	if mc["isMinimized"] != true || mc["minimizedReason"] != "outdated" {
		t.Fatalf("minimize: %v", out)
	}
	if got := s.MinimizedComments(); len(got) != 1 {
		t.Fatalf("minimized = %v", got)
	}
	_, out = graphQL(t, s, auth, m, map[string]any{"id": fmt.Sprintf("PRRC_%d", id), "c": "BORING"})
	if out["errors"] == nil {
		t.Fatal("invalid classifier accepted")
	}
}

func TestFaultsAndLatency(t *testing.T) {
	s := New(t)
	s.AddRepo("acme", "api", 7)
	s.AddPullRequest("acme", "api", PullRequest{Number: 1, HeadSHA: "h"})
	auth := "token " + mintToken(t, s, 7)
	s.FailNext(ghroute.PullGet, 500, 2)
	s.SetLatency(time.Millisecond)
	var codes []int
	for i := 0; i < 3; i++ {
		resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", auth, nil)
		codes = append(codes, resp.StatusCode)
	}
	if fmt.Sprint(codes) != "[500 500 200]" {
		t.Fatalf("codes = %v", codes)
	}
	s.RateLimitNext("*", 1, RateLimit{Status: 403, Reset: time.Unix(2000000000, 0)})
	resp, _ := do(t, s, "GET", "repos/acme/api/pulls/1", auth, nil)
	if resp.StatusCode != 403 || resp.Header.Get("X-Ratelimit-Remaining") != "0" || resp.Header.Get("X-Ratelimit-Reset") != "2000000000" {
		t.Fatalf("rate limit: %d %v", resp.StatusCode, resp.Header)
	}
	reqs := s.Requests()
	if len(reqs) != 5 || reqs[1].Status != 500 || reqs[3].Status != 200 || reqs[3].InstallationID != 7 {
		t.Fatalf("log = %+v", reqs)
	}
}

// applyPatch rebuilds the new file from the old one and a patch.
func applyPatch(t *testing.T, old []string, patch string) []string {
	t.Helper()
	var out []string
	pos := 0 // index into old
	for _, line := range strings.Split(patch, "\n") {
		if strings.HasPrefix(line, "@@") {
			o, _, ok := parseHunkHeader(line)
			if !ok {
				t.Fatalf("bad header %q", line)
			}
			start := o - 1
			if strings.Contains(strings.Fields(line)[1], ",0") {
				start = o
			}
			out = append(out, old[pos:start]...)
			pos = start
			continue
		}
		if line == "" {
			continue
		}
		switch line[0] {
		case ' ':
			if old[pos] != line[1:] {
				t.Fatalf("context mismatch at %d: %q vs %q", pos, old[pos], line[1:])
			}
			out = append(out, line[1:])
			pos++
		case '-':
			if old[pos] != line[1:] {
				t.Fatalf("deletion mismatch at %d", pos)
			}
			pos++
		case '+':
			out = append(out, line[1:])
		}
	}
	return append(out, old[pos:]...)
}

func TestDiffPatchApplies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d", "e"}
	gen := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = words[rng.IntN(len(words))]
		}
		return out
	}
	for i := 0; i < 300; i++ {
		old := gen(rng.IntN(40))
		nw := append([]string(nil), old...)
		for k := rng.IntN(4); k >= 0; k-- {
			switch p := rng.IntN(len(nw) + 1); rng.IntN(3) {
			case 0:
				nw = append(nw[:p], append(gen(1+rng.IntN(3)), nw[p:]...)...)
			case 1:
				if p < len(nw) {
					nw = append(nw[:p], nw[p+1:]...)
				}
			default:
				if p < len(nw) {
					nw[p] = "changed"
				}
			}
		}
		oldS, newS := strings.Join(old, "\n"), strings.Join(nw, "\n")
		if len(old) > 0 {
			oldS += "\n"
		}
		if len(nw) > 0 {
			newS += "\n"
		}
		patch := DiffPatch(oldS, newS)
		if got := applyPatch(t, old, patch); strings.Join(got, "\n") != strings.Join(nw, "\n") {
			t.Fatalf("case %d: patch does not reproduce the new file\nold=%q\nnew=%q\npatch:\n%s\ngot=%q", i, old, nw, patch, got)
		}
		// Every added line is commentable on the RIGHT side.
		for _, h := range parseHunks(patch) {
			for l := range h.right {
				if l < 1 || l > len(nw) {
					t.Fatalf("case %d: right line %d out of range", i, l)
				}
			}
		}
	}
	if p := DiffPatch("a\nb\n", "a\nb\n"); p != "" {
		t.Fatalf("identical files: %q", p)
	}
	if got := AddedPatch("x\ny\n"); got != "@@ -0,0 +1,2 @@\n+x\n+y" {
		t.Fatalf("AddedPatch = %q", got)
	}
}

func TestParseHunks(t *testing.T) {
	h := parseHunks("@@ -10,4 +10,5 @@ func a() {\n ctx\n-old\n+new1\n+new2\n ctx2\n\\ No newline at end of file\n@@ -40 +41,2 @@\n c\n+added")
	if len(h) != 2 {
		t.Fatalf("hunks = %d", len(h))
	}
	for _, l := range []int{10, 11, 12, 13} {
		if !h[0].right[l] {
			t.Errorf("right line %d missing", l)
		}
	}
	if !h[0].left[11] || h[0].right[14] || !h[1].right[41] || !h[1].right[42] || !h[1].left[40] {
		t.Errorf("hunks = %+v", h)
	}
}
