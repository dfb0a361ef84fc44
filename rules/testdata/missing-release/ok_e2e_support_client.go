// Package e2eshop is the client an end-to-end test suite drives the service
// with: test support code, not a request path of the service.
package e2eshop

import (
	"fmt"
	"io"
	"net/http"
)

type Client struct {
	http *http.Client
	addr string
}

func (c *Client) Orders() ([]byte, error) {
	resp, err := c.http.Get("http://" + c.addr + "/orders")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
