package review

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/comments"
	"github.com/hotpath-app/hotpath/internal/config"
	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/internal/githubapi"
	"github.com/hotpath-app/hotpath/internal/queue"
	"github.com/hotpath-app/hotpath/parsers"
	"github.com/hotpath-app/hotpath/rules"
)

// Defaults for Options.
const (
	DefaultCheckName   = "hotpath"
	DefaultStaleAfter  = 30 * time.Minute
	DefaultMaxCleanups = 20
)

// Options configure a Reviewer.
type Options struct {
	// Clients talks to GitHub. Required.
	Clients *githubapi.Clients
	// Store remembers check runs across attempts and processes. Required
	// (NewMemoryStore for tests and single-process setups).
	Store CheckRunStore
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Registerer, when set, receives the review metrics.
	Registerer prometheus.Registerer
	// CheckName is the check run's name (default "hotpath"). Branch
	// protection matches it: never change it on a live installation.
	CheckName string
	// StaleAfter: Sweep completes runs left in_progress longer than this
	// (default 30 min).
	StaleAfter time.Duration
	// Now is the clock for check run timestamps and staleness (default
	// time.Now).
	Now func() time.Time
	// AnalysisWorkers is the number of files analysed at once per review
	// (default GOMAXPROCS).
	AnalysisWorkers int
	// BotLogin is the App's bot user ("<slug>[bot]"), the author of its
	// comments. Empty means learned once through GET /app.
	BotLogin string
	// DetailsURL, when set, returns the check run's details_url for a job.
	DetailsURL func(job *queue.Job) string
	// MaxCleanups bounds the outdated comments deleted or minimised per
	// review (default 20); the rest are handled on the next push.
	MaxCleanups int
}

// Reviewer runs the review pipeline. It implements queue.Reviewer and
// queue.Sweeper and is safe for concurrent use.
type Reviewer struct {
	clients     *githubapi.Clients
	store       CheckRunStore
	log         *slog.Logger
	m           *metrics
	checkName   string
	staleAfter  time.Duration
	now         func() time.Time
	workers     int
	botLogin    string
	detailsURL  func(*queue.Job) string
	maxCleanups int
	batchSize   int
	webRoot     string // https://github.com/ or https://HOST/ for links; "" for none

	mu        sync.Mutex
	minimized map[string]bool // node IDs this process minimised (REST does not say)
}

var (
	_ queue.Reviewer = (*Reviewer)(nil)
	_ queue.Sweeper  = (*Reviewer)(nil)
)

