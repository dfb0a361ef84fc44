package githubapi

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// ReviewComment is a pull request review comment (an inline comment).
type ReviewComment struct {
	ID               int64
	NodeID           string // for MinimizeComment
	ReviewID         int64
	InReplyTo        int64 // non-zero for replies
	Path             string
	Line             int // 0 when the comment no longer maps to the current diff (outdated)
	StartLine        int
	Side             string
	OriginalLine     int
	CommitID         string
	OriginalCommitID string
	Body             string
	AuthorLogin      string
	AuthorType       string // "Bot", "User"
	HTMLURL          string
	CreatedAt        time.Time
	UpdatedAt        time.Time
	// Replies counts the comments replying to this one (any author).
	Replies int
	// HumanReplies counts replies whose author is not this comment's author.
	HumanReplies int
}

// Outdated reports whether GitHub no longer maps the comment onto the
// current diff.
func (r *ReviewComment) Outdated() bool { return r.Line == 0 }

// ListReviewComments lists all review comments of a pull request (100 per
// page), with reply counts filled in.
func (c *Client) ListReviewComments(ctx context.Context, owner, repo string, number int) ([]ReviewComment, error) {
	var out []ReviewComment
	opts := &github.PullRequestListCommentsOptions{Sort: "created", Direction: "asc", ListOptions: github.ListOptions{PerPage: 100, Page: 1}}
	for {
		var page []*github.PullRequestComment
		var next int
		err := c.read(ctx, "GET /repos/{owner}/{repo}/pulls/{number}/comments", func(ctx context.Context) (r *github.Response, err error) {
			page, r, err = c.gh.PullRequests.ListComments(ctx, owner, repo, number, opts)
			if r != nil {
				next = r.NextPage
			}
			return r, err
		})
		if err != nil {
			return nil, err
		}
		for _, pc := range page {
			out = append(out, convertComment(pc))
		}
		if next == 0 || len(page) == 0 || next <= opts.Page {
			break
		}
		opts.Page = next
	}
	index := make(map[int64]int, len(out))
	for i := range out {
		index[out[i].ID] = i
	}
	for _, rc := range out {
		if rc.InReplyTo == 0 {
			continue
		}
		if i, ok := index[rc.InReplyTo]; ok {
			out[i].Replies++
			if !strings.EqualFold(rc.AuthorLogin, out[i].AuthorLogin) {
				out[i].HumanReplies++
			}
		}
	}
	return out, nil
}

// ListOwnReviewComments lists the review comments written by the App (author
// login botLogin, e.g. "hotpath[bot]"); with botLogin "" the login is learned
// once via GET /app. Reply counts include other authors' replies.
func (c *Client) ListOwnReviewComments(ctx context.Context, owner, repo string, number int, botLogin string) ([]ReviewComment, error) {
	if botLogin == "" {
		app, err := c.cs.App(ctx)
		if err != nil {
			return nil, fmt.Errorf("learn the App's bot login: %w", err)
		}
		botLogin = app.BotLogin
	}
	all, err := c.ListReviewComments(ctx, owner, repo, number)
	if err != nil {
		return nil, err
	}
	own := all[:0:0]
	for _, rc := range all {
		if strings.EqualFold(rc.AuthorLogin, botLogin) {
			own = append(own, rc)
		}
	}
	return own, nil
}

func convertComment(pc *github.PullRequestComment) ReviewComment {
	return ReviewComment{
		ID:               pc.GetID(),
		NodeID:           pc.GetNodeID(),
		ReviewID:         pc.GetPullRequestReviewID(),
		InReplyTo:        pc.GetInReplyTo(),
		Path:             pc.GetPath(),
		Line:             pc.GetLine(),
		StartLine:        pc.GetStartLine(),
		Side:             pc.GetSide(),
		OriginalLine:     pc.GetOriginalLine(),
		CommitID:         pc.GetCommitID(),
		OriginalCommitID: pc.GetOriginalCommitID(),
		Body:             pc.GetBody(),
		AuthorLogin:      pc.GetUser().GetLogin(),
		AuthorType:       pc.GetUser().GetType(),
		HTMLURL:          pc.GetHTMLURL(),
		CreatedAt:        pc.GetCreatedAt().Time,
		UpdatedAt:        pc.GetUpdatedAt().Time,
	}
}

// Review event values.
const (
	EventComment        = "COMMENT"
	EventApprove        = "APPROVE"
	EventRequestChanges = "REQUEST_CHANGES"
)

// ReviewInput is a review to create in one request.
type ReviewInput struct {
	CommitID string // the head SHA that was analysed (required)
	Body     string
	Event    string // default COMMENT
	Comments []DraftComment
}

// DraftComment is an inline comment of a review, anchored with line/side
// (+ start_line/start_side for ranges).
type DraftComment struct {
	Path      string
	Body      string
	Line      int    // last line of the range, in the head file when Side is RIGHT
	Side      string // default RIGHT
	StartLine int    // 0 for single-line comments; must be < Line, same hunk
	StartSide string // default Side
}

// Review is a pull request review.
type Review struct {
	ID          int64
	NodeID      string
	HTMLURL     string
	State       string // COMMENTED, APPROVED, CHANGES_REQUESTED, DISMISSED, PENDING
	CommitID    string
	Body        string
	AuthorLogin string
	SubmittedAt time.Time
}

