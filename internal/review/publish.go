package review

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/hotpath-app/hotpath/comments"
	"github.com/hotpath-app/hotpath/internal/githubapi"
)

// maxChunkTries is the number of reviews posted again without one chunk
// of suspect comments after a 422; one more review without any inline
// comment may follow. With up to three comments each chunk is a single
// comment, so one bad anchor is found exactly.
const maxChunkTries = 3

// postResult is the outcome of posting a review.
type postResult struct {
	review   *githubapi.Review
	inline   int
	rejected []comments.Anchored
	fallback bool
	// refused is GitHub's 422 for a review without any inline comment: no
	// review could be posted; the check run still lists every finding.
	refused error
}

func (r postResult) notes() []string {
	var out []string
	if n := len(r.rejected); n > 0 && r.review != nil {
		out = append(out, fmt.Sprintf("GitHub refused the position of %d inline comment(s); those findings are listed in the review body instead.", n))
	}
	if r.refused != nil {
		out = append(out, "GitHub refused the review ("+describe(r.refused)+"); the findings are reported only in this check run.")
	}
	return out
}

// post publishes one review with the planned comments. On a 422 it posts
// again without suspect comments (moved to the body as Rejected): first
// excluding chunks of comments, most suspect first, then with no inline
// comment at all.
func (p *pass) post(ctx context.Context, plan comments.Plan, diffs map[string]*comments.FileDiff, maxComments int) (postResult, error) {
	var res postResult
	valid, rejected := validate(plan.Post, diffs)
	try := func(post []comments.Comment, rej []comments.Anchored) (*githubapi.Review, error) {
		in := githubapi.ReviewInput{
			CommitID: p.job.HeadSHA,
			Event:    comments.ReviewEvent,
			Body: comments.ReviewBody(comments.ReviewInput{
				HeadSHA: p.job.HeadSHA, RepoURL: p.r.repoURL(p.job.Owner, p.job.Repo),
				Inline: len(post), AlreadyPosted: len(plan.AlreadyPosted), MaxComments: maxComments,
				Overflow: plan.Overflow, Rejected: rej,
			}),
		}
		for _, c := range post {
			in.Comments = append(in.Comments, githubapi.DraftComment{
				Path: c.Path, Body: c.Body, Line: c.Line, Side: comments.Side, StartLine: c.StartLine,
			})
		}
		rv, err := p.gh.CreateReview(ctx, p.job.Owner, p.job.Repo, p.job.Number, in)
		if err == nil {
			p.r.m.posted.Add(float64(len(post)))
			p.r.m.toPost.Observe(time.Since(p.t0).Seconds())
			res.review, res.inline, res.rejected = rv, len(post), rej
		}
		return rv, err
	}
	_, err := try(valid, rejected)
	if tooQuickly(err) {
		return res, &RateLimitedError{Err: err, Wait: githubapi.SecondaryFallbackWait}
	}
	ue, ok := unprocessable(err)
	if !ok {
		return res, err // nil, or an error to retry / classify
	}
	res.fallback = true
	p.r.m.fallbacks.Inc()
	p.log.Warn("review: GitHub rejected the review; posting again without suspect comments", "error", err)

	if anchorError(ue) && len(valid) > 1 {
		suspects := suspicionOrder(valid, diffs, rangeError(ue))
		for _, chunk := range chunks(suspects, min(maxChunkTries, len(suspects))) {
			keep := without(valid, chunk)
			_, err := try(keep, append(append([]comments.Anchored(nil), rejected...), anchoredOf(chunk)...))
			if tooQuickly(err) {
				return res, &RateLimitedError{Err: err, Wait: githubapi.SecondaryFallbackWait}
			}
			if _, ok := unprocessable(err); !ok {
				return res, err
			}
		}
	}
	// Last resort: every finding in the body, no inline comment.
	_, err = try(nil, append(append([]comments.Anchored(nil), rejected...), anchoredOf(valid)...))
	if tooQuickly(err) {
		return res, &RateLimitedError{Err: err, Wait: githubapi.SecondaryFallbackWait}
	}
	if ue, ok := unprocessable(err); ok {
		res.refused = ue
		p.log.Warn("review: GitHub rejected a review without inline comments; reporting in the check run only", "error", ue)
		return res, nil
	}
	return res, err
}

// unprocessable reports whether err is a 422 that reposting with fewer
// comments may get past.
func unprocessable(err error) (*githubapi.UnprocessableError, bool) {
	var ue *githubapi.UnprocessableError
	if err == nil || !errors.As(err, &ue) || ue.Contains("too quickly") {
		return nil, false
	}
	return ue, true
}

// tooQuickly recognises GitHub's "was submitted too quickly" 422, a
// content-creation limit: the job waits like for a secondary rate limit.
func tooQuickly(err error) bool {
	var ue *githubapi.UnprocessableError
	return err != nil && errors.As(err, &ue) && ue.Contains("too quickly")
}

