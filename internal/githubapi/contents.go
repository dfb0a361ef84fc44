package githubapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/google/go-github/v60/github"
)

// GraphQLTextLimit is the size at which GraphQL truncates Blob.text.
const GraphQLTextLimit = 512000

// FileContent is one file read by FetchContents.
type FileContent struct {
	Path     string
	Content  []byte // nil unless Found && !Binary && !TooLarge
	Found    bool   // false when the path does not exist (or is not a file) at the SHA
	Binary   bool
	TooLarge bool // larger than Config.MaxFileBytes: not downloaded
	Size     int64
	BlobSHA  string
}

type blobNode struct {
	OID         string  `json:"oid"`
	ByteSize    int64   `json:"byteSize"`
	IsBinary    *bool   `json:"isBinary"`
	IsTruncated bool    `json:"isTruncated"`
	Text        *string `json:"text"`
}

// FetchContents reads files at a commit SHA of owner/repo: one GraphQL query
// per batch of Config.ContentsBatchSize paths (aliases f0..fN over
// object(expression: $eN), paths passed as variables), falling back to the
// blobs API only for files whose text GraphQL truncated. For fork pull
// requests pass the base repository and the head SHA. Results are in the
// order of paths (duplicates collapsed).
//
// A path GitHub does not resolve comes back with Found false. For a fork
// pull request whose head commit GitHub does not resolve by SHA in the base
// repository, that is every path: retry with FetchContentsAtRef and
// PullRequestHeadRef.
func (c *Client) FetchContents(ctx context.Context, owner, repo, sha string, paths []string) ([]FileContent, error) {
	return c.fetchContents(ctx, owner, repo, sha, "", paths)
}

// PullRequestHeadRef is the ref through which the base repository reaches
// a pull request's head commit, fork or not: "refs/pull/<number>/head".
func PullRequestHeadRef(number int) string {
	return fmt.Sprintf("refs/pull/%d/head", number)
}

// ErrHeadMoved reports that a ref no longer points at the commit the caller
// expected (a push moved it). Test with errors.Is; errors.As with
// *HeadMovedError gives the commit it points at now.
var ErrHeadMoved = errors.New("github: ref moved")

// HeadMovedError is returned by FetchContentsAtRef when Ref resolves to Got
// instead of Want. Nothing read at Ref is returned.
type HeadMovedError struct {
	Ref  string
	Want string
	Got  string // "" when the ref does not resolve to a commit at all
}

func (e *HeadMovedError) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("github: ref moved: %s does not resolve (want %s)", e.Ref, e.Want)
	}
	return fmt.Sprintf("github: ref moved: %s is at %s, want %s", e.Ref, e.Got, e.Want)
}

// Is makes a *HeadMovedError match ErrHeadMoved.
func (e *HeadMovedError) Is(target error) bool { return target == ErrHeadMoved }

// FetchContentsAtRef is FetchContents through a ref (e.g. PullRequestHeadRef)
// instead of a SHA, proving that the ref points at wantSHA: every batch's
// query also selects head: object(expression: ref){oid} (same request, no
// extra round trip) and the call fails with a *HeadMovedError (ErrHeadMoved)
// when that commit is not wantSHA, so nothing read from another commit is
// ever returned. Use it when a SHA lookup fails: GitHub may not resolve a
// fork's head commit by SHA in the base repository while refs/pull/N/head
// reaches it.
func (c *Client) FetchContentsAtRef(ctx context.Context, owner, repo, ref, wantSHA string, paths []string) ([]FileContent, error) {
	if ref == "" || wantSHA == "" {
		return nil, errors.New("githubapi: FetchContentsAtRef needs a ref and the SHA it must point at")
	}
	return c.fetchContents(ctx, owner, repo, ref, wantSHA, paths)
}