// New validates opts and builds a Reviewer.
func New(opts Options) (*Reviewer, error) {
	if opts.Clients == nil {
		return nil, errors.New("review: Options.Clients is required")
	}
	if opts.Store == nil {
		return nil, errors.New("review: Options.Store is required")
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("review: register metrics: %w", err)
	}
	r := &Reviewer{
		clients:     opts.Clients,
		store:       opts.Store,
		log:         opts.Logger,
		m:           m,
		checkName:   opts.CheckName,
		staleAfter:  opts.StaleAfter,
		now:         opts.Now,
		workers:     opts.AnalysisWorkers,
		botLogin:    opts.BotLogin,
		detailsURL:  opts.DetailsURL,
		maxCleanups: opts.MaxCleanups,
		minimized:   map[string]bool{},
	}
	if r.log == nil {
		r.log = slog.Default()
	}
	if r.checkName == "" {
		r.checkName = DefaultCheckName
	}
	if r.staleAfter <= 0 {
		r.staleAfter = DefaultStaleAfter
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.maxCleanups <= 0 {
		r.maxCleanups = DefaultMaxCleanups
	}
	cfg := opts.Clients.Config()
	r.batchSize = cfg.ContentsBatchSize
	if r.batchSize <= 0 {
		r.batchSize = githubapi.DefaultContentsBatchSize
	}
	r.webRoot = webRoot(cfg.APIURL)
	return r, nil
}

// webRoot derives the web address from the REST root: api.github.com →
// github.com, https://HOST/api/v3/ → https://HOST/.
func webRoot(apiURL string) string {
	u, err := url.Parse(apiURL)
	if err != nil || u.Host == "" {
		return ""
	}
	switch {
	case strings.EqualFold(u.Host, "api.github.com"):
		return "https://github.com/"
	case strings.HasSuffix(u.Path, "/api/v3/") || strings.HasSuffix(u.Path, "/api/v3"):
		u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/api/v3") + "/"
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	return ""
}

func (r *Reviewer) repoURL(owner, repo string) string {
	if r.webRoot == "" {
		return ""
	}
	return r.webRoot + url.PathEscape(owner) + "/" + url.PathEscape(repo)
}

// markMinimized remembers that a comment is minimised, so later reviews in
// this process do not minimise it again (the REST API does not report it).
func (r *Reviewer) markMinimized(nodeID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.minimized) >= 100_000 {
		clear(r.minimized)
	}
	r.minimized[nodeID] = true
}

func (r *Reviewer) isMinimized(nodeID string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.minimized[nodeID]
}

// Review runs one attempt of a review job. See the package documentation
// for the steps and the meaning of its errors.
func (r *Reviewer) Review(ctx context.Context, job *queue.Job) error {
	t0 := time.Now()
	p := r.newPass(job)
	outcome, err := p.run(ctx)
	err = classify(err)
	if err != nil {
		switch {
		case isRateLimited(err):
			outcome = OutcomeRateLimited
		case queue.IsPermanent(err):
			outcome = OutcomePermanent
			p.failPermanently(ctx, err)
		default:
			outcome = OutcomeRetry
		}
	}
	r.m.observe(outcome, time.Since(t0).Seconds())
	if err != nil {
		p.log.Warn("review: attempt failed", "outcome", outcome, "error", err, "duration", time.Since(t0))
	} else {
		p.log.Info("review: done", "outcome", outcome, "duration", time.Since(t0))
	}
	return err
}

// pass is one attempt at one job.
type pass struct {
	r   *Reviewer
	job *queue.Job
	gh  *githubapi.Client
	log *slog.Logger
	t0  time.Time
	key CheckRunKey

	mu        sync.Mutex
	rec       *CheckRunRecord // the check run, once created or found
	completed bool
}

func (r *Reviewer) newPass(job *queue.Job) *pass {
	return &pass{
		r:   r,
		job: job,
		gh:  r.clients.ForInstallation(job.InstallationID),
		log: r.log.With("job", job.ID, "installation", job.InstallationID, "repo", job.Owner+"/"+job.Repo,
			"pr", job.Number, "head_sha", job.HeadSHA, "attempt", job.Attempt),
		t0:  time.Now(),
		key: CheckRunKey{InstallationID: job.InstallationID, RepoID: job.RepoID, HeadSHA: job.HeadSHA, JobID: job.ID},
	}
}

func validateJob(job *queue.Job) error {
	switch {
	case job.InstallationID <= 0:
		return fmt.Errorf("%w: no installation", errInvalidJob)
	case job.Owner == "" || job.Repo == "":
		return fmt.Errorf("%w: no repository", errInvalidJob)
	case job.HeadSHA == "":
		return fmt.Errorf("%w: no head SHA", errInvalidJob)
	case !job.MergeGroup && job.Number <= 0:
		return fmt.Errorf("%w: no pull request number", errInvalidJob)
	}
	return nil
}

// configSource is the configuration a review uses.
type configSource struct {
	cfg  *config.Config // nil when the file is broken
	path string         // "" for built-in defaults
	ref  string         // base SHA (or ref) the file was read at
	raw  []byte
	err  error // parse error
}

func (c configSource) comments() comments.ConfigSource {
	return comments.ConfigSource{Path: c.path, SHA: c.ref}
}

func (p *pass) loadConfig(ctx context.Context, ref string) (configSource, error) {
	raw, found, err := p.gh.GetFileAtRef(ctx, p.job.Owner, p.job.Repo, config.DefaultPath, ref)
	if err != nil {
		return configSource{}, fmt.Errorf("read %s at %s: %w", config.DefaultPath, ref, err)
	}
	if !found {
		return configSource{cfg: config.Default(), ref: ref}, nil
	}
	src := configSource{path: config.DefaultPath, ref: ref, raw: raw}
	src.cfg, src.err = config.Parse(raw)
	if src.err != nil {
		src.cfg = nil
	}
	return src, nil
}

// run is the pipeline. It returns the outcome label; errors are classified
// by the caller.
func (p *pass) run(ctx context.Context) (string, error) {
	job := p.job
	if err := validateJob(job); err != nil {
		return "", err
	}
	if job.MergeGroup {
		return p.mergeGroup(ctx)
	}

	// 1. Check run, pull request, files, config and own comments at once.
	configRef := job.BaseSHA
	if configRef == "" {
		configRef = job.BaseRef
	}
	var (
		wg                                     sync.WaitGroup
		pr                                     *githubapi.PullRequest
		files                                  *githubapi.FileList
		existing                               []githubapi.ReviewComment
		src                                    configSource
		checkErr, prErr, filesErr, exErr, cErr error
	)
	wg.Add(4)
	go func() { defer wg.Done(); checkErr = p.ensureCheckRun(ctx) }()
	go func() {
		defer wg.Done()
		pr, prErr = p.gh.GetPullRequest(ctx, job.Owner, job.Repo, job.Number)
	}()
	go func() { defer wg.Done(); files, filesErr = p.gh.ListFiles(ctx, job.Owner, job.Repo, job.Number) }()
	go func() {
		defer wg.Done()
		existing, exErr = p.gh.ListOwnReviewComments(ctx, job.Owner, job.Repo, job.Number, p.r.botLogin)
	}()
	if configRef != "" {
		wg.Add(1)
		go func() { defer wg.Done(); src, cErr = p.loadConfig(ctx, configRef) }()
	}
	wg.Wait()
	if err := firstError(checkErr, prErr, filesErr, exErr, cErr); err != nil {
		return "", err
	}

	// 2. Decide whether there is anything to review.
	if done, outcome, err := p.stillCurrent(ctx, pr); done {
		return outcome, err
	}
	if configRef == "" {
		configRef = pr.BaseSHA
		if configRef == "" {
			configRef = pr.BaseRef
		}
		var err error
		if src, err = p.loadConfig(ctx, configRef); err != nil {
			return "", err
		}
	}
	sel := selectFiles(files, src.cfg)
	if src.err != nil {
		return OutcomeConfigError, p.complete(ctx, configFailure(src, sel.touchesConfig))
	}

	// 3. Fetch and analyse.
	a, err := p.analyse(ctx, src, files, sel, pr.IsFork())
	if moved := (*githubapi.HeadMovedError)(nil); errors.As(err, &moved) {
		return p.headMoved(ctx, moved)
	}
	if err != nil {
		return "", err
	}

	// 4. Filter and plan.
	a.filtered = comments.Filter(a.res.Findings, sel.diffs, a.scope)
	var parser *parsers.Parser
	if len(a.filtered.Inline) > 0 {
		parser = parsers.NewParser(parsers.Options{})
		defer parser.Close()
	}
	// A file with syntax errors (an edit in progress, a construct the
	// grammar misses) may lose findings that are still there, so its
	// comments are not treated as outdated in this run; the next clean
	// push cleans them up.
	complete := a.analyzed
	if len(a.res.SyntaxErrorFiles) > 0 {
		complete = maps.Clone(a.analyzed)
		for _, path := range a.res.SyntaxErrorFiles {
			delete(complete, path)
		}
	}
	plan := comments.PlanComments(a.filtered, p.existing(existing), comments.PlanOptions{
		MaxComments: src.cfg.Comments.MaxComments,
		Analyzed:    complete,
		Source:      func(path string) []byte { return a.sources[path] },
		Parser:      parser,
	})

	// 5. Right before writing: is this still the head? Was the review
	// posted by an earlier attempt?
	needReview := plan.NeedsReview()
	var (
		pr2          *githubapi.PullRequest
		reviews      []githubapi.Review
		pr2Err, rErr error
	)
	wg.Add(1)
	go func() { defer wg.Done(); pr2, pr2Err = p.gh.GetPullRequest(ctx, job.Owner, job.Repo, job.Number) }()
	if needReview {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reviews, rErr = p.gh.ListOwnReviews(ctx, job.Owner, job.Repo, job.Number, p.r.botLogin)
		}()
	}
	wg.Wait()
	if err := firstError(pr2Err, rErr); err != nil {
		return "", err
	}
	if done, outcome, err := p.stillCurrent(ctx, pr2); done {
		return outcome, err
	}

	// 6. Publish.
	outcome := OutcomeNothingToPost
	if needReview {
		if alreadyReviewed(reviews, job.HeadSHA) {
			outcome = OutcomeAlreadyPosted
			a.notes = append(a.notes, "The review for this commit was posted by an earlier attempt; it was not posted again.")
		} else {
			res, err := p.post(ctx, plan, sel.diffs, src.cfg.Comments.MaxComments)
			if err != nil {
				return "", err
			}
			a.notes = append(a.notes, res.notes()...)
			if res.review != nil {
				outcome = OutcomeReviewed
			}
		}
	}
	p.cleanup(ctx, plan)

	// 7. Complete the check run.
	return outcome, p.complete(ctx, a.result(src))
}

