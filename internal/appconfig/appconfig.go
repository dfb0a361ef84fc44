// Package appconfig reads the GitHub App server's settings from flags and
// HOTPATH_* environment variables. It is the only place that reads them.
// Missing or invalid settings are errors that name the setting; secrets are
// never printed (String redacts them).
package appconfig

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Settings for `hotpath serve` and `hotpath worker`.
type Settings struct {
	Addr          string
	AppID         int64
	PrivateKeyPEM []byte
	// WebhookSecrets holds the current secret first, then any previous one
	// still accepted during a rotation.
	WebhookSecrets [][]byte
	APIURL         string
	GraphQLURL     string
	DatabaseURL    string
	Workers        int
	// JobTimeout bounds one review.
	JobTimeout time.Duration
	LogLevel   string
	// ReviewDrafts makes draft pull requests reviewed too. It is a server
	// setting, not a repository one: the webhook handler decides without
	// calling GitHub, so it cannot read the repository's config file.
	ReviewDrafts bool
}

// Mode says which process is starting: serve needs a webhook secret,
// worker does not.
type Mode int

// Modes.
const (
	Serve Mode = iota
	Worker
)

// Defaults.
const (
	DefaultAddr        = ":8080"
	DefaultAPIURL      = "https://api.github.com/"
	DefaultDatabaseURL = "hotpath.db"
	DefaultJobTimeout  = 10 * time.Minute
)