// fetchContents reads paths at rev (a SHA, or a ref when wantSHA is set).
func (c *Client) fetchContents(ctx context.Context, owner, repo, rev, wantSHA string, paths []string) ([]FileContent, error) {
	seen := make(map[string]bool, len(paths))
	uniq := make([]string, 0, len(paths))
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			uniq = append(uniq, p)
		}
	}
	out := make([]FileContent, 0, len(uniq))
	batch := c.cs.cfg.ContentsBatchSize
	for start := 0; start < len(uniq); start += batch {
		end := min(start+batch, len(uniq))
		got, err := c.fetchBatch(ctx, owner, repo, rev, wantSHA, uniq[start:end])
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// fetchBatch reads one batch of paths at rev in one GraphQL query. With
// wantSHA set, the query also resolves rev itself (alias "head") and the
// batch fails with *HeadMovedError unless it is wantSHA.
func (c *Client) fetchBatch(ctx context.Context, owner, repo, rev, wantSHA string, paths []string) ([]FileContent, error) {
	var q strings.Builder
	q.WriteString("query($owner:String!,$name:String!")
	vars := map[string]any{"owner": owner, "name": repo}
	if wantSHA != "" {
		q.WriteString(",$rev:String!")
		vars["rev"] = rev
	}
	for i, p := range paths {
		fmt.Fprintf(&q, ",$e%d:String!", i)
		vars[fmt.Sprintf("e%d", i)] = rev + ":" + p
	}
	q.WriteString("){repository(owner:$owner,name:$name){")
	if wantSHA != "" {
		q.WriteString("head:object(expression:$rev){oid}")
	}
	for i := range paths {
		fmt.Fprintf(&q, "f%d:object(expression:$e%d){...on Blob{oid byteSize isBinary isTruncated text}}", i, i)
	}
	q.WriteString("}}")

	var data struct {
		Repository map[string]*blobNode `json:"repository"`
	}
	if err := c.graphQL(ctx, false, q.String(), vars, &data); err != nil {
		return nil, err
	}
	if data.Repository == nil {
		return nil, &APIError{Route: "POST /graphql", Status: 200, Message: "repository " + owner + "/" + repo + " not found", Types: []string{"NOT_FOUND"}}
	}
	if wantSHA != "" {
		var got string
		if h := data.Repository["head"]; h != nil {
			got = h.OID
		}
		if !strings.EqualFold(got, wantSHA) {
			return nil, &HeadMovedError{Ref: rev, Want: wantSHA, Got: got}
		}
	}
	maxBytes := c.cs.cfg.MaxFileBytes
	out := make([]FileContent, len(paths))
	for i, p := range paths {
		fc := FileContent{Path: p}
		n := data.Repository[fmt.Sprintf("f%d", i)]
		// A tree or submodule matches no fragment and decodes as an empty node.
		if n == nil || n.OID == "" {
			out[i] = fc
			continue
		}
		fc.Found, fc.Size, fc.BlobSHA = true, n.ByteSize, n.OID
		switch {
		case n.IsBinary != nil && *n.IsBinary:
			fc.Binary = true
		case n.ByteSize > maxBytes:
			fc.TooLarge = true
		case n.Text != nil && !n.IsTruncated:
			fc.Content = []byte(*n.Text)
		default:
			// Truncated (> 512,000 bytes) or text unavailable: raw blob.
			b, err := c.getBlobRaw(ctx, owner, repo, n.OID, maxBytes)
			if err != nil {
				return nil, fmt.Errorf("fetch %s: %w", p, err)
			}
			if int64(len(b)) > maxBytes {
				fc.TooLarge = true
			} else if bytes.IndexByte(b, 0) >= 0 {
				fc.Binary = true
			} else {
				fc.Content = b
			}
		}
		out[i] = fc
	}
	return out, nil
}

// limitWriter keeps at most n bytes and then fails, so an oversized blob is
// not read to the end.
type limitWriter struct {
	buf bytes.Buffer
	n   int64
}

var errTooLarge = fmt.Errorf("blob larger than limit")

func (w *limitWriter) Write(p []byte) (int, error) {
	if int64(w.buf.Len()+len(p)) > w.n {
		rest := w.n - int64(w.buf.Len())
		if rest > 0 {
			w.buf.Write(p[:rest])
		}
		return int(max(rest, 0)), errTooLarge
	}
	return w.buf.Write(p)
}

var _ io.Writer = (*limitWriter)(nil)

// getBlobRaw reads a blob with the raw media type (≤ 100 MB on GitHub),
// returning at most maxBytes+1 bytes.
func (c *Client) getBlobRaw(ctx context.Context, owner, repo, blobSHA string, maxBytes int64) ([]byte, error) {
	u := fmt.Sprintf("repos/%s/%s/git/blobs/%s", url.PathEscape(owner), url.PathEscape(repo), url.PathEscape(blobSHA))
	w := &limitWriter{n: maxBytes + 1}
	err := c.read(ctx, "GET /repos/{owner}/{repo}/git/blobs/{file_sha}", func(ctx context.Context) (*github.Response, error) {
		w.buf.Reset()
		req, err := c.gh.NewRequest("GET", u, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/vnd.github.raw+json")
		r, err := c.gh.Do(ctx, req, w)
		if err == errTooLarge {
			err = nil
		}
		return r, err
	})
	if err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}
