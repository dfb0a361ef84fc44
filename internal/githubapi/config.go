package githubapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// DefaultAPIURL is the REST API root of github.com.
const DefaultAPIURL = "https://api.github.com/"

// Defaults applied by New for zero Config fields.
const (
	DefaultHTTPTimeout           = 30 * time.Second // GitHub itself gives up after 10 s of server time
	DefaultInstallationCacheSize = 256
	DefaultMaxAttempts           = 3
	DefaultRetryBaseDelay        = 500 * time.Millisecond
	DefaultMaxInlineWait         = 5 * time.Second
	DefaultContentsBatchSize     = 100
	DefaultMaxFileBytes          = 1 << 20
	DefaultUserAgent             = "hotpath"
)

// Config configures the GitHub client layer.
type Config struct {
	// AppID and PrivateKeyPEM identify the GitHub App (PKCS#1 or PKCS#8 RSA
	// key in PEM form). Both are required.
	AppID         int64
	PrivateKeyPEM []byte

	// APIURL is the REST root: https://api.github.com/ (default) or
	// https://HOST/api/v3/ for GitHub Enterprise Server. A trailing slash is
	// added when missing; nothing else is guessed.
	APIURL string
	// GraphQLURL defaults to .../api/graphql when APIURL ends in /api/v3/,
	// otherwise to <APIURL>graphql.
	GraphQLURL string

	// HTTPTimeout bounds every single HTTP request (client timeout and a
	// per-attempt context deadline). Default 30 s.
	HTTPTimeout time.Duration
	// UserAgent sent with every request. Default "hotpath".
	UserAgent string

	// InstallationCacheSize bounds the number of installations whose token
	// transport (and write budget) is kept. Default 256.
	InstallationCacheSize int

	// MaxAttempts for idempotent reads (GETs and GraphQL queries) that fail
	// with 5xx, timeouts or connection errors. Default 3; 1 disables retries.
	MaxAttempts int
	// RetryBaseDelay is the first backoff delay (doubled per attempt, with
	// jitter, capped at 10 s). Default 500 ms.
	RetryBaseDelay time.Duration
	// MaxInlineWait: a rate-limited request whose reset is at most this far
	// away is waited for and retried inside the call; longer waits are
	// returned as *RateLimitedError for the caller to snooze. Default 5 s;
	// negative disables inline waiting.
	MaxInlineWait time.Duration

	// WriteBudget limits content-creating requests per installation.
	WriteBudget WriteBudget

	// ContentsBatchSize is the number of files fetched per GraphQL query by
	// FetchContents. Default 100.
	ContentsBatchSize int
	// MaxFileBytes: FetchContents does not download files larger than this
	// (they are returned with TooLarge set). Default 1 MiB.
	MaxFileBytes int64

	// Registerer, when set, receives hotpath_github_requests_total{route,status}.
	Registerer prometheus.Registerer
	// OnRequest, when set, is called after every HTTP round trip (including
	// installation token requests).
	OnRequest func(RequestInfo)

	// Transport is the base HTTP transport (default: a clone of
	// http.DefaultTransport). Authentication is layered on top of it.
	Transport http.RoundTripper
}

// RequestInfo describes one HTTP round trip, for metrics and benchmarks.
type RequestInfo struct {
	Route    string // ghroute template, e.g. "GET /repos/{owner}/{repo}/pulls/{number}"
	Method   string
	Status   int // 0 when no response was received
	Duration time.Duration
	Err      error // transport error (already redacted), if any
}

// WriteBudget is a per-installation token bucket for writes (POST, PATCH, PUT,
// DELETE and GraphQL mutations), tuned to GitHub's content-creation limits:
// at most PerMinute writes in any minute and PerHour in any hour, with up to
// Burst writes back to back so a single review run is not slowed down.
type WriteBudget struct {
	PerMinute int // default 80
	PerHour   int // default 500
	Burst     int // default 5 (the hourly bucket allows max(Burst, PerHour/10))
	// MaxWait: when a write would have to wait longer than this for budget,
	// it fails with *RateLimitedError{Local: true} instead. Default 10 s.
	MaxWait time.Duration
	// Concurrency is the number of writes in flight per installation
	// (GitHub asks for serial writes). Default 1.
	Concurrency int
	// Disabled turns the budget off (tests, benchmarks).
	Disabled bool
}

func (c *Config) withDefaults() (Config, error) {
	cfg := *c
	if cfg.AppID <= 0 {
		return cfg, errors.New("githubapi: AppID is required")
	}
	if len(cfg.PrivateKeyPEM) == 0 {
		return cfg, errors.New("githubapi: PrivateKeyPEM is required")
	}
	var err error
	if cfg.APIURL, err = NormalizeAPIURL(cfg.APIURL); err != nil {
		return cfg, err
	}
	if cfg.GraphQLURL == "" {
		cfg.GraphQLURL = DeriveGraphQLURL(cfg.APIURL)
	} else if _, err := parseHTTPURL(cfg.GraphQLURL); err != nil {
		return cfg, fmt.Errorf("githubapi: GraphQLURL: %w", err)
	}
	if cfg.HTTPTimeout <= 0 {
		cfg.HTTPTimeout = DefaultHTTPTimeout
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.InstallationCacheSize <= 0 {
		cfg.InstallationCacheSize = DefaultInstallationCacheSize
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.RetryBaseDelay <= 0 {
		cfg.RetryBaseDelay = DefaultRetryBaseDelay
	}
	if cfg.MaxInlineWait == 0 {
		cfg.MaxInlineWait = DefaultMaxInlineWait
	}
	if cfg.ContentsBatchSize <= 0 {
		cfg.ContentsBatchSize = DefaultContentsBatchSize
	}
	if cfg.MaxFileBytes <= 0 {
		cfg.MaxFileBytes = DefaultMaxFileBytes
	}
	wb := &cfg.WriteBudget
	if wb.PerMinute <= 0 {
		wb.PerMinute = 80
	}
	if wb.PerHour <= 0 {
		wb.PerHour = 500
	}
	if wb.Burst <= 0 {
		wb.Burst = 5
	}
	if wb.Burst > wb.PerMinute {
		wb.Burst = wb.PerMinute
	}
	if wb.MaxWait <= 0 {
		wb.MaxWait = 10 * time.Second
	}
	if wb.Concurrency <= 0 {
		wb.Concurrency = 1
	}
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	return cfg, nil
}

func parseHTTPURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("invalid URL %q", s)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("invalid URL %q: need http(s)://host/", s)
	}
	if u.User != nil {
		return nil, errors.New("URL must not carry credentials")
	}
	return u, nil
}

// NormalizeAPIURL returns the REST root with a trailing slash. Empty means
// github.com.
func NormalizeAPIURL(s string) (string, error) {
	if s == "" {
		return DefaultAPIURL, nil
	}
	u, err := parseHTTPURL(s)
	if err != nil {
		return "", fmt.Errorf("githubapi: APIURL: %w", err)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// DeriveGraphQLURL maps a REST root to its GraphQL endpoint:
// https://HOST/api/v3/ → https://HOST/api/graphql, otherwise <root>graphql.
func DeriveGraphQLURL(apiURL string) string {
	if !strings.HasSuffix(apiURL, "/") {
		apiURL += "/"
	}
	if strings.HasSuffix(apiURL, "/api/v3/") {
		return strings.TrimSuffix(apiURL, "v3/") + "graphql"
	}
	return apiURL + "graphql"
}