// anchorError reports whether a 422 is about comment positions (the errors
// GitHub gives for anchors outside the diff, ranges across hunks, unknown
// paths).
func anchorError(ue *githubapi.UnprocessableError) bool {
	for _, s := range []string{"must be part of the diff", "pull_request_review_thread", "review thread", "hunk", "start_line", "path is invalid", "line must"} {
		if ue.Contains(s) {
			return true
		}
	}
	return false
}

// rangeError reports whether a 422 is about a multi-line range.
func rangeError(ue *githubapi.UnprocessableError) bool {
	return ue.Contains("start_line") || ue.Contains("start line") || ue.Contains("same hunk")
}

// validate drops comments whose anchors the parsed diff does not allow
// (comments.Filter already guarantees them; a second guard is cheap).
func validate(post []comments.Comment, diffs map[string]*comments.FileDiff) ([]comments.Comment, []comments.Anchored) {
	var ok []comments.Comment
	var bad []comments.Anchored
	for _, c := range post {
		d := diffs[c.Path]
		good := d != nil && c.Line > 0 && d.Commentable(c.Line) && len(c.Body) <= comments.MaxCommentBody
		if good && c.StartLine > 0 {
			good = c.StartLine < c.Line && d.SameHunk(c.StartLine, c.Line)
		}
		if good {
			ok = append(ok, c)
		} else {
			bad = append(bad, c.Anchored)
		}
	}
	return ok, bad
}

// suspicionOrder orders comments most likely rejected first: multi-line
// ranges when GitHub complained about a range, then comments on context
// lines (further from what GitHub certainly shows as changed), then the
// rest, in plan order.
func suspicionOrder(post []comments.Comment, diffs map[string]*comments.FileDiff, rangeErr bool) []comments.Comment {
	rank := func(c comments.Comment) int {
		switch {
		case rangeErr && c.StartLine > 0:
			return 0
		case !diffs[c.Path].IsAdded(c.Line):
			return 1
		case c.StartLine > 0:
			return 2
		}
		return 3
	}
	out := append([]comments.Comment(nil), post...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// chunks splits s into n parts of nearly equal size, in order.
func chunks(s []comments.Comment, n int) [][]comments.Comment {
	if n <= 0 {
		return nil
	}
	var out [][]comments.Comment
	for i := 0; i < n; i++ {
		lo, hi := i*len(s)/n, (i+1)*len(s)/n
		if hi > lo {
			out = append(out, s[lo:hi])
		}
	}
	return out
}

// without returns post minus the comments in drop, in post's order.
func without(post, drop []comments.Comment) []comments.Comment {
	type key struct {
		path       string
		line, from int
		fp         string
	}
	k := func(c comments.Comment) key { return key{c.Path, c.Line, c.StartLine, c.Anchored.Finding.Fingerprint} }
	skip := make(map[key]bool, len(drop))
	for _, c := range drop {
		skip[k(c)] = true
	}
	var out []comments.Comment
	for _, c := range post {
		if !skip[k(c)] {
			out = append(out, c)
		}
	}
	return out
}

func anchoredOf(cs []comments.Comment) []comments.Anchored {
	out := make([]comments.Anchored, len(cs))
	for i, c := range cs {
		out[i] = c.Anchored
	}
	return out
}

// cleanup deletes or minimises the App's outdated and duplicate comments
// (at most MaxCleanups per review). Failures are logged, not returned: the
// review is already out, and the next push tries again.
func (p *pass) cleanup(ctx context.Context, plan comments.Plan) {
	todo := append(append([]comments.Cleanup(nil), plan.Outdated...), plan.Duplicates...)
	if len(todo) > p.r.maxCleanups {
		p.log.Info("review: more outdated comments than one review cleans up", "count", len(todo), "max", p.r.maxCleanups)
		todo = todo[:p.r.maxCleanups]
	}
	for _, c := range todo {
		var err error
		switch c.Action {
		case comments.Delete:
			err = p.gh.DeleteReviewComment(ctx, p.job.Owner, p.job.Repo, c.Comment.ID)
			if errors.Is(err, githubapi.ErrNotFound) {
				err = nil
			}
		case comments.Minimize:
			if c.Comment.NodeID == "" {
				continue
			}
			classifier := c.Classifier
			if classifier == "" {
				classifier = comments.ClassifierOutdated
			}
			err = p.gh.MinimizeComment(ctx, c.Comment.NodeID, classifier)
			if err == nil {
				p.r.markMinimized(c.Comment.NodeID)
			}
		}
		if err != nil {
			p.log.Warn("review: could not clean up an outdated comment", "comment", c.Comment.ID, "action", c.Action, "error", err)
			if isRateLimited(err) || ctx.Err() != nil {
				return
			}
		}
	}
}