// stillCurrent completes the check run when the pull request is closed or
// its head moved; done reports whether the review stops here.
func (p *pass) stillCurrent(ctx context.Context, pr *githubapi.PullRequest) (done bool, outcome string, err error) {
	switch {
	case pr.State != "open" || pr.Merged:
		return true, OutcomeClosed, p.complete(ctx, checkResult{
			conclusion: "skipped",
			title:      "Pull request closed",
			summary: fmt.Sprintf("Pull request #%d was closed before hotpath reviewed commit `%s`; nothing was posted.",
				p.job.Number, shortSHA(p.job.HeadSHA)),
		})
	case !strings.EqualFold(pr.HeadSHA, p.job.HeadSHA):
		return true, OutcomeSuperseded, p.complete(ctx, supersededResult(p.job.HeadSHA, pr.HeadSHA))
	}
	return false, "", nil
}

// headMoved handles a fork's head ref that no longer points at the job's
// head SHA while contents were read through it: nothing read there is
// analysed. The pull request is read again; when its head moved, the check
// is completed like any superseded head (stillCurrent). When the pull
// request still reports the job's head, GitHub has not caught up yet (the
// ref and the pull request disagree): the attempt fails and is retried.
func (p *pass) headMoved(ctx context.Context, moved *githubapi.HeadMovedError) (string, error) {
	p.log.Info("review: head ref moved while reading contents", "ref", moved.Ref, "ref_sha", moved.Got)
	pr, err := p.gh.GetPullRequest(ctx, p.job.Owner, p.job.Repo, p.job.Number)
	if err != nil {
		return "", err
	}
	if done, outcome, err := p.stillCurrent(ctx, pr); done {
		return outcome, err
	}
	return "", fmt.Errorf("review: %s points at %s but the pull request's head is still %s; retrying: %w",
		moved.Ref, shortSHA(moved.Got), shortSHA(p.job.HeadSHA), moved)
}

