package fakegithub

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// MaxFiles is GitHub's cap on files listed for a pull request.
const MaxFiles = 3000

func (s *Server) appJSON() map[string]any {
	return map[string]any{
		"id": s.appID, "slug": s.appSlug, "name": s.appSlug, "client_id": s.clientID, "node_id": fmt.Sprintf("A_%d", s.appID),
		"owner": map[string]any{"login": "hotpath-app", "type": "Organization"},
	}
}

func (s *Server) installationJSON(inst *installation) map[string]any {
	m := map[string]any{
		"id": inst.id, "app_id": s.appID, "app_slug": s.appSlug, "target_type": "Organization",
		"account":     map[string]any{"login": inst.account, "type": "Organization"},
		"permissions": map[string]string{"pull_requests": "write", "checks": "write", "contents": "read", "metadata": "read"},
	}
	if inst.suspended {
		m["suspended_at"] = time.Now().UTC().Format(time.RFC3339)
	}
	return m
}

// serveApp handles the JWT-authenticated endpoints. Caller holds s.mu.
func (s *Server) serveApp(c *reqCtx) {
	switch c.route {
	case ghroute.App:
		c.json(http.StatusOK, s.appJSON())
	case ghroute.Installation, ghroute.AccessTokens:
		id, _ := strconv.ParseInt(c.params["installation_id"], 10, 64)
		inst := s.installations[id]
		if inst == nil {
			c.message(http.StatusNotFound, "Not Found")
			return
		}
		if c.route == ghroute.Installation {
			c.json(http.StatusOK, s.installationJSON(inst))
			return
		}
		if inst.suspended {
			c.message(http.StatusForbidden, "This installation has been suspended")
			return
		}
		tok := &token{value: "ghs_" + base64.RawURLEncoding.EncodeToString(randBytes(27)), installationID: id, expiresAt: time.Now().Add(s.tokenTTL)}
		s.tokens[tok.value] = tok
		c.json(http.StatusCreated, map[string]any{
			"token": tok.value, "expires_at": tok.expiresAt.UTC().Format(time.RFC3339),
			"permissions":          map[string]string{"pull_requests": "write", "checks": "write", "contents": "read", "metadata": "read"},
			"repository_selection": "all",
		})
	case ghroute.RepoInstallation:
		r := s.repos[repoKey(c.params["owner"], c.params["repo"])]
		if r == nil || s.installations[r.installationID] == nil {
			c.message(http.StatusNotFound, "Not Found")
			return
		}
		c.json(http.StatusOK, s.installationJSON(s.installations[r.installationID]))
	default:
		c.message(http.StatusNotFound, "Not Found")
	}
}

// serveRepo handles installation-token endpoints under /repos. Caller holds s.mu.
func (s *Server) serveRepo(c *reqCtx) {
	r := s.repos[repoKey(c.params["owner"], c.params["repo"])]
	if r == nil || r.installationID != c.inst {
		c.message(http.StatusNotFound, "Not Found")
		return
	}
	switch c.route {
	case ghroute.PullGet, ghroute.PullFiles, ghroute.PullComments, ghroute.PullReviews, ghroute.PullReviewCreate:
		n, _ := strconv.Atoi(c.params["number"])
		p := r.pulls[n]
		if p == nil {
			c.message(http.StatusNotFound, "Not Found")
			return
		}
		switch c.route {
		case ghroute.PullGet:
			c.json(http.StatusOK, s.pullJSON(c, r, p))
		case ghroute.PullFiles:
			s.listFiles(c, r, p)
		case ghroute.PullComments:
			s.listComments(c, r, p)
		case ghroute.PullReviews:
			s.listReviews(c, r, p)
		case ghroute.PullReviewCreate:
			s.createReview(c, r, p)
		}
	case ghroute.PullCommentDelete:
		s.deleteComment(c, r)
	case ghroute.Contents:
		s.getContents(c, r)
	case ghroute.Blob:
		s.getBlob(c, r)
	case ghroute.CheckRunCreate, ghroute.CheckRunUpdate:
		s.writeCheckRun(c, r)
	case ghroute.CheckRunGet:
		id, _ := strconv.ParseInt(c.params["check_run_id"], 10, 64)
		for _, cr := range r.checkRuns {
			if cr.ID == id {
				c.json(http.StatusOK, checkRunJSON(cr))
				return
			}
		}
		c.message(http.StatusNotFound, "Not Found")
	case ghroute.CheckRunsForRef:
		s.listCheckRuns(c, r)
	default:
		c.message(http.StatusNotFound, "Not Found")
	}
}

