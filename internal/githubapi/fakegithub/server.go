// Package fakegithub is an in-process fake of the parts of the GitHub API
// that hotpath uses (REST under / and /api/v3/, GraphQL under /graphql and
// /api/graphql), with GitHub's rules where they matter: App JWT and
// installation-token authentication, pagination with Link headers, the
// 3,000-file cap, 422 for review comments outside the diff, check-run limits
// (50 annotations per request, 65,535-character summaries), GraphQL blob
// truncation at 512,000 bytes, plus fault injection (5xx, rate limits,
// latency) and per-route request counters.
//
// Route names are ghroute templates, e.g. ghroute.PullGet =
// "GET /repos/{owner}/{repo}/pulls/{number}", and ghroute.GraphQL.
package fakegithub

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	jwt "github.com/golang-jwt/jwt/v4"

	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// Options configure a Server.
type Options struct {
	AppID    int64  // default 4242
	AppSlug  string // default "hotpath"
	ClientID string // accepted as JWT issuer too; default "Iv1.fakeclientid"
	// TokenTTL is the lifetime of installation tokens (default 1 h).
	TokenTTL time.Duration
	// KeyBits of the generated RSA key (default 2048).
	KeyBits int
}

// Server is a fake GitHub. Create it with New; all methods are safe for
// concurrent use.
type Server struct {
	srv      *httptest.Server
	key      *rsa.PrivateKey
	keyPEM   []byte
	appID    int64
	appSlug  string
	clientID string
	tokenTTL time.Duration

	mu            sync.Mutex
	installations map[int64]*installation
	tokens        map[string]*token
	repos         map[string]*repo // key: lower(owner/name)
	nodes         map[string]*comment
	nextID        int64
	faults        []*fault
	latency       time.Duration
	log           []Request
	counts        map[string]int
	deleted       []ReviewComment
}

type installation struct {
	id        int64
	account   string
	suspended bool
}

type token struct {
	value          string
	installationID int64
	expiresAt      time.Time
}

// Request is one entry of the request log.
type Request struct {
	Method         string
	Path           string // as received (with any /api/v3 prefix)
	Query          string
	Route          string // ghroute template
	Status         int
	Auth           string // "jwt", "token" or "" (none/invalid)
	InstallationID int64  // for token-authenticated requests
	GraphQLOp      string // "query" or "mutation" for GraphQL requests
	Time           time.Time
}

// New starts a fake GitHub with a freshly generated App key. With a non-nil
// tb the server is closed at the end of the test; otherwise call Close.
func New(tb testing.TB, opts ...Options) *Server {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.AppID == 0 {
		o.AppID = 4242
	}
	if o.AppSlug == "" {
		o.AppSlug = "hotpath"
	}
	if o.ClientID == "" {
		o.ClientID = "Iv1.fakeclientid"
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = time.Hour
	}
	if o.KeyBits == 0 {
		o.KeyBits = 2048
	}
	key, err := rsa.GenerateKey(rand.Reader, o.KeyBits)
	if err != nil {
		if tb != nil {
			tb.Fatalf("fakegithub: generate key: %v", err)
		}
		panic(err)
	}
	s := &Server{
		key:           key,
		keyPEM:        pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}),
		appID:         o.AppID,
		appSlug:       o.AppSlug,
		clientID:      o.ClientID,
		tokenTTL:      o.TokenTTL,
		installations: map[int64]*installation{},
		tokens:        map[string]*token{},
		repos:         map[string]*repo{},
		nodes:         map[string]*comment{},
		nextID:        1000,
		counts:        map[string]int{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	if tb != nil {
		tb.Cleanup(s.Close)
	}
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// URL is the REST root in GitHub Enterprise Server form: http://127.0.0.1:N/api/v3/.
// Its GraphQL endpoint is GraphQLURL().
func (s *Server) URL() string { return s.srv.URL + "/api/v3/" }

// RootURL is the REST root in github.com form (http://127.0.0.1:N/); its
// GraphQL endpoint is RootURL()+"graphql".
func (s *Server) RootURL() string { return s.srv.URL + "/" }

// GraphQLURL is the GraphQL endpoint matching URL(): http://127.0.0.1:N/api/graphql.
func (s *Server) GraphQLURL() string { return s.srv.URL + "/api/graphql" }

// AppID returns the App's ID.
func (s *Server) AppID() int64 { return s.appID }

// AppSlug returns the App's slug.
func (s *Server) AppSlug() string { return s.appSlug }

// BotLogin is the login of the App's bot user, the author of its comments.
func (s *Server) BotLogin() string { return s.appSlug + "[bot]" }

// AppPrivateKeyPEM returns the App's private key (PKCS#1 PEM), generated for
// this server only.
func (s *Server) AppPrivateKeyPEM() []byte { return append([]byte(nil), s.keyPEM...) }

// HTTPClient returns a client for the server (plain, no auth).
func (s *Server) HTTPClient() *http.Client { return s.srv.Client() }

// SetLatency delays every request by d (0 disables).
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	s.latency = d
	s.mu.Unlock()
}

