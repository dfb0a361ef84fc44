package webhook

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/internal/promreg"
)

type metrics struct {
	deliveries *prometheus.CounterVec
	duration   *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_webhook_deliveries_total",
			Help: "Webhook deliveries by event and outcome.",
		}, []string{"event", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_webhook_duration_seconds",
			Help:    "Time to answer a webhook delivery, by outcome.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"outcome"}),
	}
	if reg != nil {
		m.deliveries = promreg.MustRegister(reg, m.deliveries)
		m.duration = promreg.MustRegister(reg, m.duration)
	}
	return m
}

func (m *metrics) observe(event, outcome string, d time.Duration) {
	m.deliveries.WithLabelValues(event, outcome).Inc()
	m.duration.WithLabelValues(outcome).Observe(d.Seconds())
}

// knownEvents bounds the event label's cardinality to events GitHub sends
// Apps; anything else is "other".
var knownEvents = map[string]bool{
	"ping": true, "pull_request": true, "check_run": true, "check_suite": true, "merge_group": true,
	"installation": true, "installation_repositories": true, "installation_target": true,
	"push": true, "pull_request_review": true, "pull_request_review_comment": true,
	"pull_request_review_thread": true, "issue_comment": true, "issues": true, "status": true,
	"github_app_authorization": true, "repository": true, "meta": true, "security_advisory": true,
}

func eventMetricLabel(event string) string {
	if knownEvents[event] {
		return event
	}
	return "other"
}