func (s *Server) repoJSON(r *repo) map[string]any {
	return map[string]any{
		"id": r.id, "name": r.name, "full_name": r.owner + "/" + r.name,
		"owner": map[string]any{"login": r.owner}, "default_branch": r.defaultBranch,
	}
}

func (s *Server) pullJSON(c *reqCtx, r *repo, p *pull) map[string]any {
	pr := p.pr
	files := p.files[pr.HeadSHA]
	adds, dels := 0, 0
	for _, f := range files {
		adds += f.Additions
		dels += f.Deletions
	}
	var headRepo any = s.repoJSON(r)
	switch {
	case pr.HeadRepoDeleted:
		headRepo = nil
	case pr.HeadRepo != "":
		owner, name, _ := strings.Cut(pr.HeadRepo, "/")
		headRepo = map[string]any{"id": r.id + 1_000_000, "name": name, "full_name": pr.HeadRepo, "owner": map[string]any{"login": owner}, "fork": true}
	}
	return map[string]any{
		"id": int64(pr.Number) + r.id*10000, "node_id": fmt.Sprintf("PR_%d_%d", r.id, pr.Number),
		"number": pr.Number, "title": pr.Title, "state": pr.State, "draft": pr.Draft, "merged": pr.Merged,
		"user":          map[string]any{"login": pr.Author, "type": "User"},
		"head":          map[string]any{"sha": pr.HeadSHA, "ref": pr.HeadRef, "label": pr.HeadRef, "repo": headRepo},
		"base":          map[string]any{"sha": pr.BaseSHA, "ref": pr.BaseRef, "label": pr.BaseRef, "repo": s.repoJSON(r)},
		"changed_files": len(files), "additions": adds, "deletions": dels,
		"html_url":   fmt.Sprintf("https://github.com/%s/%s/pull/%d", r.owner, r.name, pr.Number),
		"updated_at": time.Now().UTC().Format(time.RFC3339),
	}
}

// page applies per_page/page to n items and sets the Link header.
func page(c *reqCtx, n int) (lo, hi int) {
	q := c.r.URL.Query()
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = 30
	}
	if per > 100 {
		per = 100
	}
	pg, _ := strconv.Atoi(q.Get("page"))
	if pg <= 0 {
		pg = 1
	}
	last := max((n+per-1)/per, 1)
	link := func(p int, rel string) string {
		q2 := c.r.URL.Query()
		q2.Set("page", strconv.Itoa(p))
		q2.Set("per_page", strconv.Itoa(per))
		u := url.URL{Scheme: "http", Host: c.r.Host, Path: c.r.URL.Path, RawQuery: q2.Encode()}
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var links []string
	if pg < last {
		links = append(links, link(pg+1, "next"), link(last, "last"))
	}
	if pg > 1 {
		links = append(links, link(1, "first"), link(pg-1, "prev"))
	}
	if len(links) > 0 {
		c.w.Header().Set("Link", strings.Join(links, ", "))
	}
	lo = min((pg-1)*per, n)
	hi = min(lo+per, n)
	return lo, hi
}