// ---- request log and counters ----

// Requests returns a copy of the request log.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Count returns the number of requests received for a route (ghroute
// template, or ghroute.GraphQL), including failed ones.
func (s *Server) Count(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[route]
}

// Counts returns the request count per route.
func (s *Server) Counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// Total returns the number of requests received.
func (s *Server) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// ResetRequests clears the request log and counters.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
	s.counts = map[string]int{}
}

// IssuedTokens returns the installation tokens minted so far.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.tokens))
	for v := range s.tokens {
		out = append(out, v)
	}
	return out
}

// ExpireTokens makes every issued installation token invalid (401), as if
// an hour had passed.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tokens {
		t.expiresAt = time.Now().Add(-time.Second)
	}
}

// ---- faults ----

type fault struct {
	route     string
	remaining int
	status    int
	header    http.Header
	body      string
	delay     time.Duration
}

// Fault is an injected response.
type Fault struct {
	// Status of the injected response; 0 means "answer normally" (after Delay).
	Status int
	Header http.Header
	Body   string // default {"message": "<status text>"}
	// Delay holds the response back (e.g. beyond the client's timeout).
	Delay time.Duration
}

// FailNext makes the next n requests to route answer with status (route "*"
// matches every route).
func (s *Server) FailNext(route string, status, n int) {
	s.InjectFault(route, n, Fault{Status: status})
}

// InjectFault makes the next n requests to route answer with f.
func (s *Server) InjectFault(route string, n int, f Fault) {
	if f.Body == "" && f.Status != 0 {
		f.Body = fmt.Sprintf(`{"message":%q}`, http.StatusText(f.Status))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{route: route, remaining: n, status: f.Status, header: f.Header, body: f.Body, delay: f.Delay})
}

// RateLimit describes an injected rate-limit response.
type RateLimit struct {
	// Status is 403 or 429 (default 429). For ghroute.GraphQL, 200 sends a
	// GraphQL RATE_LIMITED error with HTTP 200.
	Status int
	// Secondary selects a secondary limit (message about secondary rate
	// limits; Retry-After when RetryAfter > 0). Otherwise a primary limit:
	// x-ratelimit-remaining: 0 and x-ratelimit-reset = Reset.
	Secondary  bool
	RetryAfter time.Duration
	Reset      time.Time // primary; default now + 1 h
}

// RateLimitNext makes the next n requests to route answer with a rate limit.
func (s *Server) RateLimitNext(route string, n int, rl RateLimit) {
	if rl.Status == 0 {
		rl.Status = http.StatusTooManyRequests
	}
	if rl.Reset.IsZero() {
		rl.Reset = time.Now().Add(time.Hour)
	}
	h := http.Header{}
	var body string
	switch {
	case rl.Secondary:
		if rl.RetryAfter > 0 {
			h.Set("Retry-After", strconv.Itoa(int(rl.RetryAfter/time.Second)))
		}
		h.Set("X-Ratelimit-Remaining", "4000")
		body = `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`
	default:
		h.Set("X-Ratelimit-Limit", "5000")
		h.Set("X-Ratelimit-Remaining", "0")
		h.Set("X-Ratelimit-Used", "5000")
		h.Set("X-Ratelimit-Reset", strconv.FormatInt(rl.Reset.Unix(), 10))
		h.Set("X-Ratelimit-Resource", "core")
		body = `{"message":"API rate limit exceeded for installation.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`
		if rl.Status == http.StatusOK {
			h.Set("X-Ratelimit-Resource", "graphql")
			body = `{"data":null,"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for installation."}]}`
		}
	}
	s.InjectFault(route, n, Fault{Status: rl.Status, Header: h, Body: body})
}

// takeFault returns the next matching fault, if any. Caller holds s.mu.
func (s *Server) takeFault(route string) *fault {
	for i, f := range s.faults {
		if f.route != route && f.route != "*" {
			continue
		}
		f.remaining--
		if f.remaining <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return f
	}
	return nil
}

// ---- dispatch ----

type reqCtx struct {
	w      http.ResponseWriter
	r      *http.Request
	route  string
	params map[string]string
	body   []byte
	inst   int64 // installation of the token, 0 for JWT
	status int
}

func (c *reqCtx) json(status int, v any) {
	c.status = status
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	_ = json.NewEncoder(c.w).Encode(v)
}

