package githubapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

type graphQLRequest struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

type graphQLError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	Path    []any  `json:"path"`
}

type graphQLResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []graphQLError  `json:"errors"`
}

// graphQL posts one GraphQL document. Queries are retried like GETs;
// mutations go through the write budget.
func (c *Client) graphQL(ctx context.Context, mutation bool, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(graphQLRequest{Query: query, Variables: vars})
	if err != nil {
		return fmt.Errorf("githubapi: encode GraphQL request: %w", err)
	}
	fn := func(ctx context.Context) (*github.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cs.cfg.GraphQLURL, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		resp, err := c.http.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
			return nil, classifyResponse(ghroute.GraphQL, resp, b)
		}
		var gr graphQLResponse
		if err := json.NewDecoder(resp.Body).Decode(&gr); err != nil {
			return nil, transportError(ghroute.GraphQL, fmt.Errorf("decode GraphQL response: %w", err))
		}
		if len(gr.Errors) > 0 {
			return nil, classifyGraphQLErrors(resp, gr.Errors)
		}
		if out != nil {
			if err := json.Unmarshal(gr.Data, out); err != nil {
				return nil, fmt.Errorf("githubapi: decode GraphQL data: %w", err)
			}
		}
		return nil, nil
	}
	if mutation {
		return c.write(ctx, ghroute.GraphQL, fn)
	}
	return c.read(ctx, ghroute.GraphQL, fn)
}

// classifyGraphQLErrors handles errors returned with HTTP 200, notably
// RATE_LIMITED (primary limit) and NOT_FOUND.
func classifyGraphQLErrors(resp *http.Response, errs []graphQLError) error {
	var types, msgs []string
	for _, e := range errs {
		if e.Type != "" && !containsString(types, e.Type) {
			types = append(types, e.Type)
		}
		msgs = append(msgs, redact(e.Message))
	}
	msg := strings.Join(msgs, "; ")
	if containsString(types, "RATE_LIMITED") || strings.Contains(strings.ToLower(msg), "secondary rate limit") {
		secondary := !containsString(types, "RATE_LIMITED")
		reset := time.Now().Add(SecondaryFallbackWait)
		if v, err := strconv.ParseInt(resp.Header.Get("X-Ratelimit-Reset"), 10, 64); err == nil && v > 0 && !secondary {
			reset = time.Unix(v, 0)
		}
		if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			reset = ra
		}
		return &RateLimitedError{ResetAt: reset, Secondary: secondary, Status: resp.StatusCode, Route: ghroute.GraphQL, Message: msg}
	}
	return &APIError{Route: ghroute.GraphQL, Status: resp.StatusCode, Message: msg, Types: types}
}
