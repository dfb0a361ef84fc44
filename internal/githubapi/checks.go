package githubapi

import (
	"context"
	"fmt"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// Check-run limits enforced by GitHub.
const (
	MaxAnnotationsPerRequest = 50
	MaxOutputChars           = 65535 // output.summary and output.text
	maxAnnotationTitle       = 255
	maxAnnotationMessage     = 64 << 10
)

// CheckRunInput creates or updates a check run. Zero fields are not sent.
type CheckRunInput struct {
	Name        string // required on create
	HeadSHA     string // required on create, ignored on update
	ExternalID  string
	DetailsURL  string
	Status      string // queued, in_progress, completed
	Conclusion  string // success, failure, neutral, cancelled, skipped, timed_out, action_required
	StartedAt   time.Time
	CompletedAt time.Time
	Output      *CheckOutput
}

// CheckOutput is a check run's output. Summary and Text are truncated to
// 65,535 characters; any number of annotations may be given (they are sent
// in batches of 50, which GitHub appends).
type CheckOutput struct {
	Title       string
	Summary     string
	Text        string
	Annotations []Annotation
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path        string
	StartLine   int
	EndLine     int
	StartColumn int // only when StartLine == EndLine
	EndColumn   int
	Level       string // notice, warning, failure
	Message     string
	Title       string
	RawDetails  string
}

// CheckRun is a check run as GitHub reports it.
type CheckRun struct {
	ID          int64
	Name        string
	HeadSHA     string
	ExternalID  string
	Status      string
	Conclusion  string
	StartedAt   time.Time
	CompletedAt time.Time
	HTMLURL     string
	AppID       int64
}

type checkRunBody struct {
	Name        string        `json:"name,omitempty"`
	HeadSHA     string        `json:"head_sha,omitempty"`
	ExternalID  string        `json:"external_id,omitempty"`
	DetailsURL  string        `json:"details_url,omitempty"`
	Status      string        `json:"status,omitempty"`
	Conclusion  string        `json:"conclusion,omitempty"`
	StartedAt   *time.Time    `json:"started_at,omitempty"`
	CompletedAt *time.Time    `json:"completed_at,omitempty"`
	Output      *checkOutBody `json:"output,omitempty"`
}

type checkOutBody struct {
	Title       string           `json:"title,omitempty"`
	Summary     string           `json:"summary"`
	Text        string           `json:"text,omitempty"`
	Annotations []annotationBody `json:"annotations,omitempty"`
}

type annotationBody struct {
	Path            string `json:"path"`
	StartLine       int    `json:"start_line"`
	EndLine         int    `json:"end_line"`
	StartColumn     int    `json:"start_column,omitempty"`
	EndColumn       int    `json:"end_column,omitempty"`
	AnnotationLevel string `json:"annotation_level"`
	Message         string `json:"message"`
	Title           string `json:"title,omitempty"`
	RawDetails      string `json:"raw_details,omitempty"`
}

// CreateCheckRun creates a check run. With more than 50 annotations, the run
// is created with the first 50 and PATCHed with the rest in batches of 50;
// status/conclusion are sent with the last request.
func (c *Client) CreateCheckRun(ctx context.Context, owner, repo string, in CheckRunInput) (*CheckRun, error) {
	if in.Name == "" || in.HeadSHA == "" {
		return nil, fmt.Errorf("githubapi: CreateCheckRun needs Name and HeadSHA")
	}
	bodies := checkRunBodies(in, true)
	run, err := c.sendCheckRun(ctx, "POST", fmt.Sprintf("repos/%s/%s/check-runs", url.PathEscape(owner), url.PathEscape(repo)),
		"POST /repos/{owner}/{repo}/check-runs", bodies[0])
	if err != nil {
		return nil, err
	}
	if len(bodies) == 1 {
		return run, nil
	}
	return c.patchCheckRun(ctx, owner, repo, run.ID, bodies[1:])
}

// UpdateCheckRun updates a check run, sending annotations in batches of 50
// (status/conclusion with the last batch).
func (c *Client) UpdateCheckRun(ctx context.Context, owner, repo string, checkRunID int64, in CheckRunInput) (*CheckRun, error) {
	return c.patchCheckRun(ctx, owner, repo, checkRunID, checkRunBodies(in, false))
}

func (c *Client) patchCheckRun(ctx context.Context, owner, repo string, id int64, bodies []checkRunBody) (*CheckRun, error) {
	var run *CheckRun
	u := fmt.Sprintf("repos/%s/%s/check-runs/%d", url.PathEscape(owner), url.PathEscape(repo), id)
	for _, b := range bodies {
		var err error
		run, err = c.sendCheckRun(ctx, "PATCH", u, "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", b)
		if err != nil {
			return nil, err
		}
	}
	return run, nil
}

func (c *Client) sendCheckRun(ctx context.Context, method, u, route string, body checkRunBody) (*CheckRun, error) {
	var cr github.CheckRun
	err := c.write(ctx, route, func(ctx context.Context) (*github.Response, error) {
		req, err := c.gh.NewRequest(method, u, body)
		if err != nil {
			return nil, err
		}
		return c.gh.Do(ctx, req, &cr)
	})
	if err != nil {
		return nil, err
	}
	return convertCheckRun(&cr), nil
}

// checkRunBodies splits an input into requests carrying at most 50
// annotations each. The first request carries the identity fields; the last
// carries status, conclusion and completed_at.
func checkRunBodies(in CheckRunInput, create bool) []checkRunBody {
	first := checkRunBody{ExternalID: in.ExternalID, DetailsURL: in.DetailsURL, Name: in.Name}
	if create {
		first.HeadSHA = in.HeadSHA
	}
	if !in.StartedAt.IsZero() {
		t := in.StartedAt.UTC()
		first.StartedAt = &t
	}
	var batches [][]annotationBody
	var out *checkOutBody
	if in.Output != nil {
		out = &checkOutBody{
			Title:   truncateChars(in.Output.Title, maxAnnotationTitle*4),
			Summary: truncateChars(in.Output.Summary, MaxOutputChars),
			Text:    truncateChars(in.Output.Text, MaxOutputChars),
		}
		if out.Title == "" {
			out.Title = in.Name
		}
		anns := make([]annotationBody, 0, len(in.Output.Annotations))
		for _, a := range in.Output.Annotations {
			anns = append(anns, convertAnnotation(a))
		}
		for len(anns) > 0 {
			n := min(len(anns), MaxAnnotationsPerRequest)
			batches = append(batches, anns[:n])
			anns = anns[n:]
		}
	}
	bodies := []checkRunBody{first}
	if out != nil {
		o := *out
		if len(batches) > 0 {
			o.Annotations = batches[0]
		}
		bodies[0].Output = &o
		for i := 1; i < len(batches); i++ {
			b := batches[i]
			ob := *out
			ob.Annotations = b
			bodies = append(bodies, checkRunBody{Output: &ob})
		}
	}
	final := in.Status == "completed" || in.Conclusion != ""
	last := &bodies[len(bodies)-1]
	switch {
	case len(bodies) == 1:
		last.Status = in.Status
	case final && create:
		bodies[0].Status = "in_progress" // open until the last batch lands
		last.Status = in.Status
	case final:
		last.Status = in.Status
	default:
		bodies[0].Status = in.Status
	}
	last.Conclusion = in.Conclusion
	if !in.CompletedAt.IsZero() {
		t := in.CompletedAt.UTC()
		last.CompletedAt = &t
	}
	return bodies
}

func convertAnnotation(a Annotation) annotationBody {
	level := a.Level
	if level == "" {
		level = "warning"
	}
	end := a.EndLine
	if end < a.StartLine {
		end = a.StartLine
	}
	ab := annotationBody{
		Path: a.Path, StartLine: a.StartLine, EndLine: end, AnnotationLevel: level,
		Message:    truncateBytes(a.Message, maxAnnotationMessage),
		Title:      truncateChars(a.Title, maxAnnotationTitle),
		RawDetails: truncateBytes(a.RawDetails, maxAnnotationMessage),
	}
	if a.StartLine == end {
		ab.StartColumn, ab.EndColumn = a.StartColumn, a.EndColumn
	}
	return ab
}

// ListCheckRunsForRef lists check runs on a commit, filtered by name (if
// non-empty) and by this App, all pages (for the stale-run sweep).
func (c *Client) ListCheckRunsForRef(ctx context.Context, owner, repo, ref, name string) ([]CheckRun, error) {
	appID := c.cs.cfg.AppID
	opts := &github.ListCheckRunsOptions{AppID: &appID, Filter: github.String("all"), ListOptions: github.ListOptions{PerPage: 100, Page: 1}}
	if name != "" {
		opts.CheckName = github.String(name)
	}
	var out []CheckRun
	for {
		var res *github.ListCheckRunsResults
		var next int
		err := c.read(ctx, "GET /repos/{owner}/{repo}/commits/{ref...}/check-runs", func(ctx context.Context) (r *github.Response, err error) {
			res, r, err = c.gh.Checks.ListCheckRunsForRef(ctx, owner, repo, ref, opts)
			if r != nil {
				next = r.NextPage
			}
			return r, err
		})
		if err != nil {
			return nil, err
		}
		if res == nil {
			break
		}
		for _, cr := range res.CheckRuns {
			out = append(out, *convertCheckRun(cr))
		}
		if next == 0 || len(res.CheckRuns) == 0 || next <= opts.Page {
			break
		}
		opts.Page = next
	}
	return out, nil
}

func convertCheckRun(cr *github.CheckRun) *CheckRun {
	return &CheckRun{
		ID:          cr.GetID(),
		Name:        cr.GetName(),
		HeadSHA:     cr.GetHeadSHA(),
		ExternalID:  cr.GetExternalID(),
		Status:      cr.GetStatus(),
		Conclusion:  cr.GetConclusion(),
		StartedAt:   cr.GetStartedAt().Time,
		CompletedAt: cr.GetCompletedAt().Time,
		HTMLURL:     cr.GetHTMLURL(),
		AppID:       cr.GetApp().GetID(),
	}
}

// truncateChars cuts s to at most n characters (runes), marking the cut.
func truncateChars(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	const mark = "\n… (truncated)"
	keep := n - utf8.RuneCountInString(mark)
	i := 0
	for j := range s {
		if i == keep {
			return s[:j] + mark
		}
		i++
	}
	return s
}

// truncateBytes cuts s to at most n bytes on a rune boundary.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
