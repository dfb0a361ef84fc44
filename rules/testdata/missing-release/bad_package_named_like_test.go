// A production package whose name merely contains "test" or "e2e"
// somewhere: attestations are served to users.
package attestation

import (
	"io"
	"net/http"
)

// Fetch is used by the e2e suite too, but lives in production code.
func Fetch(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want "missing-release: resp.Body from c.Get is never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}
