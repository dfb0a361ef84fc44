// Package ghroute turns GitHub API request paths into stable route templates
// ("GET /repos/{owner}/{repo}/pulls/{number}") for metrics labels and request
// counters. It is shared by the githubapi client and the fake GitHub so that
// both count requests under the same names.
package ghroute

import "strings"

// GraphQL is the route of every GraphQL request (github.com /graphql and
// GHES /api/graphql).
const GraphQL = "POST /graphql"

// Other is the route of any request whose path matches no known template.
const Other = "other"

// Route templates of the REST endpoints the App uses.
const (
	App               = "GET /app"
	Installation      = "GET /app/installations/{installation_id}"
	AccessTokens      = "POST /app/installations/{installation_id}/access_tokens"
	RepoInstallation  = "GET /repos/{owner}/{repo}/installation"
	PullGet           = "GET /repos/{owner}/{repo}/pulls/{number}"
	PullFiles         = "GET /repos/{owner}/{repo}/pulls/{number}/files"
	PullComments      = "GET /repos/{owner}/{repo}/pulls/{number}/comments"
	PullReviews       = "GET /repos/{owner}/{repo}/pulls/{number}/reviews"
	PullReviewCreate  = "POST /repos/{owner}/{repo}/pulls/{number}/reviews"
	PullCommentCreate = "POST /repos/{owner}/{repo}/pulls/{number}/comments"
	PullCommentDelete = "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
	PullCommentUpdate = "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
	Contents          = "GET /repos/{owner}/{repo}/contents/{path...}"
	Blob              = "GET /repos/{owner}/{repo}/git/blobs/{file_sha}"
	CheckRunCreate    = "POST /repos/{owner}/{repo}/check-runs"
	CheckRunUpdate    = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"
	CheckRunGet       = "GET /repos/{owner}/{repo}/check-runs/{check_run_id}"
	CheckRunAnnots    = "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
	CheckRunsForRef   = "GET /repos/{owner}/{repo}/commits/{ref...}/check-runs"
	RateLimit         = "GET /rate_limit"
)

// Templates lists the REST routes, as "METHOD /path" with {name}
// placeholders for path segments; {name...} matches one or more segments.
var Templates = []string{
	App, Installation, AccessTokens, RepoInstallation,
	PullGet, PullFiles, PullComments, PullReviews, PullReviewCreate, PullCommentCreate,
	PullCommentDelete, PullCommentUpdate,
	Contents, Blob,
	CheckRunCreate, CheckRunUpdate, CheckRunGet, CheckRunAnnots, CheckRunsForRef,
	RateLimit,
}

type template struct {
	method string
	segs   []string
	name   string
}

var compiled = func() []template {
	out := make([]template, 0, len(Templates))
	for _, t := range Templates {
		method, path, _ := strings.Cut(t, " ")
		out = append(out, template{method: method, segs: strings.Split(strings.Trim(path, "/"), "/"), name: t})
	}
	return out
}()

// Normalize strips the GHES "/api/v3" prefix and maps "/api/graphql" to
// "/graphql", so that github.com and GHES paths share one shape.
func Normalize(path string) string {
	switch {
	case path == "/api/graphql" || path == "/api/graphql/":
		return "/graphql"
	case strings.HasPrefix(path, "/api/v3/"):
		return path[len("/api/v3"):]
	case path == "/api/v3":
		return "/"
	}
	return path
}

// Template returns the route template for a request, or Other. The path may
// carry the GHES "/api/v3" prefix.
func Template(method, path string) string {
	path = Normalize(path)
	if method == "POST" && strings.TrimSuffix(path, "/") == "/graphql" {
		return GraphQL
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for _, t := range compiled {
		if t.method == method && match(t.segs, segs) {
			return t.name
		}
	}
	return Other
}

func match(tmpl, segs []string) bool {
	si := 0
	for ti, t := range tmpl {
		if strings.HasSuffix(t, "...}") {
			// Greedy tail: the rest of the template must match the end of segs.
			rest := tmpl[ti+1:]
			if len(segs)-si < len(rest)+1 {
				return false
			}
			return match(rest, segs[len(segs)-len(rest):])
		}
		if si >= len(segs) {
			return false
		}
		if strings.HasPrefix(t, "{") {
			if segs[si] == "" {
				return false
			}
		} else if t != segs[si] {
			return false
		}
		si++
	}
	return si == len(segs)
}

// Params extracts the placeholder values of a path matched by template
// ("{owner}" → "o"). The path may carry the GHES prefix. ok is false when the
// path does not match.
func Params(tmpl, path string) (map[string]string, bool) {
	_, tpath, _ := strings.Cut(tmpl, " ")
	tsegs := strings.Split(strings.Trim(tpath, "/"), "/")
	segs := strings.Split(strings.Trim(Normalize(path), "/"), "/")
	if !match(tsegs, segs) {
		return nil, false
	}
	out := map[string]string{}
	for i, t := range tsegs {
		if !strings.HasPrefix(t, "{") {
			continue
		}
		name := strings.Trim(t, "{}")
		if strings.HasSuffix(name, "...") {
			rest := len(tsegs) - i - 1
			out[strings.TrimSuffix(name, "...")] = strings.Join(segs[i:len(segs)-rest], "/")
			continue
		}
		// Segments before a {x...} wildcard line up by index; those after it
		// are counted from the end.
		if wild := wildIndex(tsegs); wild >= 0 && i > wild {
			out[name] = segs[len(segs)-(len(tsegs)-i)]
		} else {
			out[name] = segs[i]
		}
	}
	return out, true
}

func wildIndex(tsegs []string) int {
	for i, t := range tsegs {
		if strings.HasSuffix(t, "...}") {
			return i
		}
	}
	return -1
}
