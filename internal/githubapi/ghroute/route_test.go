package ghroute

import "testing"

func TestTemplate(t *testing.T) {
	cases := []struct{ method, path, want string }{
		{"GET", "/api/v3/repos/o/r/pulls/12", "GET /repos/{owner}/{repo}/pulls/{number}"},
		{"GET", "/repos/o/r/pulls/12/files", "GET /repos/{owner}/{repo}/pulls/{number}/files"},
		{"POST", "/api/v3/app/installations/7/access_tokens", "POST /app/installations/{installation_id}/access_tokens"},
		{"GET", "/repos/o/r/contents/.github/hotpath.yml", "GET /repos/{owner}/{repo}/contents/{path...}"},
		{"GET", "/repos/o/r/commits/feature/x/check-runs", "GET /repos/{owner}/{repo}/commits/{ref...}/check-runs"},
		{"GET", "/repos/o/r/commits/check-runs", Other},
		{"POST", "/api/graphql", GraphQL},
		{"POST", "/graphql", GraphQL},
		{"DELETE", "/repos/o/r/pulls/comments/5", "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"},
		{"PUT", "/repos/o/r/pulls/12", Other},
		{"GET", "/repos/o/r/pulls/12/files/extra", Other},
	}
	for _, c := range cases {
		if got := Template(c.method, c.path); got != c.want {
			t.Errorf("Template(%s %s) = %q, want %q", c.method, c.path, got, c.want)
		}
	}
}

func TestParams(t *testing.T) {
	p, ok := Params(CheckRunsForRef, "/api/v3/repos/o/r/commits/feature/x/check-runs")
	if !ok || p["owner"] != "o" || p["repo"] != "r" || p["ref"] != "feature/x" {
		t.Fatalf("Params = %v, %v", p, ok)
	}
	p, ok = Params(Contents, "/repos/o/r/contents/.github/hotpath.yml")
	if !ok || p["path"] != ".github/hotpath.yml" {
		t.Fatalf("Params = %v, %v", p, ok)
	}
	if _, ok := Params(PullGet, "/repos/o/r/pulls"); ok {
		t.Fatal("short path matched")
	}
}