// Load reads settings from args (flags) and env (a getenv function, so
// tests need not touch the process environment). Flags win over env.
func Load(mode Mode, args []string, getenv func(string) string) (*Settings, error) {
	fl := flag.NewFlagSet("hotpath", flag.ContinueOnError)
	fl.SetOutput(new(strings.Builder))
	env := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	addr := fl.String("addr", env("HOTPATH_ADDR", DefaultAddr), "listen address (HOTPATH_ADDR)")
	appID := fl.String("app-id", env("HOTPATH_APP_ID", ""), "GitHub App ID (HOTPATH_APP_ID)")
	keyFile := fl.String("private-key-file", env("HOTPATH_PRIVATE_KEY_FILE", ""), "App private key PEM file (HOTPATH_PRIVATE_KEY_FILE)")
	apiURL := fl.String("github-api-url", env("HOTPATH_GITHUB_API_URL", DefaultAPIURL), "GitHub REST API URL (HOTPATH_GITHUB_API_URL)")
	gqlURL := fl.String("github-graphql-url", env("HOTPATH_GITHUB_GRAPHQL_URL", ""), "GitHub GraphQL URL (HOTPATH_GITHUB_GRAPHQL_URL; derived from the API URL when empty)")
	dbURL := fl.String("database-url", env("HOTPATH_DATABASE_URL", DefaultDatabaseURL), "SQLite file or postgres:// URL (HOTPATH_DATABASE_URL)")
	workers := fl.String("workers", env("HOTPATH_WORKERS", "4"), "concurrent reviews (HOTPATH_WORKERS)")
	jobTimeout := fl.String("job-timeout", env("HOTPATH_JOB_TIMEOUT", DefaultJobTimeout.String()), "time limit of one review (HOTPATH_JOB_TIMEOUT)")
	logLevel := fl.String("log-level", env("HOTPATH_LOG_LEVEL", "info"), "debug, info, warn or error (HOTPATH_LOG_LEVEL)")
	drafts := fl.String("review-drafts", env("HOTPATH_REVIEW_DRAFTS", "false"), "review draft pull requests too (HOTPATH_REVIEW_DRAFTS)")
	if err := fl.Parse(args); err != nil {
		return nil, fmt.Errorf("%v\n%s", err, usage(fl))
	}
	if fl.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fl.Args())
	}

	s := &Settings{Addr: *addr, DatabaseURL: *dbURL, LogLevel: strings.ToLower(*logLevel)}
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	if *appID == "" {
		bad("HOTPATH_APP_ID is required (the GitHub App's numeric ID)")
	} else if id, err := strconv.ParseInt(*appID, 10, 64); err != nil || id <= 0 {
		bad("HOTPATH_APP_ID must be a positive integer, not %q", *appID)
	} else {
		s.AppID = id
	}

	keyPEM := []byte(getenv("HOTPATH_PRIVATE_KEY"))
	switch {
	case *keyFile != "":
		b, err := os.ReadFile(*keyFile)
		if err != nil {
			bad("HOTPATH_PRIVATE_KEY_FILE: %v", err)
		} else {
			keyPEM = b
		}
	case len(keyPEM) == 0:
		bad("HOTPATH_PRIVATE_KEY_FILE or HOTPATH_PRIVATE_KEY is required (the App's private key, PEM)")
	}
	if len(keyPEM) > 0 {
		// Keys pasted into env vars often carry literal \n sequences.
		keyPEM = []byte(strings.ReplaceAll(string(keyPEM), `\n`, "\n"))
		if err := checkKey(keyPEM); err != nil {
			bad("HOTPATH_PRIVATE_KEY: %v", err)
		} else {
			s.PrivateKeyPEM = keyPEM
		}
	}

	if mode == Serve {
		secret := getenv("HOTPATH_WEBHOOK_SECRET")
		if strings.TrimSpace(secret) == "" {
			bad("HOTPATH_WEBHOOK_SECRET is required: the server never accepts unsigned webhooks")
		} else {
			s.WebhookSecrets = append(s.WebhookSecrets, []byte(secret))
		}
		if prev := getenv("HOTPATH_WEBHOOK_SECRET_PREVIOUS"); strings.TrimSpace(prev) != "" {
			s.WebhookSecrets = append(s.WebhookSecrets, []byte(prev))
		}
	}

	api, err := normaliseURL(*apiURL)
	if err != nil {
		bad("HOTPATH_GITHUB_API_URL: %v", err)
	}
	s.APIURL = api
	if *gqlURL != "" {
		u, err := url.Parse(*gqlURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad("HOTPATH_GITHUB_GRAPHQL_URL: want an http(s) URL, not %q", *gqlURL)
		}
		s.GraphQLURL = *gqlURL
	} else if api != "" {
		s.GraphQLURL = GraphQLURLFor(api)
	}

	if n, err := strconv.Atoi(*workers); err != nil || n < 1 || n > 256 {
		bad("HOTPATH_WORKERS must be an integer from 1 to 256, not %q", *workers)
	} else {
		s.Workers = n
	}
	if d, err := time.ParseDuration(*jobTimeout); err != nil || d < 10*time.Second {
		bad("HOTPATH_JOB_TIMEOUT must be a duration of at least 10s, not %q", *jobTimeout)
	} else {
		s.JobTimeout = d
	}
	switch s.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad("HOTPATH_LOG_LEVEL must be debug, info, warn or error, not %q", *logLevel)
	}
	if s.DatabaseURL == "" {
		bad("HOTPATH_DATABASE_URL must not be empty")
	}
	if b, err := strconv.ParseBool(*drafts); err != nil {
		bad("HOTPATH_REVIEW_DRAFTS must be true or false, not %q", *drafts)
	} else {
		s.ReviewDrafts = b
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

func usage(fl *flag.FlagSet) string {
	var b strings.Builder
	fl.SetOutput(&b)
	fl.PrintDefaults()
	return b.String()
}

// normaliseURL checks an API base URL and gives it a trailing slash, as
// go-github requires.
func normaliseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("want an http(s) URL, not %q", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// GraphQLURLFor derives the GraphQL endpoint from a REST API URL: GitHub
// Enterprise Server's …/api/v3/ becomes …/api/graphql; anything else gets
// "graphql" appended (https://api.github.com/graphql).
func GraphQLURLFor(apiURL string) string {
	if strings.HasSuffix(apiURL, "/api/v3/") {
		return strings.TrimSuffix(apiURL, "v3/") + "graphql"
	}
	return apiURL + "graphql"
}

func checkKey(pemBytes []byte) error {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return errors.New("not a PEM block")
	}
	if _, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return errors.New("not an RSA private key (PKCS#1 or PKCS#8)")
	}
	if _, ok := k.(*rsa.PrivateKey); !ok {
		return errors.New("not an RSA private key")
	}
	return nil
}

// String describes the settings with every secret redacted.
func (s *Settings) String() string {
	db := s.DatabaseURL
	if u, err := url.Parse(db); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		db = u.String()
	}
	return fmt.Sprintf("addr=%s app_id=%d api=%s graphql=%s database=%s workers=%d review_drafts=%t private_key=[redacted] webhook_secrets=[%d redacted]",
		s.Addr, s.AppID, s.APIURL, s.GraphQLURL, db, s.Workers, s.ReviewDrafts, len(s.WebhookSecrets))
}