func (c *reqCtx) raw(status int, contentType string, b []byte) {
	c.status = status
	c.w.Header().Set("Content-Type", contentType)
	c.w.WriteHeader(status)
	_, _ = c.w.Write(b)
}

func (c *reqCtx) message(status int, msg string) {
	c.json(status, map[string]any{"message": msg, "documentation_url": "https://docs.github.com/rest", "status": strconv.Itoa(status)})
}

func (c *reqCtx) unprocessable(msg string, errs ...any) {
	body := map[string]any{"message": msg, "documentation_url": "https://docs.github.com/rest", "status": "422"}
	if len(errs) > 0 {
		body["errors"] = errs
	}
	c.json(http.StatusUnprocessableEntity, body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	route := ghroute.Template(r.Method, r.URL.Path)
	entry := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Route: route, Time: time.Now()}
	c := &reqCtx{w: w, r: r, route: route}
	defer func() {
		entry.Status = c.status
		s.mu.Lock()
		s.log = append(s.log, entry)
		s.counts[route]++
		s.mu.Unlock()
	}()

	s.mu.Lock()
	latency := s.latency
	f := s.takeFault(route)
	s.mu.Unlock()
	if f != nil {
		latency += f.delay
	}
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			c.status = 499
			return
		}
	}
	body, err := readAll(r)
	if err != nil {
		c.message(http.StatusBadRequest, "Problems parsing JSON")
		return
	}
	c.body = body

	if f != nil && f.status != 0 {
		for k, v := range f.header {
			w.Header()[k] = v
		}
		c.raw(f.status, "application/json; charset=utf-8", []byte(f.body))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("X-Ratelimit-Limit", "5000")
	w.Header().Set("X-Ratelimit-Remaining", "4999")
	w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
	w.Header().Set("X-GitHub-Request-Id", hex.EncodeToString(randBytes(8)))

	if route == ghroute.GraphQL {
		inst, ok := s.authToken(r)
		if !ok {
			c.message(http.StatusUnauthorized, "Bad credentials")
			return
		}
		entry.Auth, entry.InstallationID, c.inst = "token", inst, inst
		entry.GraphQLOp = s.graphQL(c)
		return
	}
	if route == ghroute.Other {
		c.message(http.StatusNotFound, "Not Found")
		return
	}
	params, _ := ghroute.Params(route, r.URL.Path)
	c.params = params
	if strings.HasPrefix(route, "GET /app") || strings.HasPrefix(route, "POST /app") || route == ghroute.RepoInstallation {
		if !s.authJWT(r) {
			c.message(http.StatusUnauthorized, "A JSON web token could not be decoded")
			return
		}
		entry.Auth = "jwt"
		s.serveApp(c)
		return
	}
	inst, ok := s.authToken(r)
	if !ok {
		c.message(http.StatusUnauthorized, "Bad credentials")
		return
	}
	entry.Auth, entry.InstallationID, c.inst = "token", inst, inst
	s.serveRepo(c)
}

// authJWT verifies an App JWT: RS256 signed by the App key, iss = App ID (or
// client ID), exp in the future and at most 10 minutes after iat.
func (s *Server) authJWT(r *http.Request) bool {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	claims := &jwt.RegisteredClaims{}
	tok, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		if t.Method != jwt.SigningMethodRS256 {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return &s.key.PublicKey, nil
	})
	if err != nil || !tok.Valid {
		return false
	}
	if claims.ExpiresAt == nil || claims.IssuedAt == nil {
		return false
	}
	if claims.ExpiresAt.Sub(claims.IssuedAt.Time) > 10*time.Minute || time.Until(claims.ExpiresAt.Time) > 10*time.Minute {
		return false
	}
	if claims.IssuedAt.After(time.Now().Add(60 * time.Second)) {
		return false
	}
	return claims.Issuer == strconv.FormatInt(s.appID, 10) || claims.Issuer == s.clientID
}

// authToken checks an installation token. Caller holds s.mu.
func (s *Server) authToken(r *http.Request) (int64, bool) {
	h := r.Header.Get("Authorization")
	v, ok := strings.CutPrefix(h, "token ")
	if !ok {
		v, ok = strings.CutPrefix(h, "Bearer ")
	}
	if !ok {
		return 0, false
	}
	t := s.tokens[v]
	if t == nil || time.Now().After(t.expiresAt) {
		return 0, false
	}
	inst := s.installations[t.installationID]
	if inst == nil || inst.suspended {
		return 0, false
	}
	return t.installationID, true
}

func randBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func readAll(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	defer r.Body.Close()
	return io.ReadAll(io.LimitReader(r.Body, 64<<20))
}