func (s *Server) listFiles(c *reqCtx, r *repo, p *pull) {
	files := p.files[p.pr.HeadSHA]
	if len(files) > MaxFiles {
		files = files[:MaxFiles]
	}
	lo, hi := page(c, len(files))
	out := make([]map[string]any, 0, hi-lo)
	for _, f := range files[lo:hi] {
		m := map[string]any{
			"filename": f.Path, "status": f.Status, "additions": f.Additions, "deletions": f.Deletions,
			"changes": f.Additions + f.Deletions,
		}
		if sha, ok := r.lookupTree(p.pr.HeadSHA, f.Path); ok && f.Status != "removed" {
			m["sha"] = sha
		}
		if f.Patch != "" {
			m["patch"] = f.Patch
		}
		if f.PreviousPath != "" {
			m["previous_filename"] = f.PreviousPath
		}
		out = append(out, m)
	}
	c.json(http.StatusOK, out)
}

func (s *Server) commentJSON(r *repo, cm *comment) map[string]any {
	m := map[string]any{
		"id": cm.ID, "node_id": cm.NodeID, "pull_request_review_id": cm.ReviewID,
		"path": cm.Path, "side": cm.Side, "body": cm.Body,
		"commit_id": cm.CommitID, "original_commit_id": cm.OriginalCommitID, "original_line": cm.OriginalLine,
		"user":       map[string]any{"login": cm.Author, "type": cm.AuthorType},
		"created_at": cm.CreatedAt.UTC().Format(time.RFC3339), "updated_at": cm.CreatedAt.UTC().Format(time.RFC3339),
		"html_url":     fmt.Sprintf("https://github.com/%s/%s/pull/%d#discussion_r%d", r.owner, r.name, cm.number, cm.ID),
		"subject_type": "line",
	}
	if cm.Line != 0 {
		m["line"] = cm.Line
	} else {
		m["line"] = nil
	}
	if cm.StartLine != 0 {
		m["start_line"] = cm.StartLine
		m["start_side"] = cm.StartSide
	}
	if cm.InReplyTo != 0 {
		m["in_reply_to_id"] = cm.InReplyTo
	}
	return m
}

func (s *Server) listComments(c *reqCtx, r *repo, p *pull) {
	lo, hi := page(c, len(p.comments))
	out := make([]map[string]any, 0, hi-lo)
	for _, cm := range p.comments[lo:hi] {
		out = append(out, s.commentJSON(r, cm))
	}
	c.json(http.StatusOK, out)
}

func (s *Server) reviewJSON(r *repo, number int, rv *Review) map[string]any {
	return map[string]any{
		"id": rv.ID, "node_id": rv.NodeID, "body": rv.Body, "state": rv.State, "commit_id": rv.CommitID,
		"user":         map[string]any{"login": rv.Author, "type": "Bot"},
		"submitted_at": rv.CreatedAt.UTC().Format(time.RFC3339),
		"html_url":     fmt.Sprintf("https://github.com/%s/%s/pull/%d#pullrequestreview-%d", r.owner, r.name, number, rv.ID),
	}
}

func (s *Server) listReviews(c *reqCtx, r *repo, p *pull) {
	lo, hi := page(c, len(p.reviews))
	out := make([]map[string]any, 0, hi-lo)
	for _, rv := range p.reviews[lo:hi] {
		out = append(out, s.reviewJSON(r, p.pr.Number, rv))
	}
	c.json(http.StatusOK, out)
}

type draftComment struct {
	Path      string `json:"path"`
	Body      string `json:"body"`
	Position  *int   `json:"position"`
	Line      int    `json:"line"`
	Side      string `json:"side"`
	StartLine int    `json:"start_line"`
	StartSide string `json:"start_side"`
}

type reviewRequest struct {
	CommitID string         `json:"commit_id"`
	Body     string         `json:"body"`
	Event    string         `json:"event"`
	Comments []draftComment `json:"comments"`
}

