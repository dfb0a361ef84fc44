package githubapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v60/github"
	lru "github.com/hashicorp/golang-lru/v2"
)

// Clients builds and caches per-installation clients. One AppsTransport (the
// App's JWT signer) is built at start-up; each installation gets one token
// transport, kept in a bounded LRU so its installation token (valid 1 h) is
// reused across jobs instead of minted per job. Safe for concurrent use.
type Clients struct {
	cfg     Config
	apiURL  *url.URL
	base    http.RoundTripper // instrumented base transport
	apps    *ghinstallation.AppsTransport
	appHTTP *http.Client
	appGH   *github.Client

	mu    sync.Mutex // serialises entry creation so two jobs share one transport
	cache *lru.Cache[int64, *Client]

	appMu   sync.Mutex
	appInfo *App
}

// App describes the GitHub App itself (GET /app).
type App struct {
	ID       int64
	Slug     string
	Name     string
	BotLogin string // "<slug>[bot]", the author login of the App's comments
}

// Installation describes one installation of the App.
type Installation struct {
	ID           int64
	AppID        int64
	AppSlug      string
	AccountLogin string
	AccountType  string // "User" or "Organization"
	Suspended    bool
}

// New validates cfg, parses the private key and builds the App transport.
func New(cfg Config) (*Clients, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	apiURL, err := url.Parse(c.APIURL)
	if err != nil {
		return nil, fmt.Errorf("githubapi: APIURL: %w", err)
	}
	counter, err := requestCounter(c.Registerer)
	if err != nil {
		return nil, fmt.Errorf("githubapi: register metrics: %w", err)
	}
	base := &instrumentedTransport{base: c.Transport, counter: counter, hook: c.OnRequest, userAgnt: c.UserAgent}
	apps, err := ghinstallation.NewAppsTransport(base, c.AppID, c.PrivateKeyPEM)
	if err != nil {
		// ghinstallation's message never includes the key material.
		return nil, fmt.Errorf("githubapi: invalid App private key: %s", redact(err.Error()))
	}
	apps.BaseURL = strings.TrimSuffix(c.APIURL, "/")
	cache, err := lru.New[int64, *Client](c.InstallationCacheSize)
	if err != nil {
		return nil, fmt.Errorf("githubapi: %w", err)
	}
	cs := &Clients{cfg: c, apiURL: apiURL, base: base, apps: apps, cache: cache}
	cs.appHTTP = cs.httpClient(apps)
	cs.appGH = cs.githubClient(cs.appHTTP)
	return cs, nil
}

// Config returns the effective configuration (defaults applied). The private
// key is omitted.
func (cs *Clients) Config() Config {
	c := cs.cfg
	c.PrivateKeyPEM = nil
	return c
}

func (cs *Clients) httpClient(rt http.RoundTripper) *http.Client {
	host := cs.apiURL.Host
	return &http.Client{
		Transport: rt,
		Timeout:   cs.cfg.HTTPTimeout,
		// The auth transports add credentials to every hop, so never follow a
		// redirect to another host (the token would go with it).
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("stopped after 5 redirects")
			}
			if req.URL.Host != host && req.URL.Host != via[0].URL.Host {
				return errors.New("refusing cross-host redirect")
			}
			return nil
		},
	}
}

func (cs *Clients) githubClient(hc *http.Client) *github.Client {
	gh := github.NewClient(hc)
	u := *cs.apiURL
	gh.BaseURL = &u
	gh.UserAgent = cs.cfg.UserAgent
	return gh
}