func supersededResult(old, newer string) checkResult {
	return checkResult{
		conclusion: "cancelled",
		title:      "Superseded by " + shortSHA(newer),
		summary: fmt.Sprintf("Superseded by %s: the pull request's head moved from `%s` to `%s` before this review was published. "+
			"Nothing was posted for `%s`; hotpath reviews the new head in its own check run.", newer, shortSHA(old), shortSHA(newer), shortSHA(old)),
	}
}

// existing converts the App's comments for PlanComments: thread starters
// only, with human replies.
func (p *pass) existing(own []githubapi.ReviewComment) []comments.Existing {
	out := make([]comments.Existing, 0, len(own))
	for _, c := range own {
		if c.InReplyTo != 0 {
			continue
		}
		out = append(out, comments.Existing{
			ID: c.ID, NodeID: c.NodeID, Path: c.Path, Line: c.Line, Body: c.Body, CreatedAt: c.CreatedAt,
			HasReplies: c.HumanReplies > 0, IsMinimized: c.NodeID != "" && p.r.isMinimized(c.NodeID),
		})
	}
	return out
}

func alreadyReviewed(reviews []githubapi.Review, headSHA string) bool {
	for _, rv := range reviews {
		if sha, ok := comments.ParseReviewMarker(rv.Body); ok && strings.EqualFold(sha, headSHA) {
			return true
		}
	}
	return false
}