// Review-comment validation messages (GitHub's wording).
const (
	MsgLineNotInDiff      = "pull_request_review_thread.line must be part of the diff"
	MsgStartLineNotInHunk = "pull_request_review_thread.start_line must be part of the same hunk as the line."
	MsgStartLineAfterEnd  = "pull_request_review_thread.start_line must precede the end line."
	MsgPathInvalid        = "pull_request_review_thread.path is invalid"
)

func threadError(field, msg string) map[string]any {
	return map[string]any{"resource": "PullRequestReviewThread", "code": "custom", "field": field, "message": msg}
}

func (s *Server) createReview(c *reqCtx, r *repo, p *pull) {
	var req reviewRequest
	if err := json.Unmarshal(c.body, &req); err != nil {
		c.message(http.StatusBadRequest, "Problems parsing JSON")
		return
	}
	switch req.Event {
	case "", "COMMENT", "APPROVE", "REQUEST_CHANGES":
	default:
		c.unprocessable("Validation Failed", fmt.Sprintf("event %q is not a valid review event", req.Event))
		return
	}
	if (req.Event == "REQUEST_CHANGES" || (req.Event == "COMMENT" && len(req.Comments) == 0)) && strings.TrimSpace(req.Body) == "" {
		c.unprocessable("Unprocessable Entity", "Review body is required")
		return
	}
	if utf8.RuneCountInString(req.Body) > 65536 {
		c.unprocessable("Validation Failed", "body is too long (maximum is 65536 characters)")
		return
	}
	commit := req.CommitID
	if commit == "" {
		commit = p.pr.HeadSHA
	}
	files, ok := p.files[commit]
	if !ok {
		c.unprocessable("Unprocessable Entity", "commit_id is not part of the pull request")
		return
	}
	// All-or-nothing: one bad anchor rejects the whole review.
	for _, d := range req.Comments {
		if d.Position != nil {
			c.unprocessable("Unprocessable Entity", "fakegithub: position-style review comments are not supported")
			return
		}
		if d.Side == "" {
			d.Side = "RIGHT"
		}
		if d.StartSide == "" {
			d.StartSide = d.Side
		}
		if utf8.RuneCountInString(d.Body) > 65536 {
			c.unprocessable("Validation Failed", "body is too long (maximum is 65536 characters)")
			return
		}
		var file *File
		for i := range files {
			if files[i].Path == d.Path {
				file = &files[i]
			}
		}
		if file == nil {
			c.unprocessable("Unprocessable Entity", threadError("pull_request_review_thread.path", MsgPathInvalid))
			return
		}
		hunks := parseHunks(file.Patch)
		end := hunkOf(hunks, d.Side, d.Line)
		if d.Line <= 0 || end < 0 || (d.Side != "RIGHT" && d.Side != "LEFT") {
			c.unprocessable("Unprocessable Entity", threadError("pull_request_review_thread.line", MsgLineNotInDiff))
			return
		}
		if d.StartLine != 0 {
			if d.StartSide == d.Side && d.StartLine >= d.Line {
				c.unprocessable("Unprocessable Entity", threadError("pull_request_review_thread.start_line", MsgStartLineAfterEnd))
				return
			}
			if hunkOf(hunks, d.StartSide, d.StartLine) != end {
				c.unprocessable("Unprocessable Entity", threadError("pull_request_review_thread.start_line", MsgStartLineNotInHunk))
				return
			}
		}
	}
	now := time.Now()
	rv := &Review{ID: s.id(), CommitID: commit, Body: req.Body, Event: req.Event, Author: s.BotLogin(), CreatedAt: now}
	rv.NodeID = fmt.Sprintf("PRR_%d", rv.ID)
	switch req.Event {
	case "":
		rv.State = "PENDING"
	case "COMMENT":
		rv.State = "COMMENTED"
	case "APPROVE":
		rv.State = "APPROVED"
	case "REQUEST_CHANGES":
		rv.State = "CHANGES_REQUESTED"
	}
	current := p.files[p.pr.HeadSHA]
	for _, d := range req.Comments {
		side := d.Side
		if side == "" {
			side = "RIGHT"
		}
		cm := &comment{number: p.pr.Number, repo: r, ReviewComment: ReviewComment{
			ID: s.id(), ReviewID: rv.ID, Path: d.Path, Line: d.Line, OriginalLine: d.Line, StartLine: d.StartLine,
			Side: side, CommitID: p.pr.HeadSHA, OriginalCommitID: commit, Body: d.Body,
			Author: s.BotLogin(), AuthorType: "Bot", CreatedAt: now,
		}}
		if d.StartLine != 0 {
			cm.StartSide = d.StartSide
			if cm.StartSide == "" {
				cm.StartSide = side
			}
		}
		if commit != p.pr.HeadSHA && !lineInDiff(current, d.Path, side, d.Line) {
			cm.Line, cm.StartLine = 0, 0
		}
		cm.NodeID = fmt.Sprintf("PRRC_%d", cm.ID)
		p.comments = append(p.comments, cm)
		s.nodes[cm.NodeID] = cm
		rv.CommentIDs = append(rv.CommentIDs, cm.ID)
	}
	p.reviews = append(p.reviews, rv)
	c.json(http.StatusOK, s.reviewJSON(r, p.pr.Number, rv))
}

