package fakegithub

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

type repo struct {
	owner, name    string
	id             int64
	installationID int64
	defaultBranch  string
	trees          map[string]map[string]string // ref or SHA → path → blob SHA
	branches       map[string]string            // branch → SHA
	blobs          map[string][]byte            // blob SHA → content
	pulls          map[int]*pull
	// unreachable holds commit SHAs GitHub does not resolve by SHA in this
	// repository (fork heads, PullRequest.HeadUnreachableBySHA).
	unreachable map[string]bool
	checkRuns   []*CheckRun
}

type pull struct {
	pr       PullRequest
	headRef  string            // where refs/pull/N/head points when it lags the head ("" = the head SHA)
	files    map[string][]File // head SHA → files of the diff at that head
	comments []*comment
	reviews  []*Review
}

type comment struct {
	ReviewComment
	number int
	repo   *repo
}

// PullRequest seeds (and reports) a pull request.
type PullRequest struct {
	Number  int
	Title   string
	State   string // default "open"
	Draft   bool
	Merged  bool
	Author  string // default "octocat"
	HeadRef string // default "feature"
	HeadSHA string // required
	BaseRef string // default "main"
	BaseSHA string // default "base0000…"
	// HeadRepo is the full name of the head repository for fork pull
	// requests ("" = same repository); HeadRepoDeleted simulates a deleted fork.
	HeadRepo        string
	HeadRepoDeleted bool
	// HeadUnreachableBySHA simulates a fork head commit that GitHub does not
	// resolve by SHA in the base repository: object(expression:
	// "<sha>:<path>") is null and contents?ref=<sha> is 404, for this head
	// and every later one (SetHead), while refs/pull/N/head (and
	// "refs/pull/N/head:<path>") still reach it. The files list is unaffected.
	HeadUnreachableBySHA bool
	Files                []File
}

// File is one entry of a pull request's diff.
type File struct {
	Path         string
	PreviousPath string
	Status       string // default "modified" ("added" when the patch only adds to an empty file)
	Patch        string // unified diff hunks as GitHub sends them ("" = binary / too large)
	Additions    int    // computed from Patch when zero
	Deletions    int
	// Content, when non-nil, is also stored at the head SHA (SetFile).
	Content []byte
}

// ReviewComment is a review comment (seed with AddReviewComment, inspect
// with ReviewComments).
type ReviewComment struct {
	ID               int64
	NodeID           string
	ReviewID         int64
	InReplyTo        int64
	Path             string
	Line             int // 0 = outdated
	OriginalLine     int
	StartLine        int
	Side             string
	StartSide        string
	CommitID         string
	OriginalCommitID string
	Body             string
	Author           string // default: the App's bot login
	AuthorType       string // "Bot" or "User" (default: Bot for the App, else User)
	Minimized        bool
	MinimizedReason  string
	CreatedAt        time.Time
}

// Review is a submitted review.
type Review struct {
	ID         int64
	NodeID     string
	CommitID   string
	Body       string
	Event      string
	State      string
	Author     string
	CommentIDs []int64
	CreatedAt  time.Time
}

// CheckRun is a check run with every annotation it received across requests.
type CheckRun struct {
	ID          int64
	Name        string
	HeadSHA     string
	ExternalID  string
	DetailsURL  string
	Status      string
	Conclusion  string
	StartedAt   time.Time
	CompletedAt time.Time
	Title       string
	Summary     string
	Text        string
	Annotations []Annotation
	AppID       int64
	Requests    int // create + update requests received
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path        string `json:"path"`
	StartLine   int    `json:"start_line"`
	EndLine     int    `json:"end_line"`
	StartColumn int    `json:"start_column,omitempty"`
	EndColumn   int    `json:"end_column,omitempty"`
	Level       string `json:"annotation_level"`
	Message     string `json:"message"`
	Title       string `json:"title,omitempty"`
	RawDetails  string `json:"raw_details,omitempty"`
}

func repoKey(owner, name string) string { return strings.ToLower(owner + "/" + name) }

func (s *Server) id() int64 {
	s.nextID++
	return s.nextID
}

// BlobSHA returns git's blob SHA-1 of content.
func BlobSHA(content []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write(content)
	return hex.EncodeToString(h.Sum(nil))
}