// selection is the changed files a review looks at.
type selection struct {
	// diffs maps every analysable, selected changed file to its parsed
	// patch (nil without one); pure renames are left out.
	diffs   map[string]*comments.FileDiff
	paths   []string
	noPatch []string
	// excluded lists files the config's paths leave out.
	excluded      []comments.SkippedFile
	touchesConfig bool
}

func selectFiles(files *githubapi.FileList, cfg *config.Config) selection {
	sel := selection{diffs: map[string]*comments.FileDiff{}}
	for _, f := range files.Files {
		if f.Path == config.DefaultPath || f.PreviousPath == config.DefaultPath {
			sel.touchesConfig = true
		}
		switch f.Status {
		case "removed", "unchanged":
			continue
		case "renamed", "copied":
			if f.Patch == "" && f.Additions == 0 && f.Deletions == 0 {
				continue // moved without changes: nothing new to review
			}
		}
		if parsers.Detect(f.Path) == parsers.Unknown {
			continue
		}
		if cfg == nil {
			continue
		}
		if ok, why := cfg.Selects(f.Path); !ok {
			sel.excluded = append(sel.excluded, comments.SkippedFile{Path: f.Path, Reason: "excluded", Detail: why})
			continue
		}
		d, err := comments.ParsePatch(f.Patch)
		if err != nil {
			d = nil // treated like a file without a patch: never commented
		}
		if d == nil {
			sel.noPatch = append(sel.noPatch, f.Path)
		}
		sel.diffs[f.Path] = d
		sel.paths = append(sel.paths, f.Path)
	}
	return sel
}

// analysis is everything the check run and the review report.
type analysis struct {
	cfg      *config.Config
	scope    comments.Scope
	res      *engine.Result
	diffs    map[string]*comments.FileDiff
	sources  map[string][]byte
	analyzed map[string]bool
	skipped  []comments.SkippedFile
	noPatch  []string
	partial  bool
	notes    []string
	filtered comments.Filtered
}

