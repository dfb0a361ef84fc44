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

// Templates lists the REST routes the App uses, as "METHOD /path" with {name}
// placeholders for path segments. {ref...} matches the rest of the path.
var Templates = []string{
	"GET /app",
	"GET /app/installations/{installation_id}",
	"POST /app/installations/{installation_id}/access_tokens",
	"GET /repos/{owner}/{repo}/installation",
	"GET /repos/{owner}/{repo}/pulls/{number}",
	"GET /repos/{owner}/{repo}/pulls/{number}/files",
	"GET /repos/{owner}/{repo}/pulls/{number}/comments",
	"GET /repos/{owner}/{repo}/pulls/{number}/reviews",
	"POST /repos/{owner}/{repo}/pulls/{number}/reviews",
	"POST /repos/{owner}/{repo}/pulls/{number}/comments",
	"DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}",
	"PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}",
	"GET /repos/{owner}/{repo}/contents/{path...}",
	"GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
	"POST /repos/{owner}/{repo}/check-runs",
	"PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
	"GET /repos/{owner}/{repo}/check-runs/{check_run_id}",
	"GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
	"GET /repos/{owner}/{repo}/commits/{ref...}/check-runs",
	"GET /rate_limit",
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
