package githubapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v60/github"
)

const tokenRoute = "POST /app/installations/{installation_id}/access_tokens"

// ErrNotFound reports a 404 or 410 from GitHub (or a GraphQL NOT_FOUND): the
// repository, pull request, comment or installation does not exist or is not
// visible to the App. Test with errors.Is.
var ErrNotFound = errors.New("github: not found")

// SecondaryFallbackWait is the wait used for a secondary rate limit that
// carries no Retry-After header (GitHub: "wait at least one minute").
const SecondaryFallbackWait = 60 * time.Second

// RateLimitedError reports a primary or secondary rate limit (HTTP 403/429,
// or a GraphQL RATE_LIMITED error sent with HTTP 200), or an exhausted local
// write budget (Local). Retry no earlier than ResetAt.
type RateLimitedError struct {
	ResetAt   time.Time
	Secondary bool   // secondary (abuse / content-creation) limit, or local budget
	Local     bool   // the App's own per-installation write budget, no request was sent
	Status    int    // HTTP status (0 for Local)
	Route     string // ghroute template of the request
	Message   string // GitHub's message (redacted)
}

func (e *RateLimitedError) Error() string {
	kind := "primary"
	switch {
	case e.Local:
		kind = "local write budget"
	case e.Secondary:
		kind = "secondary"
	}
	msg := fmt.Sprintf("github: %s rate limit", kind)
	if e.Route != "" {
		msg += " on " + e.Route
	}
	if e.Status != 0 {
		msg += fmt.Sprintf(" (%d)", e.Status)
	}
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg + fmt.Sprintf("; retry after %s", e.ResetAt.UTC().Format(time.RFC3339))
}

// UnprocessableError is a 422 from GitHub: validation failed (for a review,
// typically "pull_request_review_thread.line must be part of the diff"; the
// review was rejected as a whole).
type UnprocessableError struct {
	Route   string
	Message string   // top-level message, e.g. "Unprocessable Entity"
	Errors  []string // individual error messages / codes
}

func (e *UnprocessableError) Error() string {
	msg := "github: 422 " + e.Message
	if e.Route != "" {
		msg = "github: " + e.Route + ": 422 " + e.Message
	}
	if len(e.Errors) > 0 {
		msg += ": " + strings.Join(e.Errors, "; ")
	}
	return msg
}

// Contains reports whether the message or any error detail contains s
// (case-insensitive).
func (e *UnprocessableError) Contains(s string) bool {
	s = strings.ToLower(s)
	if strings.Contains(strings.ToLower(e.Message), s) {
		return true
	}
	for _, d := range e.Errors {
		if strings.Contains(strings.ToLower(d), s) {
			return true
		}
	}
	return false
}

// APIError is any other unsuccessful response (or GraphQL error). 404/410
// match ErrNotFound with errors.Is.
type APIError struct {
	Route   string
	Status  int      // HTTP status; 200 for GraphQL errors sent with 200
	Message string   // GitHub's message (redacted)
	Types   []string // GraphQL error types, if any
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("github: %s: %d", e.Route, e.Status)
	if e.Message != "" {
		msg += " " + e.Message
	}
	if len(e.Types) > 0 {
		msg += " [" + strings.Join(e.Types, ",") + "]"
	}
	return msg
}

// Is makes 404 and 410 responses match ErrNotFound.
func (e *APIError) Is(target error) bool {
	return target == ErrNotFound && (e.Status == http.StatusNotFound || e.Status == http.StatusGone ||
		containsString(e.Types, "NOT_FOUND"))
}

func (e *APIError) retryable() bool {
	if e.Status >= 500 || e.Status == http.StatusRequestTimeout {
		return true
	}
	// A 401 on an installation route means the cached token was rejected;
	// the client has dropped it, so a retry mints a new one. A 401 on the
	// App (JWT) routes means a wrong key or App ID: permanent.
	if e.Status == http.StatusUnauthorized {
		return e.Route != tokenRoute && !strings.HasPrefix(e.Route, "GET /app")
	}
	// GraphQL errors sent with HTTP 200: typed errors about the request are
	// permanent, other typed ones transient; untyped ones are query
	// validation errors unless GitHub says something went wrong / timed out.
	if e.Status == http.StatusOK {
		for _, t := range e.Types {
			switch t {
			case "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "INVALID", "UNPROCESSABLE", "BAD_REQUEST":
				return false
			}
		}
		if len(e.Types) > 0 {
			return true
		}
		m := strings.ToLower(e.Message)
		return strings.Contains(m, "something went wrong") || strings.Contains(m, "timeout") ||
			strings.Contains(m, "timed out") || strings.Contains(m, "try again")
	}
	return false
}