// ForInstallation returns the client for an installation, creating and
// caching its token transport on first use. It makes no request.
func (cs *Clients) ForInstallation(installationID int64) *Client {
	if c, ok := cs.cache.Get(installationID); ok {
		return c
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if c, ok := cs.cache.Get(installationID); ok {
		return c
	}
	// Each installation transport gets its own copy of the AppsTransport:
	// ghinstallation writes BaseURL/Client on it during every token refresh,
	// which would race between installations refreshing at the same time.
	// The copy shares the parsed key and signer.
	apps := *cs.apps
	itr := ghinstallation.NewFromAppsTransport(&apps, installationID)
	itr.BaseURL = cs.apps.BaseURL
	hc := cs.httpClient(itr)
	c := &Client{
		cs:             cs,
		installationID: installationID,
		gh:             cs.githubClient(hc),
		http:           hc,
		budget:         newWriteBudget(cs.cfg.WriteBudget),
	}
	cs.cache.Add(installationID, c)
	return c
}

// Forget drops the cached transport (and token) of an installation, e.g.
// after an installation deleted/suspend event. Clients already handed out
// keep working until their token expires.
func (cs *Clients) Forget(installationID int64) {
	cs.cache.Remove(installationID)
}

// forget removes c from the cache if it is still the cached client.
func (cs *Clients) forget(c *Client) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cur, ok := cs.cache.Peek(c.installationID); ok && cur == c {
		cs.cache.Remove(c.installationID)
	}
}

// Cached reports whether an installation's transport is cached.
func (cs *Clients) Cached(installationID int64) bool {
	return cs.cache.Contains(installationID)
}

// appCall runs one request authenticated as the App (JWT), with the same
// retry and classification rules as installation reads.
func (cs *Clients) appCall(ctx context.Context, route string, fn func(ctx context.Context) (*github.Response, error)) error {
	return call(ctx, &cs.cfg, nil, opRead, route, fn)
}

// App returns the App's identity (GET /app), cached after the first success.
func (cs *Clients) App(ctx context.Context) (*App, error) {
	cs.appMu.Lock()
	defer cs.appMu.Unlock()
	if cs.appInfo != nil {
		a := *cs.appInfo
		return &a, nil
	}
	var app *github.App
	err := cs.appCall(ctx, "GET /app", func(ctx context.Context) (r *github.Response, err error) {
		app, r, err = cs.appGH.Apps.Get(ctx, "")
		return r, err
	})
	if err != nil {
		return nil, err
	}
	info := &App{ID: app.GetID(), Slug: app.GetSlug(), Name: app.GetName()}
	if info.Slug != "" {
		info.BotLogin = info.Slug + "[bot]"
	}
	cs.appInfo = info
	a := *info
	return &a, nil
}

// GetInstallation reads an installation (GET /app/installations/{id}) with
// the App JWT. A deleted installation returns ErrNotFound.
func (cs *Clients) GetInstallation(ctx context.Context, installationID int64) (*Installation, error) {
	var inst *github.Installation
	err := cs.appCall(ctx, "GET /app/installations/{installation_id}", func(ctx context.Context) (r *github.Response, err error) {
		inst, r, err = cs.appGH.Apps.GetInstallation(ctx, installationID)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	return convertInstallation(inst), nil
}

// FindRepoInstallation returns the installation of the App on a repository
// (GET /repos/{owner}/{repo}/installation), ErrNotFound when not installed.
func (cs *Clients) FindRepoInstallation(ctx context.Context, owner, repo string) (*Installation, error) {
	var inst *github.Installation
	err := cs.appCall(ctx, "GET /repos/{owner}/{repo}/installation", func(ctx context.Context) (r *github.Response, err error) {
		inst, r, err = cs.appGH.Apps.FindRepositoryInstallation(ctx, owner, repo)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	return convertInstallation(inst), nil
}

func convertInstallation(inst *github.Installation) *Installation {
	out := &Installation{
		ID:        inst.GetID(),
		AppID:     inst.GetAppID(),
		AppSlug:   inst.GetAppSlug(),
		Suspended: inst.SuspendedAt != nil,
	}
	if a := inst.GetAccount(); a != nil {
		out.AccountLogin = a.GetLogin()
		out.AccountType = a.GetType()
	}
	return out
}