// AddInstallation registers an installation of the App on an account.
func (s *Server) AddInstallation(id int64, account string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addInstallation(id, account)
}

func (s *Server) addInstallation(id int64, account string) *installation {
	if inst := s.installations[id]; inst != nil {
		return inst
	}
	inst := &installation{id: id, account: account}
	s.installations[id] = inst
	return inst
}

// DeleteInstallation removes an installation: its tokens stop working and
// its endpoints answer 404.
func (s *Server) DeleteInstallation(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.installations, id)
}

// SuspendInstallation suspends (or unsuspends) an installation.
func (s *Server) SuspendInstallation(id int64, suspended bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if inst := s.installations[id]; inst != nil {
		inst.suspended = suspended
	}
}

// AddRepo creates a repository owned by owner, installed on installationID
// (created if needed). The default branch is "main".
func (s *Server) AddRepo(owner, name string, installationID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addInstallation(installationID, owner)
	k := repoKey(owner, name)
	if s.repos[k] != nil {
		return
	}
	s.repos[k] = &repo{
		owner: owner, name: name, id: s.id(), installationID: installationID, defaultBranch: "main",
		trees: map[string]map[string]string{}, branches: map[string]string{},
		blobs: map[string][]byte{}, pulls: map[int]*pull{}, unreachable: map[string]bool{},
	}
}

func (s *Server) mustRepo(owner, name string) *repo {
	r := s.repos[repoKey(owner, name)]
	if r == nil {
		panic(fmt.Sprintf("fakegithub: repository %s/%s not added (AddRepo)", owner, name))
	}
	return r
}

// SetFile stores content at path in the tree of ref (a commit SHA or a
// branch name).
func (s *Server) SetFile(owner, name, ref, path string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustRepo(owner, name).setFile(ref, path, content)
}

func (r *repo) setFile(ref, path string, content []byte) {
	sha := BlobSHA(content)
	r.blobs[sha] = append([]byte(nil), content...)
	t := r.trees[ref]
	if t == nil {
		t = map[string]string{}
		r.trees[ref] = t
	}
	t[strings.TrimPrefix(path, "/")] = sha
}

// SetBranch points a branch at a commit SHA: contents at the branch fall
// back to the SHA's tree.
func (s *Server) SetBranch(owner, name, branch, sha string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustRepo(owner, name).branches[branch] = sha
}

// resolveRev maps a revision as GitHub resolves it in this repository onto
// the key of its tree: refs/pull/N/head (or pull/N/head) is the pull
// request's head commit; a commit SHA that is unreachable by SHA resolves to
// nothing (ok false); anything else is returned as it is.
func (r *repo) resolveRev(rev string) (string, bool) {
	if n, ok := pullHeadRef(rev); ok {
		p := r.pulls[n]
		if p == nil {
			return "", false
		}
		if p.headRef != "" {
			return p.headRef, true
		}
		return p.pr.HeadSHA, true
	}
	if r.unreachable[strings.ToLower(rev)] {
		return "", false
	}
	return rev, true
}

// pullHeadRef parses "refs/pull/N/head" (or "pull/N/head", which git
// resolves through refs/).
func pullHeadRef(rev string) (int, bool) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(rev, "refs/"), "pull/")
	if !ok {
		return 0, false
	}
	num, ok := strings.CutSuffix(rest, "/head")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// resolveCommit returns the commit SHA a revision names, as
// object(expression: rev) does: a pull request head ref, a branch, or a
// known commit SHA reachable by SHA.
func (r *repo) resolveCommit(rev string) (string, bool) {
	if rev == "" || rev == "HEAD" {
		rev = r.defaultBranch
	}
	key, ok := r.resolveRev(rev)
	if !ok {
		return "", false
	}
	if sha, ok := r.branches[strings.TrimPrefix(key, "refs/heads/")]; ok {
		return sha, true
	}
	if r.trees[key] != nil {
		return key, true
	}
	for _, p := range r.pulls {
		if strings.EqualFold(p.pr.HeadSHA, key) || strings.EqualFold(p.headRef, key) || strings.EqualFold(p.pr.BaseSHA, key) {
			return strings.ToLower(key), true
		}
		if _, ok := p.files[key]; ok {
			return key, true
		}
	}
	return "", false
}