func (s *Server) deleteComment(c *reqCtx, r *repo) {
	id, _ := strconv.ParseInt(c.params["comment_id"], 10, 64)
	for _, p := range r.pulls {
		for i, cm := range p.comments {
			if cm.ID != id {
				continue
			}
			p.comments = append(p.comments[:i], p.comments[i+1:]...)
			delete(s.nodes, cm.NodeID)
			s.deleted = append(s.deleted, cm.ReviewComment)
			c.status = http.StatusNoContent
			c.w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	c.message(http.StatusNotFound, "Not Found")
}

func wantsRaw(r *http.Request) bool {
	a := r.Header.Get("Accept")
	return strings.Contains(a, ".raw")
}

func (s *Server) getContents(c *reqCtx, r *repo) {
	path := c.params["path"]
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	ref := c.r.URL.Query().Get("ref")
	sha, ok := r.lookup(ref, path)
	if !ok {
		c.message(http.StatusNotFound, "Not Found")
		return
	}
	content := r.blobs[sha]
	if wantsRaw(c.r) {
		c.raw(http.StatusOK, "application/vnd.github.raw", content)
		return
	}
	name := path[strings.LastIndex(path, "/")+1:]
	c.json(http.StatusOK, map[string]any{
		"type": "file", "encoding": "base64", "size": len(content), "name": name, "path": path, "sha": sha,
		"content": base64.StdEncoding.EncodeToString(content),
	})
}

func (s *Server) getBlob(c *reqCtx, r *repo) {
	sha := c.params["file_sha"]
	content, ok := r.blobs[sha]
	if !ok {
		c.message(http.StatusNotFound, "Not Found")
		return
	}
	if wantsRaw(c.r) {
		c.raw(http.StatusOK, "application/vnd.github.raw", content)
		return
	}
	c.json(http.StatusOK, map[string]any{"sha": sha, "size": len(content), "encoding": "base64", "content": base64.StdEncoding.EncodeToString(content)})
}

// ---- check runs ----

type checkRunRequest struct {
	Name        *string    `json:"name"`
	HeadSHA     *string    `json:"head_sha"`
	ExternalID  *string    `json:"external_id"`
	DetailsURL  *string    `json:"details_url"`
	Status      *string    `json:"status"`
	Conclusion  *string    `json:"conclusion"`
	StartedAt   *time.Time `json:"started_at"`
	CompletedAt *time.Time `json:"completed_at"`
	Output      *struct {
		Title       *string           `json:"title"`
		Summary     *string           `json:"summary"`
		Text        *string           `json:"text"`
		Annotations []json.RawMessage `json:"annotations"`
	} `json:"output"`
}

var conclusions = map[string]bool{"action_required": true, "cancelled": true, "failure": true, "neutral": true, "success": true, "skipped": true, "timed_out": true}

func (s *Server) writeCheckRun(c *reqCtx, r *repo) {
	var req checkRunRequest
	if err := json.Unmarshal(c.body, &req); err != nil {
		c.message(http.StatusBadRequest, "Problems parsing JSON")
		return
	}
	invalid := func(msg string) { c.unprocessable("Invalid request.\n\n" + msg) }
	create := c.route == ghroute.CheckRunCreate
	var cr *CheckRun
	if create {
		if req.Name == nil || *req.Name == "" {
			invalid(`"name" wasn't supplied.`)
			return
		}
		if req.HeadSHA == nil || *req.HeadSHA == "" {
			invalid(`"head_sha" wasn't supplied.`)
			return
		}
	} else {
		id, _ := strconv.ParseInt(c.params["check_run_id"], 10, 64)
		for _, x := range r.checkRuns {
			if x.ID == id {
				cr = x
			}
		}
		if cr == nil {
			c.message(http.StatusNotFound, "Not Found")
			return
		}
		if req.Name != nil && *req.Name == "" {
			invalid(`"name" must not be empty.`)
			return
		}
	}
	if req.Status != nil {
		switch *req.Status {
		case "queued", "in_progress", "completed":
		default:
			invalid(fmt.Sprintf("%q is not a member of [\"queued\", \"in_progress\", \"completed\"].", *req.Status))
			return
		}
	}
	if req.Conclusion != nil && !conclusions[*req.Conclusion] {
		invalid(fmt.Sprintf("%q is not a valid conclusion.", *req.Conclusion))
		return
	}
	if req.Status != nil && *req.Status == "completed" && req.Conclusion == nil {
		invalid(`"conclusion" wasn't supplied.`)
		return
	}
	var anns []Annotation
	if o := req.Output; o != nil {
		if o.Summary == nil {
			invalid(`"summary" wasn't supplied.`)
			return
		}
		if create && o.Title == nil {
			invalid(`"title" wasn't supplied.`)
			return
		}
		for _, txt := range []*string{o.Summary, o.Text} {
			if txt != nil && utf8.RuneCountInString(*txt) > 65535 {
				invalid(fmt.Sprintf("Only 65535 characters are allowed; %d were supplied.", utf8.RuneCountInString(*txt)))
				return
			}
		}
		if len(o.Annotations) > 50 {
			invalid(fmt.Sprintf("For 'properties/annotations', %d items were supplied; the maximum is 50.", len(o.Annotations)))
			return
		}
		for _, raw := range o.Annotations {
			var a Annotation
			if err := json.Unmarshal(raw, &a); err != nil {
				invalid("annotation is not an object.")
				return
			}
			if a.Path == "" || a.StartLine <= 0 || a.EndLine <= 0 || a.Message == "" {
				invalid(`annotation is missing "path", "start_line", "end_line" or "message".`)
				return
			}
			if a.EndLine < a.StartLine {
				invalid("annotation end_line must not precede start_line.")
				return
			}
			switch a.Level {
			case "notice", "warning", "failure":
			default:
				invalid(fmt.Sprintf("%q is not a valid annotation_level.", a.Level))
				return
			}
			if (a.StartColumn != 0 || a.EndColumn != 0) && a.StartLine != a.EndLine {
				invalid("start_column and end_column may only be given when start_line equals end_line.")
				return
			}
			if utf8.RuneCountInString(a.Title) > 255 {
				invalid("annotation title is too long (maximum is 255 characters).")
				return
			}
			if len(a.Message) > 64<<10 || len(a.RawDetails) > 64<<10 {
				invalid("annotation message or raw_details is larger than 64 kB.")
				return
			}
			anns = append(anns, a)
		}
	}
	status := http.StatusOK
	if create {
		cr = &CheckRun{ID: s.id(), Name: *req.Name, HeadSHA: *req.HeadSHA, Status: "queued", AppID: s.appID}
		r.checkRuns = append(r.checkRuns, cr)
		status = http.StatusCreated
	}
	cr.Requests++
	if req.Name != nil && !create {
		cr.Name = *req.Name
	}
	if req.ExternalID != nil {
		cr.ExternalID = *req.ExternalID
	}
	if req.DetailsURL != nil {
		cr.DetailsURL = *req.DetailsURL
	}
	if req.StartedAt != nil {
		cr.StartedAt = *req.StartedAt
	}
	if req.Status != nil {
		cr.Status = *req.Status
		if cr.Status == "in_progress" && cr.StartedAt.IsZero() {
			cr.StartedAt = time.Now()
		}
	}
	if req.Conclusion != nil {
		cr.Conclusion = *req.Conclusion
		cr.Status = "completed"
		cr.CompletedAt = time.Now()
	}
	if req.CompletedAt != nil {
		cr.CompletedAt = *req.CompletedAt
	}
	if o := req.Output; o != nil {
		if o.Title != nil {
			cr.Title = *o.Title
		}
		cr.Summary = *o.Summary
		if o.Text != nil {
			cr.Text = *o.Text
		}
		cr.Annotations = append(cr.Annotations, anns...)
	}
	c.json(status, checkRunJSON(cr))
}

func checkRunJSON(cr *CheckRun) map[string]any {
	m := map[string]any{
		"id": cr.ID, "node_id": fmt.Sprintf("CR_%d", cr.ID), "name": cr.Name, "head_sha": cr.HeadSHA,
		"external_id": cr.ExternalID, "details_url": cr.DetailsURL, "status": cr.Status,
		"html_url": fmt.Sprintf("https://github.com/checks/%d", cr.ID),
		"app":      map[string]any{"id": cr.AppID},
		"output": map[string]any{"title": cr.Title, "summary": cr.Summary, "text": cr.Text,
			"annotations_count": len(cr.Annotations)},
	}
	if cr.Conclusion != "" {
		m["conclusion"] = cr.Conclusion
	} else {
		m["conclusion"] = nil
	}
	if !cr.StartedAt.IsZero() {
		m["started_at"] = cr.StartedAt.UTC().Format(time.RFC3339)
	}
	if !cr.CompletedAt.IsZero() {
		m["completed_at"] = cr.CompletedAt.UTC().Format(time.RFC3339)
	}
	return m
}

func (s *Server) listCheckRuns(c *reqCtx, r *repo) {
	ref := c.params["ref"]
	if sha, ok := r.branches[ref]; ok {
		ref = sha
	}
	q := c.r.URL.Query()
	var runs []*CheckRun
	for _, cr := range r.checkRuns {
		if cr.HeadSHA != ref {
			continue
		}
		if n := q.Get("check_name"); n != "" && cr.Name != n {
			continue
		}
		if st := q.Get("status"); st != "" && cr.Status != st {
			continue
		}
		if a := q.Get("app_id"); a != "" && a != strconv.FormatInt(cr.AppID, 10) {
			continue
		}
		runs = append(runs, cr)
	}
	if q.Get("filter") != "all" {
		// latest: the most recent run per name.
		latest := map[string]*CheckRun{}
		for _, cr := range runs {
			if prev := latest[cr.Name]; prev == nil || cr.ID > prev.ID {
				latest[cr.Name] = cr
			}
		}
		runs = runs[:0]
		for _, cr := range latest {
			runs = append(runs, cr)
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].ID > runs[j].ID })
	lo, hi := page(c, len(runs))
	out := make([]map[string]any, 0, hi-lo)
	for _, cr := range runs[lo:hi] {
		out = append(out, checkRunJSON(cr))
	}
	c.json(http.StatusOK, map[string]any{"total_count": len(runs), "check_runs": out})
}