func (p *pass) analyse(ctx context.Context, src configSource, files *githubapi.FileList, sel selection, fork bool) (*analysis, error) {
	scope, err := comments.ParseScope(src.cfg.Comments.Scope)
	if err != nil {
		scope = comments.ScopeAdded // config.Parse validated it; defensive
	}
	a := &analysis{
		cfg: src.cfg, scope: scope, diffs: sel.diffs, noPatch: sel.noPatch,
		sources: map[string][]byte{}, analyzed: map[string]bool{},
	}
	if files.Truncated {
		a.partial = true
		a.notes = append(a.notes, fmt.Sprintf("GitHub lists at most %d files of a pull request; files beyond them were not analysed.",
			githubapi.MaxPullRequestFiles))
	}
	contents, note, err := p.fetch(ctx, sel.paths, fork)
	if err != nil {
		return nil, err
	}
	if note != "" {
		a.notes = append(a.notes, note)
	}
	var inputs []engine.File
	for _, fc := range contents {
		switch {
		case !fc.Found:
			a.partial = true
			a.skipped = append(a.skipped, comments.SkippedFile{Path: fc.Path, Reason: "not-found",
				Detail: "not a file at the head commit"})
		case fc.Binary:
			a.skipped = append(a.skipped, comments.SkippedFile{Path: fc.Path, Reason: string(parsers.SkipBinary)})
		case fc.TooLarge:
			a.partial = true
			a.skipped = append(a.skipped, comments.SkippedFile{Path: fc.Path, Reason: string(parsers.SkipTooLarge),
				Detail: fmt.Sprintf("%d bytes", fc.Size)})
		default:
			a.sources[fc.Path] = fc.Content
			inputs = append(inputs, engine.Bytes(fc.Path, fc.Content))
		}
	}
	res, err := engine.Analyze(ctx, inputs, engine.Options{Config: src.cfg, Workers: p.r.workers})
	if err != nil {
		return nil, err
	}
	a.res = res
	if res.Partial() {
		a.partial = true
	}
	out := map[string]bool{}
	for _, s := range res.Skipped {
		out[s.Path] = true
		a.skipped = append(a.skipped, comments.SkippedFile{Path: s.Path, Reason: s.Reason, Detail: s.Detail})
	}
	for _, s := range res.Excluded {
		out[s.Path] = true
		a.skipped = append(a.skipped, comments.SkippedFile{Path: s.Path, Reason: "excluded", Detail: s.Reason})
	}
	for _, in := range inputs {
		if !out[in.Path] {
			a.analyzed[in.Path] = true
		}
	}
	a.skipped = append(a.skipped, sel.excluded...)
	return a, nil
}

// fetchConcurrency bounds the GraphQL content batches in flight per review.
const fetchConcurrency = 4

// fetch reads the files at the head SHA through the base repository, in
// batches of the client's ContentsBatchSize fetched concurrently.
//
// GitHub may not resolve a fork's head commit by SHA in the base repository
// (every object comes back null) while refs/pull/N/head reaches it. So for
// a fork pull request whose files all came back not found, the batches are
// read once more through that ref, each query proving that the ref still
// points at the head SHA (githubapi.FetchContentsAtRef): one extra GraphQL
// request per batch in that case only. A ref that moved fails with
// *githubapi.HeadMovedError; a ref that does not resolve keeps the SHA's
// (empty) results, with a note for the check run.
func (p *pass) fetch(ctx context.Context, paths []string, fork bool) ([]githubapi.FileContent, string, error) {
	if len(paths) == 0 {
		return nil, "", nil
	}
	out, err := p.fetchBatches(ctx, paths, func(ctx context.Context, chunk []string) ([]githubapi.FileContent, error) {
		return p.gh.FetchContents(ctx, p.job.Owner, p.job.Repo, p.job.HeadSHA, chunk)
	})
	if err != nil || !fork || !allNotFound(out) {
		return out, "", err
	}
	ref := githubapi.PullRequestHeadRef(p.job.Number)
	p.log.Info("review: no file resolved at the head SHA; reading through the pull request's head ref", "ref", ref, "files", len(paths))
	viaRef, err := p.fetchBatches(ctx, paths, func(ctx context.Context, chunk []string) ([]githubapi.FileContent, error) {
		return p.gh.FetchContentsAtRef(ctx, p.job.Owner, p.job.Repo, ref, p.job.HeadSHA, chunk)
	})
	var moved *githubapi.HeadMovedError
	switch {
	case errors.As(err, &moved) && moved.Got == "":
		return out, fmt.Sprintf("GitHub resolved neither the head commit `%s` nor `%s` in this repository; the changed files could not be read.",
			shortSHA(p.job.HeadSHA), ref), nil
	case err != nil:
		return nil, "", err
	}
	if allNotFound(viaRef) {
		return viaRef, "", nil
	}
	return viaRef, fmt.Sprintf("GitHub did not resolve the fork's head commit `%s` by SHA in this repository; "+
		"the files were read through `%s`, checked to point at that commit.", shortSHA(p.job.HeadSHA), ref), nil
}

