package githubapi

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// MaxPullRequestFiles is GitHub's cap on the files listed for a pull request.
const MaxPullRequestFiles = 3000

// PullRequest is the part of a pull request the review pipeline needs.
type PullRequest struct {
	Number           int
	NodeID           string
	Title            string
	State            string // "open" or "closed"
	Draft            bool
	Merged           bool
	AuthorLogin      string
	HeadSHA          string
	HeadRef          string
	HeadRepoFullName string // "" when the head repository (fork) was deleted
	BaseRef          string
	BaseSHA          string
	BaseRepoFullName string
	ChangedFiles     int
	Additions        int
	Deletions        int
	UpdatedAt        time.Time
}

// IsFork reports whether the head branch lives in another repository (or a
// deleted one). Contents are still read through the base repository at the
// head SHA.
func (p *PullRequest) IsFork() bool {
	return p.HeadRepoFullName == "" || !strings.EqualFold(p.HeadRepoFullName, p.BaseRepoFullName)
}

// GetPullRequest reads a pull request. ErrNotFound when it does not exist.
func (c *Client) GetPullRequest(ctx context.Context, owner, repo string, number int) (*PullRequest, error) {
	var pr *github.PullRequest
	err := c.read(ctx, "GET /repos/{owner}/{repo}/pulls/{number}", func(ctx context.Context) (r *github.Response, err error) {
		pr, r, err = c.gh.PullRequests.Get(ctx, owner, repo, number)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	out := &PullRequest{
		Number:       pr.GetNumber(),
		NodeID:       pr.GetNodeID(),
		Title:        pr.GetTitle(),
		State:        pr.GetState(),
		Draft:        pr.GetDraft(),
		Merged:       pr.GetMerged(),
		AuthorLogin:  pr.GetUser().GetLogin(),
		ChangedFiles: pr.GetChangedFiles(),
		Additions:    pr.GetAdditions(),
		Deletions:    pr.GetDeletions(),
		UpdatedAt:    pr.GetUpdatedAt().Time,
	}
	if h := pr.GetHead(); h != nil {
		out.HeadSHA, out.HeadRef = h.GetSHA(), h.GetRef()
		out.HeadRepoFullName = h.GetRepo().GetFullName()
	}
	if b := pr.GetBase(); b != nil {
		out.BaseSHA, out.BaseRef = b.GetSHA(), b.GetRef()
		out.BaseRepoFullName = b.GetRepo().GetFullName()
	}
	return out, nil
}

// File is one entry of a pull request's file list.
type File struct {
	Path         string
	PreviousPath string // for renames
	Status       string // added, removed, modified, renamed, copied, changed, unchanged
	SHA          string // blob SHA at the head ("" for removed files)
	Additions    int
	Deletions    int
	Changes      int
	Patch        string // unified diff hunks; "" for binary files or diffs GitHub does not render
}

// FileList is a pull request's file list.
type FileList struct {
	Files []File
	// Truncated is set when GitHub's 3,000-file cap was reached: the pull
	// request may have more files than listed.
	Truncated bool
}

// ListFiles lists the files of a pull request, 100 per page, up to GitHub's
// 3,000-file cap.
func (c *Client) ListFiles(ctx context.Context, owner, repo string, number int) (*FileList, error) {
	out := &FileList{}
	opts := &github.ListOptions{PerPage: 100, Page: 1}
	for {
		var page []*github.CommitFile
		var next int
		err := c.read(ctx, "GET /repos/{owner}/{repo}/pulls/{number}/files", func(ctx context.Context) (r *github.Response, err error) {
			page, r, err = c.gh.PullRequests.ListFiles(ctx, owner, repo, number, opts)
			if r != nil {
				next = r.NextPage
			}
			return r, err
		})
		if err != nil {
			return nil, err
		}
		for _, f := range page {
			out.Files = append(out.Files, File{
				Path:         f.GetFilename(),
				PreviousPath: f.GetPreviousFilename(),
				Status:       f.GetStatus(),
				SHA:          f.GetSHA(),
				Additions:    f.GetAdditions(),
				Deletions:    f.GetDeletions(),
				Changes:      f.GetChanges(),
				Patch:        f.GetPatch(),
			})
		}
		if len(out.Files) >= MaxPullRequestFiles {
			out.Files = out.Files[:MaxPullRequestFiles]
			out.Truncated = true
			return out, nil
		}
		if next == 0 || len(page) == 0 || next <= opts.Page {
			return out, nil
		}
		opts.Page = next
	}
}

// GetFileAtRef reads one file at a ref or SHA through the contents API (raw
// media type), e.g. .github/hotpath.yml at the base ref. found is false (and
// err nil) when the file or ref does not exist.
func (c *Client) GetFileAtRef(ctx context.Context, owner, repo, path, ref string) (content []byte, found bool, err error) {
	u := fmt.Sprintf("repos/%s/%s/contents/%s", url.PathEscape(owner), url.PathEscape(repo), escapePath(path))
	if ref != "" {
		u += "?ref=" + url.QueryEscape(ref)
	}
	var buf bytes.Buffer
	err = c.read(ctx, "GET /repos/{owner}/{repo}/contents/{path...}", func(ctx context.Context) (*github.Response, error) {
		buf.Reset()
		req, err := c.gh.NewRequest("GET", u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/vnd.github.raw+json")
		return c.gh.Do(ctx, req, &buf)
	})
	if err != nil {
		if isNotFound(err) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

// escapePath escapes each segment of a repository path.
func escapePath(p string) string {
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