// lookup returns the blob SHA of path at ref, resolved as GitHub does
// (resolveRev).
func (r *repo) lookup(ref, path string) (string, bool) {
	if ref == "" {
		ref = r.defaultBranch
	}
	ref, ok := r.resolveRev(ref)
	if !ok {
		return "", false
	}
	return r.lookupTree(ref, path)
}

// lookupTree returns the blob SHA of path in the tree stored under ref (a
// SHA or a branch), without resolving refs/pull/N/head or unreachable SHAs.
func (r *repo) lookupTree(ref, path string) (string, bool) {
	if t := r.trees[ref]; t != nil {
		if sha, ok := t[path]; ok {
			return sha, true
		}
	}
	if sha, ok := r.branches[ref]; ok {
		if t := r.trees[sha]; t != nil {
			if b, ok := t[path]; ok {
				return b, true
			}
		}
	}
	return "", false
}

// isDir reports whether path is a directory at ref.
func (r *repo) isDir(ref, path string) bool {
	ref, ok := r.resolveRev(ref)
	if !ok {
		return false
	}
	prefix := strings.TrimSuffix(path, "/") + "/"
	for _, key := range []string{ref, r.branches[ref]} {
		for p := range r.trees[key] {
			if strings.HasPrefix(p, prefix) {
				return true
			}
		}
	}
	return false
}

// AddPullRequest adds a pull request with its files at its head SHA. Files
// with Content are also stored at the head SHA.
func (s *Server) AddPullRequest(owner, name string, pr PullRequest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.mustRepo(owner, name)
	if pr.Number == 0 {
		pr.Number = len(r.pulls) + 1
	}
	if pr.State == "" {
		pr.State = "open"
	}
	if pr.Author == "" {
		pr.Author = "octocat"
	}
	if pr.HeadRef == "" {
		pr.HeadRef = "feature"
	}
	if pr.BaseRef == "" {
		pr.BaseRef = r.defaultBranch
	}
	if pr.BaseSHA == "" {
		pr.BaseSHA = strings.Repeat("b", 40)
	}
	if pr.HeadSHA == "" {
		panic("fakegithub: PullRequest.HeadSHA is required")
	}
	files := normalizeFiles(pr.Files)
	for _, f := range files {
		if f.Content != nil {
			r.setFile(pr.HeadSHA, f.Path, f.Content)
		}
	}
	pr.Files = nil
	if pr.HeadUnreachableBySHA {
		r.unreachable[strings.ToLower(pr.HeadSHA)] = true
	}
	r.pulls[pr.Number] = &pull{pr: pr, files: map[string][]File{pr.HeadSHA: files}}
}

func normalizeFiles(in []File) []File {
	out := make([]File, len(in))
	for i, f := range in {
		if f.Additions == 0 && f.Deletions == 0 && f.Patch != "" {
			f.Additions, f.Deletions = countChanges(f.Patch)
		}
		if f.Status == "" {
			f.Status = "modified"
			if strings.HasPrefix(f.Patch, "@@ -0,0 ") {
				f.Status = "added"
			}
		}
		out[i] = f
	}
	return out
}

func (s *Server) mustPull(owner, name string, number int) (*repo, *pull) {
	r := s.mustRepo(owner, name)
	p := r.pulls[number]
	if p == nil {
		panic(fmt.Sprintf("fakegithub: pull request %s/%s#%d not added", owner, name, number))
	}
	return r, p
}

// SetHead simulates a push: the pull request's head moves to sha. With
// files, they become the diff at the new head; without, the previous diff is
// kept. Existing review comments whose line is no longer in a diff hunk
// become outdated (line 0), as on GitHub.
func (s *Server) SetHead(owner, name string, number int, sha string, files ...File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, p := s.mustPull(owner, name, number)
	if files == nil {
		files = p.files[p.pr.HeadSHA]
	} else {
		files = normalizeFiles(files)
		for _, f := range files {
			if f.Content != nil {
				r.setFile(sha, f.Path, f.Content)
			}
		}
	}
	p.files[sha] = files
	p.pr.HeadSHA = sha
	p.headRef = ""
	if p.pr.HeadUnreachableBySHA {
		r.unreachable[strings.ToLower(sha)] = true
	}
	for _, c := range p.comments {
		if c.InReplyTo != 0 {
			continue
		}
		if c.Line != 0 && !lineInDiff(files, c.Path, c.Side, c.Line) {
			c.Line, c.StartLine = 0, 0
		}
	}
}

