package fakegithub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// GraphQLTextLimit is where Blob.text is truncated (isTruncated: true).
const GraphQLTextLimit = 512000

type gqlErr struct {
	Type    string `json:"type,omitempty"`
	Message string `json:"message"`
	Path    []any  `json:"path,omitempty"`
}

type gqlExec struct {
	s    *Server
	c    *reqCtx
	doc  *ast.QueryDocument
	vars map[string]any
	errs []gqlErr
}

// graphQL serves one GraphQL request and returns the operation kind. Caller
// holds s.mu.
func (s *Server) graphQL(c *reqCtx) string {
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.Unmarshal(c.body, &req); err != nil || req.Query == "" {
		c.json(http.StatusBadRequest, map[string]any{"message": "Problems parsing JSON"})
		return ""
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: req.Query})
	if err != nil {
		c.json(http.StatusOK, map[string]any{"errors": []gqlErr{{Message: "Parse error: " + err.Error()}}})
		return ""
	}
	if len(doc.Operations) != 1 {
		c.json(http.StatusOK, map[string]any{"errors": []gqlErr{{Message: "fakegithub: exactly one operation per document is supported"}}})
		return ""
	}
	op := doc.Operations[0]
	g := &gqlExec{s: s, c: c, doc: doc, vars: req.Variables}
	var data map[string]any
	switch op.Operation {
	case ast.Query:
		data = g.query(op.SelectionSet)
	case ast.Mutation:
		data = g.mutation(op.SelectionSet)
	default:
		g.errs = append(g.errs, gqlErr{Message: "subscriptions are not supported"})
	}
	resp := map[string]any{"data": data}
	if len(g.errs) > 0 {
		resp["errors"] = g.errs
	}
	c.json(http.StatusOK, resp)
	return string(op.Operation)
}

// fields flattens a selection set for an object of type typename.
func (g *gqlExec) fields(sel ast.SelectionSet, typename string) []*ast.Field {
	var out []*ast.Field
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			if s.TypeCondition == "" || s.TypeCondition == typename || isInterfaceOf(s.TypeCondition, typename) {
				out = append(out, g.fields(s.SelectionSet, typename)...)
			}
		case *ast.FragmentSpread:
			if f := g.doc.Fragments.ForName(s.Name); f != nil &&
				(f.TypeCondition == typename || isInterfaceOf(f.TypeCondition, typename)) {
				out = append(out, g.fields(f.SelectionSet, typename)...)
			}
		}
	}
	return out
}

func isInterfaceOf(iface, typename string) bool {
	switch iface {
	case "Node":
		return true
	case "GitObject":
		return typename == "Blob" || typename == "Tree" || typename == "Commit"
	case "Minimizable", "Comment":
		return typename == "PullRequestReviewComment"
	}
	return false
}

func (g *gqlExec) arg(f *ast.Field, name string) any {
	a := f.Arguments.ForName(name)
	if a == nil {
		return nil
	}
	v, err := a.Value.Value(g.vars)
	if err != nil {
		return nil
	}
	return v
}

func (g *gqlExec) argString(f *ast.Field, name string) string {
	s, _ := g.arg(f, name).(string)
	return s
}

func (g *gqlExec) unknownField(f *ast.Field, typename string) {
	g.errs = append(g.errs, gqlErr{Message: fmt.Sprintf("Field '%s' doesn't exist on type '%s'", f.Name, typename)})
}

func (g *gqlExec) query(sel ast.SelectionSet) map[string]any {
	out := map[string]any{}
	for _, f := range g.fields(sel, "Query") {
		switch f.Name {
		case "__typename":
			out[f.Alias] = "Query"
		case "repository":
			owner, name := g.argString(f, "owner"), g.argString(f, "name")
			r := g.s.repos[repoKey(owner, name)]
			if r == nil || r.installationID != g.c.inst {
				g.errs = append(g.errs, gqlErr{Type: "NOT_FOUND", Path: []any{f.Alias},
					Message: fmt.Sprintf("Could not resolve to a Repository with the name '%s/%s'.", owner, name)})
				out[f.Alias] = nil
				continue
			}
			out[f.Alias] = g.repository(r, f.SelectionSet)
		case "rateLimit":
			rl := map[string]any{}
			for _, rf := range g.fields(f.SelectionSet, "RateLimit") {
				switch rf.Name {
				case "cost":
					rl[rf.Alias] = 1
				case "limit":
					rl[rf.Alias] = 5000
				case "remaining":
					rl[rf.Alias] = 4999
				case "used":
					rl[rf.Alias] = 1
				case "resetAt":
					rl[rf.Alias] = time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
				default:
					g.unknownField(rf, "RateLimit")
				}
			}
			out[f.Alias] = rl
		default:
			g.unknownField(f, "Query")
		}
	}
	return out
}

func (g *gqlExec) repository(r *repo, sel ast.SelectionSet) map[string]any {
	out := map[string]any{}
	for _, f := range g.fields(sel, "Repository") {
		switch f.Name {
		case "__typename":
			out[f.Alias] = "Repository"
		case "id":
			out[f.Alias] = fmt.Sprintf("R_%d", r.id)
		case "name":
			out[f.Alias] = r.name
		case "nameWithOwner":
			out[f.Alias] = r.owner + "/" + r.name
		case "object":
			out[f.Alias] = g.object(r, g.argString(f, "expression"), f.SelectionSet)
		default:
			g.unknownField(f, "Repository")
		}
	}
	return out
}

