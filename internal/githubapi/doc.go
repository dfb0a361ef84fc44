// Package githubapi is hotpath's GitHub client layer for the App.
//
// New(Config) builds one ghinstallation AppsTransport (the App's JWT signer)
// and returns *Clients; Clients.ForInstallation(id) returns a *Client whose
// installation token is cached (bounded LRU) and reused across jobs. Every
// method takes and returns domain structs (PullRequest, File, FileContent,
// ReviewComment, CheckRun, ...); go-github types stay inside the package.
//
// Errors are classified once:
//
//   - *RateLimitedError (primary: 403/429 with x-ratelimit-remaining: 0, or a
//     GraphQL RATE_LIMITED error sent with HTTP 200; secondary: Retry-After
//     or a secondary-limit message, ≥ 60 s without a header; Local: the
//     per-installation write budget). Retry after ResetAt (RetryAfter(err)).
//   - *UnprocessableError for 422 (e.g. a review anchor outside the diff;
//     the whole review was rejected).
//   - ErrNotFound (errors.Is) for 404/410 and GraphQL NOT_FOUND.
//   - *APIError for other statuses, *TransportError for timeouts and
//     connection errors.
//
// IsRetryable(err) tells the queue whether to retry. Idempotent reads (GETs
// and GraphQL queries) are retried inside the call on 5xx/timeouts (bounded,
// jittered backoff); writes (POST/PATCH/PUT/DELETE and GraphQL mutations)
// are never retried after a response and pass through a per-installation
// token bucket tuned to GitHub's content-creation limits. Short rate limits
// (≤ Config.MaxInlineWait) are waited out inside the call.
//
// Error strings never contain tokens, JWTs or key material: GitHub's
// messages are redacted and URLs carry no credentials.
//
// The fake GitHub in package fakegithub serves the same routes for tests and
// benchmarks; route names for metrics and counters come from package ghroute.
package githubapi