func convertReview(rv *github.PullRequestReview) Review {
	return Review{
		ID: rv.GetID(), NodeID: rv.GetNodeID(), HTMLURL: rv.GetHTMLURL(), State: rv.GetState(),
		CommitID: rv.GetCommitID(), Body: rv.GetBody(), AuthorLogin: rv.GetUser().GetLogin(),
		SubmittedAt: rv.GetSubmittedAt().Time,
	}
}

// ListOwnReviews lists the reviews the App submitted on a pull request (all
// pages), e.g. to find a body-only review already posted for a head SHA.
// botLogin "" is learned via GET /app.
func (c *Client) ListOwnReviews(ctx context.Context, owner, repo string, number int, botLogin string) ([]Review, error) {
	if botLogin == "" {
		app, err := c.cs.App(ctx)
		if err != nil {
			return nil, fmt.Errorf("learn the App's bot login: %w", err)
		}
		botLogin = app.BotLogin
	}
	var out []Review
	opts := &github.ListOptions{PerPage: 100, Page: 1}
	for {
		var page []*github.PullRequestReview
		var next int
		err := c.read(ctx, "GET /repos/{owner}/{repo}/pulls/{number}/reviews", func(ctx context.Context) (r *github.Response, err error) {
			page, r, err = c.gh.PullRequests.ListReviews(ctx, owner, repo, number, opts)
			if r != nil {
				next = r.NextPage
			}
			return r, err
		})
		if err != nil {
			return nil, err
		}
		for _, rv := range page {
			if strings.EqualFold(rv.GetUser().GetLogin(), botLogin) {
				out = append(out, convertReview(rv))
			}
		}
		if next == 0 || len(page) == 0 || next <= opts.Page {
			return out, nil
		}
		opts.Page = next
	}
}

// CreateReview posts a review with its comments in one request. When any
// anchor is outside the diff GitHub rejects the whole review with 422, which
// is returned as *UnprocessableError so the caller can retry without the bad
// anchors.
func (c *Client) CreateReview(ctx context.Context, owner, repo string, number int, in ReviewInput) (*Review, error) {
	if in.CommitID == "" {
		return nil, fmt.Errorf("githubapi: CreateReview needs CommitID (the analysed head SHA)")
	}
	req := &github.PullRequestReviewRequest{
		CommitID: github.String(in.CommitID),
		Event:    github.String(in.Event),
	}
	if in.Event == "" {
		req.Event = github.String(EventComment)
	}
	if in.Body != "" {
		req.Body = github.String(in.Body)
	}
	for _, d := range in.Comments {
		side := d.Side
		if side == "" {
			side = "RIGHT"
		}
		dc := &github.DraftReviewComment{
			Path: github.String(d.Path),
			Body: github.String(d.Body),
			Line: github.Int(d.Line),
			Side: github.String(side),
		}
		if d.StartLine > 0 && d.StartLine != d.Line {
			startSide := d.StartSide
			if startSide == "" {
				startSide = side
			}
			dc.StartLine = github.Int(d.StartLine)
			dc.StartSide = github.String(startSide)
		}
		req.Comments = append(req.Comments, dc)
	}
	var rv *github.PullRequestReview
	err := c.write(ctx, "POST /repos/{owner}/{repo}/pulls/{number}/reviews", func(ctx context.Context) (r *github.Response, err error) {
		rv, r, err = c.gh.PullRequests.CreateReview(ctx, owner, repo, number, req)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	out := convertReview(rv)
	return &out, nil
}

// DeleteReviewComment deletes a review comment. ErrNotFound when it is
// already gone.
func (c *Client) DeleteReviewComment(ctx context.Context, owner, repo string, commentID int64) error {
	return c.write(ctx, "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}", func(ctx context.Context) (*github.Response, error) {
		return c.gh.PullRequests.DeleteComment(ctx, owner, repo, commentID)
	})
}

// Minimize classifiers for MinimizeComment.
const (
	ClassifierOutdated  = "OUTDATED"
	ClassifierResolved  = "RESOLVED"
	ClassifierDuplicate = "DUPLICATE"
)

const minimizeMutation = `mutation($id:ID!,$classifier:ReportedContentClassifiers!){minimizeComment(input:{subjectId:$id,classifier:$classifier}){minimizedComment{isMinimized minimizedReason}}}`

// MinimizeComment hides a comment (by node ID) with a classifier, default
// OUTDATED, via the GraphQL minimizeComment mutation.
func (c *Client) MinimizeComment(ctx context.Context, nodeID, classifier string) error {
	if classifier == "" {
		classifier = ClassifierOutdated
	}
	var data struct {
		MinimizeComment struct {
			MinimizedComment struct {
				IsMinimized bool `json:"isMinimized"`
			} `json:"minimizedComment"`
		} `json:"minimizeComment"`
	}
	if err := c.graphQL(ctx, true, minimizeMutation, map[string]any{"id": nodeID, "classifier": classifier}, &data); err != nil {
		return err
	}
	if !data.MinimizeComment.MinimizedComment.IsMinimized {
		return &APIError{Route: "POST /graphql", Status: 200, Message: "minimizeComment did not minimize the comment"}
	}
	return nil
}