// TransportError is a request that got no HTTP response: connection errors
// and timeouts of a single attempt. It is retryable.
type TransportError struct {
	Route   string
	Timeout bool
	msg     string
	err     error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("github: %s: %s", e.Route, e.msg)
}

// Unwrap returns the underlying error (for errors.Is(err, context.DeadlineExceeded) and the like).
func (e *TransportError) Unwrap() error { return e.err }

// IsRetryable reports whether retrying the same call later may succeed:
// rate limits (after RetryAfter), 5xx, request timeouts, connection errors,
// transient GraphQL errors. 4xx errors and canceled contexts are not.
func IsRetryable(err error) bool {
	if err == nil {
		return false
	}
	var rl *RateLimitedError
	if errors.As(err, &rl) {
		return true
	}
	var ue *UnprocessableError
	if errors.As(err, &ue) {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.retryable()
	}
	var te *TransportError
	if errors.As(err, &te) {
		return true
	}
	return false
}

// RetryAfter returns how long to wait before retrying a rate-limited call.
// ok is false for errors that are not rate limits.
func RetryAfter(err error) (time.Duration, bool) {
	var rl *RateLimitedError
	if !errors.As(err, &rl) {
		return 0, false
	}
	d := time.Until(rl.ResetAt)
	if d < time.Second {
		d = time.Second
	}
	return d, true
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// ---- classification ----

// errorBody is GitHub's JSON error shape; "errors" items are objects or strings.
type errorBody struct {
	Message          string            `json:"message"`
	Errors           []json.RawMessage `json:"errors"`
	DocumentationURL string            `json:"documentation_url"`
}

func (b *errorBody) details() []string {
	var out []string
	for _, raw := range b.Errors {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			out = append(out, redact(s))
			continue
		}
		var e struct{ Resource, Field, Code, Message string }
		if json.Unmarshal(raw, &e) == nil {
			switch {
			case e.Message != "":
				out = append(out, redact(e.Message))
			case e.Field != "":
				out = append(out, redact(fmt.Sprintf("%s %s %s", e.Resource, e.Field, e.Code)))
			case e.Code != "":
				out = append(out, redact(e.Code))
			}
		}
	}
	return out
}

const maxErrorBody = 64 << 10

// classifyResponse turns a non-2xx response into a typed error. body is the
// (possibly already read) response body.
func classifyResponse(route string, resp *http.Response, body []byte) error {
	var eb errorBody
	_ = json.Unmarshal(body, &eb)
	msg := redact(eb.Message)
	if msg == "" && len(body) > 0 && !json.Valid(body) {
		msg = redact(truncate(strings.TrimSpace(string(body)), 200))
	}
	status := resp.StatusCode
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusForbidden:
		if rl := rateLimitFromResponse(route, resp, msg, eb.DocumentationURL); rl != nil {
			return rl
		}
		return &APIError{Route: route, Status: status, Message: msg}
	case status == http.StatusUnprocessableEntity:
		return &UnprocessableError{Route: route, Message: msg, Errors: eb.details()}
	default:
		if d := eb.details(); len(d) > 0 && msg != "" {
			msg += ": " + strings.Join(d, "; ")
		}
		return &APIError{Route: route, Status: status, Message: msg}
	}
}

// rateLimitFromResponse recognises primary and secondary rate limits on a
// 403/429. It returns nil for a 403 that is a plain permission error.
func rateLimitFromResponse(route string, resp *http.Response, msg, docURL string) *RateLimitedError {
	h := resp.Header
	now := time.Now()
	if h.Get("X-Ratelimit-Remaining") == "0" {
		reset := now.Add(SecondaryFallbackWait)
		if v, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64); err == nil && v > 0 {
			reset = time.Unix(v, 0)
		}
		if ra, ok := parseRetryAfter(h.Get("Retry-After"), now); ok && ra.After(reset) {
			reset = ra
		}
		return &RateLimitedError{ResetAt: reset, Status: resp.StatusCode, Route: route, Message: msg}
	}
	if ra, ok := parseRetryAfter(h.Get("Retry-After"), now); ok {
		return &RateLimitedError{ResetAt: ra, Secondary: true, Status: resp.StatusCode, Route: route, Message: msg}
	}
	lower := strings.ToLower(msg + " " + docURL)
	if resp.StatusCode == http.StatusTooManyRequests || strings.Contains(lower, "secondary rate limit") ||
		strings.Contains(lower, "abuse") || strings.Contains(lower, "rate limit") {
		return &RateLimitedError{ResetAt: now.Add(SecondaryFallbackWait), Secondary: true, Status: resp.StatusCode, Route: route, Message: msg}
	}
	return nil
}