// SetPullHeadRef points refs/pull/N/head at sha without moving the pull
// request's head (its REST head.sha): the window in which GitHub has updated
// one and not yet the other after a push. "" makes the ref follow the head
// again; SetHead does too.
func (s *Server) SetPullHeadRef(owner, name string, number int, sha string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p := s.mustPull(owner, name, number)
	p.headRef = sha
}

// SetPullRequestState changes state ("open"/"closed") and draft flag.
func (s *Server) SetPullRequestState(owner, name string, number int, state string, draft bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p := s.mustPull(owner, name, number)
	p.pr.State, p.pr.Draft = state, draft
}

// PullRequest returns the current state of a pull request (Files = diff at
// the current head).
func (s *Server) PullRequest(owner, name string, number int) PullRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p := s.mustPull(owner, name, number)
	pr := p.pr
	pr.Files = append([]File(nil), p.files[pr.HeadSHA]...)
	return pr
}

// AddReviewComment seeds a review comment (a human's, a reply, or an older
// comment of the App) and returns its ID. Author defaults to the App's bot.
func (s *Server) AddReviewComment(owner, name string, number int, rc ReviewComment) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, p := s.mustPull(owner, name, number)
	if rc.Author == "" {
		rc.Author = s.BotLogin()
	}
	if rc.AuthorType == "" {
		rc.AuthorType = "User"
		if rc.Author == s.BotLogin() {
			rc.AuthorType = "Bot"
		}
	}
	if rc.Side == "" {
		rc.Side = "RIGHT"
	}
	if rc.CommitID == "" {
		rc.CommitID = p.pr.HeadSHA
	}
	if rc.OriginalCommitID == "" {
		rc.OriginalCommitID = rc.CommitID
	}
	if rc.OriginalLine == 0 {
		rc.OriginalLine = rc.Line
	}
	if rc.CreatedAt.IsZero() {
		rc.CreatedAt = time.Now()
	}
	if rc.InReplyTo != 0 {
		for _, c := range p.comments {
			if c.ID == rc.InReplyTo {
				rc.Path, rc.Line, rc.Side, rc.StartLine = c.Path, c.Line, c.Side, c.StartLine
			}
		}
	}
	rc.ID = s.id()
	rc.NodeID = fmt.Sprintf("PRRC_%d", rc.ID)
	c := &comment{ReviewComment: rc, number: number, repo: r}
	p.comments = append(p.comments, c)
	s.nodes[rc.NodeID] = c
	return rc.ID
}

// ReviewComments returns the pull request's review comments in creation order.
func (s *Server) ReviewComments(owner, name string, number int) []ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p := s.mustPull(owner, name, number)
	out := make([]ReviewComment, len(p.comments))
	for i, c := range p.comments {
		out[i] = c.ReviewComment
	}
	return out
}

// DeletedComments returns the review comments deleted through the API.
func (s *Server) DeletedComments() []ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ReviewComment(nil), s.deleted...)
}

// Reviews returns the reviews submitted on a pull request.
func (s *Server) Reviews(owner, name string, number int) []Review {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, p := s.mustPull(owner, name, number)
	out := make([]Review, len(p.reviews))
	for i, rv := range p.reviews {
		out[i] = *rv
		out[i].CommentIDs = append([]int64(nil), rv.CommentIDs...)
	}
	return out
}

// CheckRuns returns the repository's check runs in creation order.
func (s *Server) CheckRuns(owner, name string) []CheckRun {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.mustRepo(owner, name)
	out := make([]CheckRun, len(r.checkRuns))
	for i, cr := range r.checkRuns {
		out[i] = *cr
		out[i].Annotations = append([]Annotation(nil), cr.Annotations...)
	}
	return out
}

// AddCheckRun seeds a check run (e.g. a stale in_progress run) and returns its ID.
func (s *Server) AddCheckRun(owner, name string, cr CheckRun) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.mustRepo(owner, name)
	cr.ID = s.id()
	if cr.AppID == 0 {
		cr.AppID = s.appID
	}
	if cr.Status == "" {
		cr.Status = "queued"
	}
	c := cr
	r.checkRuns = append(r.checkRuns, &c)
	return cr.ID
}