// object resolves "<rev>:<path>" to a Blob (or an empty Tree) and "<rev>"
// to a Commit, nil if absent. rev may be a commit SHA (nil when GitHub does
// not resolve it by SHA: PullRequest.HeadUnreachableBySHA), a branch or
// refs/pull/N/head.
func (g *gqlExec) object(r *repo, expr string, sel ast.SelectionSet) any {
	rev, path, ok := strings.Cut(expr, ":")
	if !ok {
		sha, found := r.resolveCommit(rev)
		if !found {
			return nil
		}
		return g.commit(sha, sel)
	}
	sha, found := r.lookup(rev, path)
	if !found {
		if path != "" && r.isDir(rev, path) {
			return g.tree(sel)
		}
		return nil
	}
	content := r.blobs[sha]
	binary := bytes.IndexByte(content[:min(len(content), 8000)], 0) >= 0
	out := map[string]any{}
	for _, f := range g.fields(sel, "Blob") {
		switch f.Name {
		case "__typename":
			out[f.Alias] = "Blob"
		case "oid":
			out[f.Alias] = sha
		case "abbreviatedOid":
			out[f.Alias] = sha[:7]
		case "byteSize":
			out[f.Alias] = len(content)
		case "isBinary":
			out[f.Alias] = binary
		case "isTruncated":
			out[f.Alias] = len(content) > GraphQLTextLimit
		case "text":
			if binary {
				out[f.Alias] = nil
				continue
			}
			text := content
			if len(text) > GraphQLTextLimit {
				n := GraphQLTextLimit
				for n > 0 && !utf8.RuneStart(text[n]) {
					n--
				}
				text = text[:n]
			}
			out[f.Alias] = string(text)
		default:
			g.unknownField(f, "Blob")
		}
	}
	return out
}

func (g *gqlExec) commit(sha string, sel ast.SelectionSet) any {
	out := map[string]any{}
	for _, f := range g.fields(sel, "Commit") {
		switch f.Name {
		case "__typename":
			out[f.Alias] = "Commit"
		case "oid":
			out[f.Alias] = sha
		case "abbreviatedOid":
			out[f.Alias] = sha[:min(7, len(sha))]
		default:
			g.unknownField(f, "Commit")
		}
	}
	return out
}

func (g *gqlExec) tree(sel ast.SelectionSet) any {
	out := map[string]any{}
	for _, f := range g.fields(sel, "Tree") {
		if f.Name == "__typename" {
			out[f.Alias] = "Tree"
		}
	}
	return out
}

var classifiers = map[string]bool{"SPAM": true, "ABUSE": true, "OFF_TOPIC": true, "OUTDATED": true, "DUPLICATE": true, "RESOLVED": true}

func (g *gqlExec) mutation(sel ast.SelectionSet) map[string]any {
	out := map[string]any{}
	for _, f := range g.fields(sel, "Mutation") {
		switch f.Name {
		case "minimizeComment":
			input, _ := g.arg(f, "input").(map[string]any)
			id, _ := input["subjectId"].(string)
			classifier, _ := input["classifier"].(string)
			if !classifiers[classifier] {
				g.errs = append(g.errs, gqlErr{Message: fmt.Sprintf("Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (%q).", classifier)})
				out[f.Alias] = nil
				continue
			}
			cm := g.s.nodes[id]
			if cm == nil || cm.repo.installationID != g.c.inst {
				g.errs = append(g.errs, gqlErr{Type: "NOT_FOUND", Path: []any{f.Alias},
					Message: fmt.Sprintf("Could not resolve to a node with the global id of '%s'", id)})
				out[f.Alias] = nil
				continue
			}
			cm.Minimized, cm.MinimizedReason = true, strings.ToLower(classifier)
			res := map[string]any{}
			for _, pf := range g.fields(f.SelectionSet, "MinimizeCommentPayload") {
				switch pf.Name {
				case "clientMutationId":
					res[pf.Alias] = input["clientMutationId"]
				case "minimizedComment":
					mc := map[string]any{}
					for _, mf := range g.fields(pf.SelectionSet, "PullRequestReviewComment") {
						switch mf.Name {
						case "isMinimized":
							mc[mf.Alias] = true
						case "minimizedReason":
							mc[mf.Alias] = cm.MinimizedReason
						case "viewerCanMinimize":
							mc[mf.Alias] = true
						case "__typename":
							mc[mf.Alias] = "PullRequestReviewComment"
						default:
							g.unknownField(mf, "Minimizable")
						}
					}
					res[pf.Alias] = mc
				default:
					g.unknownField(pf, "MinimizeCommentPayload")
				}
			}
			out[f.Alias] = res
		default:
			g.unknownField(f, "Mutation")
		}
	}
	return out
}

// MinimizedComments returns the node IDs of minimized review comments.
func (s *Server) MinimizedComments() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for id, c := range s.nodes {
		if c.Minimized {
			out = append(out, id)
		}
	}
	return out
}
