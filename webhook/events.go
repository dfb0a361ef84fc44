package webhook

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// The envelope holds the few payload fields hotpath reads. Everything else in
// a delivery is ignored; unknown fields never fail parsing, wrong types do.
type envelope struct {
	Action       string          `json:"action"`
	Number       int             `json:"number"`
	Installation *installation   `json:"installation"`
	Repository   *repository     `json:"repository"`
	PullRequest  *pullRequest    `json:"pull_request"`
	Changes      *prChanges      `json:"changes"`
	CheckRun     *checkRun       `json:"check_run"`
	CheckSuite   *checkSuite     `json:"check_suite"`
	MergeGroup   *mergeGroup     `json:"merge_group"`
	Hook         json.RawMessage `json:"hook"`
}

type installation struct {
	ID int64 `json:"id"`
}

type repository struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
	Owner    *struct {
		Login string `json:"login"`
	} `json:"owner"`
}

// ownerName returns the owner login and repository name, from full_name when
// owner is absent.
func (r *repository) ownerName() (string, string) {
	if r == nil {
		return "", ""
	}
	owner, name := "", r.Name
	if r.Owner != nil {
		owner = r.Owner.Login
	}
	if (owner == "" || name == "") && r.FullName != "" {
		if o, n, ok := strings.Cut(r.FullName, "/"); ok {
			if owner == "" {
				owner = o
			}
			if name == "" {
				name = n
			}
		}
	}
	return owner, name
}

type gitRef struct {
	Ref  string      `json:"ref"`
	SHA  string      `json:"sha"`
	Repo *repository `json:"repo"` // null when a fork was deleted
}

type pullRequest struct {
	Number int    `json:"number"`
	Draft  bool   `json:"draft"`
	State  string `json:"state"`
	Head   gitRef `json:"head"`
	Base   gitRef `json:"base"`
}

type prChanges struct {
	Base json.RawMessage `json:"base"`
}

type app struct {
	ID int64 `json:"id"`
}

// prRef is an entry of check_run.pull_requests / check_suite.pull_requests.
type prRef struct {
	Number int    `json:"number"`
	Head   gitRef `json:"head"`
	Base   gitRef `json:"base"`
}

type checkRun struct {
	ID           int64   `json:"id"`
	HeadSHA      string  `json:"head_sha"`
	ExternalID   string  `json:"external_id"`
	App          *app    `json:"app"`
	PullRequests []prRef `json:"pull_requests"`
}

type checkSuite struct {
	ID           int64   `json:"id"`
	HeadSHA      string  `json:"head_sha"`
	App          *app    `json:"app"`
	PullRequests []prRef `json:"pull_requests"`
}

type mergeGroup struct {
	HeadSHA string `json:"head_sha"`
	HeadRef string `json:"head_ref"`
	BaseSHA string `json:"base_sha"`
	BaseRef string `json:"base_ref"`
}

type decisionKind int

const (
	decideIgnore decisionKind = iota
	decidePing
	decideReview
	decideCancel
)

// decision is what one delivery asks for.
type decision struct {
	kind           decisionKind
	action         string
	repo           string // owner/name, for logs
	reason         string // why it is ignored
	review         ReviewRequest
	installationID int64
}

func ignore(env *envelope, reason string) decision {
	d := decision{kind: decideIgnore, action: env.Action, reason: reason}
	if o, n := env.Repository.ownerName(); o != "" {
		d.repo = o + "/" + n
	}
	return d
}

// errMalformed and friends are answered with 400.
var (
	errMalformed      = errors.New("malformed JSON payload")
	errNoInstallation = errors.New("payload has no installation.id")
)

func badPayload(msg string) error { return errors.New("invalid payload: " + msg) }

// decide parses body (already authenticated) and decides what the delivery
// asks for. An error means 400.
func decide(event, delivery string, body []byte, appID int64, reviewDrafts bool) (decision, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return decision{}, errMalformed
	}
	switch event {
	case "ping":
		return decision{kind: decidePing}, nil
	case "pull_request":
		return decidePullRequest(&env, reviewDrafts)
	case "check_run":
		return decideCheckRun(&env, delivery, appID)
	case "check_suite":
		return decideCheckSuite(&env, delivery, appID)
	case "merge_group":
		return decideMergeGroup(&env)
	case "installation":
		switch env.Action {
		case "deleted", "suspend":
			if env.Installation == nil || env.Installation.ID <= 0 {
				return decision{}, errNoInstallation
			}
			return decision{kind: decideCancel, action: env.Action, installationID: env.Installation.ID}, nil
		}
		return ignore(&env, "installation action "+env.Action), nil
	}
	return ignore(&env, "event "+event), nil
}

// base fills the fields every review request shares from the envelope's
// installation and (base) repository.
func base(env *envelope, event string) (ReviewRequest, error) {
	if env.Installation == nil || env.Installation.ID <= 0 {
		return ReviewRequest{}, errNoInstallation
	}
	owner, name := env.Repository.ownerName()
	if env.Repository == nil || env.Repository.ID <= 0 || owner == "" || name == "" {
		return ReviewRequest{}, badPayload("repository id, owner and name required")
	}
	return ReviewRequest{
		InstallationID: env.Installation.ID,
		RepoID:         env.Repository.ID,
		Owner:          owner,
		Repo:           name,
		Event:          event,
		Action:         env.Action,
	}, nil
}

