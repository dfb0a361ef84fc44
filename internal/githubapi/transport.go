package githubapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/internal/promreg"

	"github.com/hotpath-app/hotpath/internal/githubapi/ghroute"
)

// instrumentedTransport is the innermost layer: it sees every request that
// goes to GitHub, including installation token requests made inside
// ghinstallation, and counts them per route and status.
type instrumentedTransport struct {
	base     http.RoundTripper
	counter  *prometheus.CounterVec // may be nil
	hook     func(RequestInfo)      // may be nil
	userAgnt string
}

func (t *instrumentedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.userAgnt != "" && req.Header.Get("User-Agent") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("User-Agent", t.userAgnt)
	}
	start := time.Now()
	resp, err := t.base.RoundTrip(req)
	route := ghroute.Template(req.Method, req.URL.Path)
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	if t.counter != nil {
		label := "error"
		if status != 0 {
			label = strconv.Itoa(status)
		}
		t.counter.WithLabelValues(route, label).Inc()
	}
	if t.hook != nil {
		info := RequestInfo{Route: route, Method: req.Method, Status: status, Duration: time.Since(start)}
		if err != nil {
			info.Err = transportError(route, err)
		}
		t.hook(info)
	}
	return resp, err
}

// requestCounter registers (or reuses) hotpath_github_requests_total.
func requestCounter(reg prometheus.Registerer) (*prometheus.CounterVec, error) {
	if reg == nil {
		return nil, nil
	}
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "hotpath_github_requests_total",
		Help: "HTTP requests sent to the GitHub API, by route template and status code (\"error\" when no response).",
	}, []string{"route", "status"})
	return promreg.Register(reg, c)
}
