package comments

import (
	"sort"
	"time"

	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// DefaultMaxComments is the number of new inline comments per review when
// the repository does not configure comments.max_comments. reviewdog posts
// at most 30 per request to stay clear of GitHub's secondary rate limits
// and of unusable pull request pages (github-contract.md L20, §7.4;
// reviewdog/reviewdog#1008: 270 comments made the page time out).
const DefaultMaxComments = 25

// Side is the diff side every hotpath comment is on: the head version.
const Side = "RIGHT"

// ReviewEvent is the event of every review hotpath posts. COMMENT never
// blocks merging by itself (the check run gates), and unlike
// REQUEST_CHANGES it does not linger until dismissed (github-contract.md
// §4.1).
const ReviewEvent = "COMMENT"

// Comment is one new inline review comment, ready for the "comments" of
// POST /repos/{owner}/{repo}/pulls/{number}/reviews with side RIGHT.
type Comment struct {
	Path string
	// Line is the (last) line, on Side.
	Line int
	// StartLine is the first line of a multi-line comment, in the same hunk
	// and before Line; 0 for a single line (omit start_line).
	StartLine int
	Body      string
	// Anchored is the finding and anchor the comment was rendered from.
	Anchored Anchored
}

// Existing is one of the App's own review comments on the pull request, as
// listed by GET /repos/{owner}/{repo}/pulls/{number}/comments (and GraphQL
// for NodeID, HasReplies and IsMinimized). The pipeline passes only
// comments whose author is the App, and only the first comment of each
// thread.
type Existing struct {
	// ID is the REST id, for DELETE /repos/{o}/{r}/pulls/comments/{id}.
	ID int64
	// NodeID is the GraphQL id, for the minimizeComment mutation.
	NodeID string
	Path   string
	// Line is the comment's current line; 0 when GitHub marks it outdated.
	Line int
	Body string
	// CreatedAt orders duplicates (oldest kept); ties break on ID.
	CreatedAt time.Time
	// HasReplies is true when someone other than the App replied in the
	// thread. Such a thread is never deleted, only minimised.
	HasReplies bool
	// IsMinimized is true when the comment is already hidden.
	IsMinimized bool
}

// Action is what to do with an existing comment.
type Action string

// Actions on existing comments.
const (
	// Delete removes the comment (no one replied to it).
	Delete Action = "delete"
	// Minimize hides the comment with the GraphQL minimizeComment mutation
	// and Cleanup.Classifier, keeping the human replies readable.
	Minimize Action = "minimize"
)

// Classifiers for minimizeComment (GraphQL ReportedContentClassifiers).
const (
	ClassifierOutdated  = "OUTDATED"
	ClassifierDuplicate = "DUPLICATE"
)

// Cleanup is an existing comment to delete or minimise.
type Cleanup struct {
	Comment Existing
	Action  Action
	// Classifier is set for Minimize.
	Classifier string
}

// Posted pairs a current finding with the existing comment about it.
type Posted struct {
	Finding rules.Finding
	Comment Existing
}

// Plan is what to do with the inline comments of one review.
type Plan struct {
	// Post are the new comments, at most PlanOptions.MaxComments, most
	// severe first.
	Post []Comment
	// Overflow are new commentable findings over the cap, most severe
	// first; ReviewBody lists them.
	Overflow []Anchored
	// AlreadyPosted are current findings (commentable or not) that an
	// existing comment already covers, wherever its line is now.
	AlreadyPosted []Posted
	// Outdated are existing comments whose finding is gone from a file
	// analysed in this run.
	Outdated []Cleanup
	// Duplicates are extra comments about the same fingerprint; the oldest
	// one is kept.
	Duplicates []Cleanup
}

// PlanOptions tune PlanComments.
type PlanOptions struct {
	// MaxComments caps new inline comments: the first MaxComments by
	// severity, then position, are posted and the rest overflow into the
	// review body. Zero means none inline (comments.max_comments: 0); use
	// DefaultMaxComments when the repository has no setting.
	MaxComments int
	// Analyzed holds the paths whose findings are complete in this run
	// (parsed and checked, not skipped). An existing comment on any other
	// path is never outdated: its file was not looked at. Nil means none.
	Analyzed map[string]bool
	// Source returns the head contents of a file, for verifying
	// suggestions (see RenderComment); nil or a nil result means no
	// suggestions.
	Source func(path string) []byte
	// Parser is passed to RenderComment.
	Parser *parsers.Parser
}

// PlanComments decides which inline comments to post and which of the
// App's existing comments to keep, delete or minimise.
//
// Findings and comments are matched by fingerprint (the marker in each
// body), which does not depend on line numbers: a finding already posted,
// even at another line, is not posted again. Comments without a valid
// marker are ignored. When several comments carry one fingerprint, the
// oldest is kept and the others are Duplicates. A comment whose
// fingerprint matches no current finding in an analysed file is Outdated.
// A cleanup is Delete when no one replied, otherwise Minimize (never
// delete a conversation); an already minimised thread with replies needs
// nothing and is left out. An existing comment that is already minimised
// still counts as posted, so a finding a reviewer hid does not return.
//
// Findings need the fingerprint rules.Analyze sets; one without a valid
// fingerprint could not be recognised next time, so it goes to Overflow
// rather than being posted.
func PlanComments(current Filtered, existing []Existing, opts PlanOptions) Plan {
	var plan Plan

	live := map[string]rules.Finding{}
	for _, a := range current.Inline {
		live[a.Finding.Fingerprint] = a.Finding
	}
	for _, u := range current.NotCommentable {
		live[u.Finding.Fingerprint] = u.Finding
	}
	for _, f := range current.OutOfScope {
		live[f.Fingerprint] = f
	}

	// Group existing comments by fingerprint, oldest first.
	byFP := map[string][]Existing{}
	var fps []string
	for _, e := range existing {
		fp, _, ok := ParseMarker(e.Body)
		if !ok {
			continue
		}
		if _, seen := byFP[fp]; !seen {
			fps = append(fps, fp)
		}
		byFP[fp] = append(byFP[fp], e)
	}
	for _, fp := range fps {
		group := byFP[fp]
		sort.SliceStable(group, func(i, j int) bool {
			a, b := group[i], group[j]
			if !a.CreatedAt.Equal(b.CreatedAt) {
				return a.CreatedAt.Before(b.CreatedAt)
			}
			return a.ID < b.ID
		})
		keep := group[0]
		for _, dup := range group[1:] {
			if c, ok := cleanup(dup, ClassifierDuplicate); ok {
				plan.Duplicates = append(plan.Duplicates, c)
			}
		}
		if f, ok := live[fp]; ok {
			plan.AlreadyPosted = append(plan.AlreadyPosted, Posted{Finding: f, Comment: keep})
			continue
		}
		if opts.Analyzed[keep.Path] {
			if c, ok := cleanup(keep, ClassifierOutdated); ok {
				plan.Outdated = append(plan.Outdated, c)
			}
		}
	}

	var fresh, unmarked []Anchored
	seen := map[string]bool{}
	for _, a := range current.Inline {
		fp := a.Finding.Fingerprint
		if !markerRE.MatchString(Marker(fp, a.Finding.Rule)) {
			// Without a parseable marker the comment would be posted again
			// on every push; list it in the review body instead.
			unmarked = append(unmarked, a)
			continue
		}
		if _, posted := byFP[fp]; posted || seen[fp] {
			continue
		}
		seen[fp] = true
		fresh = append(fresh, a)
	}
	sortBySeverity(fresh)
	n := min(max(opts.MaxComments, 0), len(fresh))
	for _, a := range fresh[:n] {
		ro := RenderOptions{StartLine: a.StartLine, Line: a.Line, Parser: opts.Parser}
		if opts.Source != nil {
			ro.Source = opts.Source(a.Finding.Path)
		}
		plan.Post = append(plan.Post, Comment{
			Path: a.Finding.Path, Line: a.Line, StartLine: a.StartLine,
			Body: RenderComment(a.Finding, ro), Anchored: a,
		})
	}
	plan.Overflow = append(fresh[n:len(fresh):len(fresh)], unmarked...)
	return plan
}

// cleanup decides how to remove an existing comment; ok is false when
// nothing needs doing.
func cleanup(e Existing, classifier string) (Cleanup, bool) {
	if !e.HasReplies {
		return Cleanup{Comment: e, Action: Delete}, true
	}
	if e.IsMinimized {
		return Cleanup{}, false
	}
	return Cleanup{Comment: e, Action: Minimize, Classifier: classifier}, true
}