func allNotFound(contents []githubapi.FileContent) bool {
	for _, fc := range contents {
		if fc.Found {
			return false
		}
	}
	return len(contents) > 0
}

// fetchBatches splits paths into batches of the client's ContentsBatchSize
// (one GraphQL query each) and runs read on them concurrently, results in
// the order of paths.
func (p *pass) fetchBatches(ctx context.Context, paths []string,
	read func(ctx context.Context, chunk []string) ([]githubapi.FileContent, error)) ([]githubapi.FileContent, error) {
	var chunks [][]string
	for start := 0; start < len(paths); start += p.r.batchSize {
		chunks = append(chunks, paths[start:min(start+p.r.batchSize, len(paths))])
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([][]githubapi.FileContent, len(chunks))
	errs := make([]error, len(chunks))
	sem := make(chan struct{}, fetchConcurrency)
	var wg sync.WaitGroup
	for i, chunk := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			results[i], errs[i] = read(ctx, chunk)
			if errs[i] != nil {
				cancel()
			}
		}()
	}
	wg.Wait()
	// Report the error that caused the cancellation, not the cancellations.
	var real []error
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			real = append(real, err)
		}
	}
	if err := firstError(real...); err != nil {
		return nil, err
	}
	if err := firstError(errs...); err != nil {
		return nil, err
	}
	var out []githubapi.FileContent
	for _, r := range results {
		out = append(out, r...)
	}
	return out, nil
}

func failOn(cfg *config.Config) rules.Severity {
	if cfg.FailOn.Never {
		return rules.Off
	}
	return cfg.FailOn.Severity
}

// checkResult is how a check run is completed.
type checkResult struct {
	conclusion  string
	title       string
	summary     string
	annotations []githubapi.Annotation
}

// result builds the check run's completion from an analysis.
func (a *analysis) result(src configSource) checkResult {
	inScope := a.filtered.InScope()
	fo := failOn(a.cfg)
	summary := comments.Summary(comments.SummaryInput{
		Findings:   inScope,
		FailOn:     fo,
		Scope:      a.scope,
		Config:     src.comments(),
		Analyzed:   a.res.Analyzed,
		Skipped:    a.skipped,
		NoPatch:    a.noPatch,
		Suppressed: len(a.res.Suppressed),
		OutOfScope: len(a.filtered.OutOfScope),
		Partial:    a.partial,
		Notes:      a.notes,
	})
	anns := comments.Annotations(inScope)
	out := checkResult{
		conclusion:  comments.Conclusion(comments.OnChangedLines(a.res.Findings, a.diffs), fo, a.partial),
		title:       comments.Title(inScope, a.partial),
		summary:     summary,
		annotations: make([]githubapi.Annotation, 0, len(anns)),
	}
	for _, an := range anns {
		out.annotations = append(out.annotations, githubapi.Annotation{
			Path: an.Path, StartLine: an.StartLine, EndLine: an.EndLine, StartColumn: an.StartColumn,
			EndColumn: an.EndColumn, Level: an.Level, Message: an.Message, Title: an.Title,
		})
	}
	return out
}

func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

func externalID(job *queue.Job) string {
	if job.MergeGroup || job.Number <= 0 {
		return ""
	}
	return strconv.Itoa(job.Number)
}
