package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Head closes the body and returns a field.
func Head(ctx context.Context, c *http.Client, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// The body is handed to a stream type that the caller closes.
type Stream struct {
	Status int
	Body   io.ReadCloser
}

func Open(url string) (*Stream, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return &Stream{Status: resp.StatusCode, Body: resp.Body}, nil
}

// Every path either closes the body or returns the response.
func Fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		resp.Body.Close()
		return nil, errors.New("not found")
	case resp.StatusCode >= 400:
		return nil, &StatusError{Resp: resp}
	}
	return resp, nil
}

// StatusError keeps the response; its owner closes the body.
type StatusError struct{ Resp *http.Response }

func (e *StatusError) Error() string { return e.Resp.Status }

// A deferred closure closes the body on the error paths; success returns it.
func Retry(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode >= 500 {
		return nil, errors.New(resp.Status)
	}
	ok = true
	return resp, nil
}