// parseRetryAfter accepts delta-seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs >= 0 {
		return now.Add(time.Duration(secs) * time.Second), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// classifyDoError converts what go-github's Do returned into our error types.
// parent is the caller's context: when it is done, its error is returned as is.
func classifyDoError(parent context.Context, route string, resp *github.Response, err error) error {
	if err == nil {
		return nil
	}
	if perr := parent.Err(); perr != nil {
		return perr
	}
	var rle *github.RateLimitError
	if errors.As(err, &rle) {
		reset := rle.Rate.Reset.Time
		if reset.IsZero() {
			reset = time.Now().Add(SecondaryFallbackWait)
		}
		return &RateLimitedError{ResetAt: reset, Status: statusOf(rle.Response), Route: route, Message: redact(rle.Message)}
	}
	var are *github.AbuseRateLimitError
	if errors.As(err, &are) {
		wait := SecondaryFallbackWait
		if are.RetryAfter != nil && *are.RetryAfter > 0 {
			wait = *are.RetryAfter
		}
		return &RateLimitedError{ResetAt: time.Now().Add(wait), Secondary: true, Status: statusOf(are.Response), Route: route, Message: redact(are.Message)}
	}
	var ere *github.ErrorResponse
	if errors.As(err, &ere) && ere.Response != nil {
		// CheckResponse re-populated the body; classify from the raw response
		// so 429 and the error detail shapes are handled uniformly.
		body := readBody(ere.Response)
		return classifyResponse(route, ere.Response, body)
	}
	var accepted *github.AcceptedError
	if errors.As(err, &accepted) {
		return &APIError{Route: route, Status: http.StatusAccepted, Message: "accepted, result not ready"}
	}
	// Installation token minting failed inside ghinstallation: classify the
	// token endpoint's response (404 = installation gone, 403/429 = limits).
	var he *ghinstallation.HTTPError
	if errors.As(err, &he) && he.Response != nil {
		return classifyResponse(tokenRoute, he.Response, readBody(he.Response))
	}
	if resp != nil && resp.Response != nil && resp.StatusCode >= 300 {
		return classifyResponse(route, resp.Response, readBody(resp.Response))
	}
	return transportError(route, err)
}

func statusOf(r *http.Response) int {
	if r == nil {
		return 0
	}
	return r.StatusCode
}

func readBody(r *http.Response) []byte {
	if r == nil || r.Body == nil {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(r.Body, maxErrorBody))
	r.Body.Close()
	return b
}

func transportError(route string, err error) error {
	var ne net.Error
	timeout := errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
	msg := redact(err.Error())
	if timeout {
		msg = "request timed out: " + msg
	}
	return &TransportError{Route: route, Timeout: timeout, msg: msg, err: err}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// ---- redaction ----

var redactPatterns = []*regexp.Regexp{
	regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)`),
	regexp.MustCompile(`\bgh[opsuvr]_[A-Za-z0-9_\-.]{8,}`),                                   // GitHub tokens incl. ghs_APPID_JWT
	regexp.MustCompile(`eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+`),               // JWT
	regexp.MustCompile(`(?i)\b(bearer|token|basic)\s+[A-Za-z0-9_\-.=+/]{8,}`),                // Authorization values
	regexp.MustCompile(`(?i)(access_token|client_secret|token)=[^&\s"]+`),                    // query parameters
	regexp.MustCompile(`(?i)"(token|access_token|private_key|client_secret)"\s*:\s*"[^"]*"`), // JSON fields
}

// redact removes anything that looks like a credential from s.
func redact(s string) string {
	if s == "" {
		return s
	}
	for _, re := range redactPatterns {
		s = re.ReplaceAllString(s, "[REDACTED]")
	}
	return s
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