func review(r ReviewRequest) decision {
	return decision{kind: decideReview, action: r.Action, repo: r.Owner + "/" + r.Repo, review: r}
}

func decidePullRequest(env *envelope, reviewDrafts bool) (decision, error) {
	switch env.Action {
	case "opened", "reopened", "synchronize", "ready_for_review":
	case "edited":
		// Only a changed base branch changes what the review sees.
		if env.Changes == nil || len(env.Changes.Base) == 0 || string(env.Changes.Base) == "null" {
			return ignore(env, "edited without a base change"), nil
		}
	default:
		return ignore(env, "pull_request action "+env.Action), nil
	}
	r, err := base(env, "pull_request")
	if err != nil {
		return decision{}, err
	}
	pr := env.PullRequest
	if pr == nil {
		return decision{}, badPayload("pull_request missing")
	}
	if pr.Draft && !reviewDrafts {
		return ignore(env, "draft pull request"), nil
	}
	if pr.State == "closed" {
		return ignore(env, "closed pull request"), nil
	}
	r.Number = pr.Number
	if r.Number == 0 {
		r.Number = env.Number
	}
	// The head repo may be null (deleted fork): everything is read through
	// the base repository at the head SHA.
	r.HeadSHA, r.BaseRef, r.BaseSHA = pr.Head.SHA, pr.Base.Ref, pr.Base.SHA
	if r.Number <= 0 || !isSHA(r.HeadSHA) {
		return decision{}, badPayload("pull_request number and head.sha required")
	}
	return review(r), nil
}

// ownApp reports whether a check run/suite belongs to this App.
func ownApp(a *app, appID int64) bool { return appID > 0 && a != nil && a.ID == appID }

// pickPR returns the entry of a check's pull_requests whose base is repoID.
func pickPR(prs []prRef, repoID int64) (prRef, bool) {
	for _, p := range prs {
		if p.Number > 0 && (p.Base.Repo == nil || p.Base.Repo.ID == 0 || p.Base.Repo.ID == repoID) {
			return p, true
		}
	}
	return prRef{}, false
}

func decideCheckRun(env *envelope, delivery string, appID int64) (decision, error) {
	switch env.Action {
	case "rerequested", "requested_action":
	default:
		// created/completed arrive for every check run in the repository.
		return ignore(env, "check_run action "+env.Action), nil
	}
	if env.CheckRun == nil {
		return decision{}, badPayload("check_run missing")
	}
	if !ownApp(env.CheckRun.App, appID) {
		return ignore(env, "check run of another app"), nil
	}
	r, err := base(env, "check_run")
	if err != nil {
		return decision{}, err
	}
	r.HeadSHA, r.CheckRunID, r.Rerun = env.CheckRun.HeadSHA, env.CheckRun.ID, delivery
	if p, ok := pickPR(env.CheckRun.PullRequests, r.RepoID); ok {
		r.Number, r.BaseRef, r.BaseSHA = p.Number, p.Base.Ref, p.Base.SHA
	} else if n, err := strconv.Atoi(env.CheckRun.ExternalID); err == nil && n > 0 {
		// pull_requests is empty for fork heads; hotpath's check runs carry
		// the PR number as external_id.
		r.Number = n
	} else {
		return ignore(env, "check run without a pull request"), nil
	}
	if !isSHA(r.HeadSHA) {
		return decision{}, badPayload("check_run.head_sha required")
	}
	return review(r), nil
}

func decideCheckSuite(env *envelope, delivery string, appID int64) (decision, error) {
	if env.Action != "rerequested" {
		// requested fires on every push; pull_request events drive work.
		return ignore(env, "check_suite action "+env.Action), nil
	}
	if env.CheckSuite == nil {
		return decision{}, badPayload("check_suite missing")
	}
	if !ownApp(env.CheckSuite.App, appID) {
		return ignore(env, "check suite of another app"), nil
	}
	r, err := base(env, "check_suite")
	if err != nil {
		return decision{}, err
	}
	p, ok := pickPR(env.CheckSuite.PullRequests, r.RepoID)
	if !ok {
		return ignore(env, "check suite without a pull request"), nil
	}
	r.Number, r.BaseRef, r.BaseSHA = p.Number, p.Base.Ref, p.Base.SHA
	r.HeadSHA, r.Rerun = env.CheckSuite.HeadSHA, delivery
	if !isSHA(r.HeadSHA) {
		return decision{}, badPayload("check_suite.head_sha required")
	}
	return review(r), nil
}

func decideMergeGroup(env *envelope) (decision, error) {
	if env.Action != "checks_requested" {
		return ignore(env, "merge_group action "+env.Action), nil
	}
	r, err := base(env, "merge_group")
	if err != nil {
		return decision{}, err
	}
	mg := env.MergeGroup
	if mg == nil || !isSHA(mg.HeadSHA) {
		return decision{}, badPayload("merge_group.head_sha required")
	}
	r.MergeGroup = true
	r.HeadSHA, r.BaseRef, r.BaseSHA = mg.HeadSHA, mg.BaseRef, mg.BaseSHA
	return review(r), nil
}

// isSHA accepts a hex object name (SHA-1 or SHA-256).
func isSHA(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}
