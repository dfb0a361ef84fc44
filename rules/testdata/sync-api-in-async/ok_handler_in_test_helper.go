package fixtures

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// StartRecordingProxy is test support code: a fake upstream that a test
// starts with its *testing.T and that lives only as long as that test.
func StartRecordingProxy(t *testing.T, upstream string, record bool) *httptest.Server {
	t.Helper()
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !record {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		req, err := http.NewRequest(r.Method, upstream+r.URL.Path, r.Body)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	}))
}

func benchServer(b *testing.B) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("https://upstream.example.com/ping")
		if err == nil {
			resp.Body.Close()
		}
	}))
}
