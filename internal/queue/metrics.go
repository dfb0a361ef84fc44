package queue

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	enqueued *prometheus.CounterVec
	jobs     *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		enqueued: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_queue_enqueued_total",
			Help: "Enqueue attempts by job kind and outcome (queued, duplicate_delivery, duplicate_job, error).",
		}, []string{"kind", "outcome"}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_queue_jobs_total",
			Help: "Job attempts by kind and outcome (completed, retried, snoozed, cancelled, gave_up, released, cancelled_installation).",
		}, []string{"kind", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_queue_job_duration_seconds",
			Help:    "Duration of one job attempt by kind.",
			Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600},
		}, []string{"kind"}),
	}
	if reg != nil {
		m.enqueued = register(reg, m.enqueued)
		m.jobs = register(reg, m.jobs)
		m.duration = register(reg, m.duration)
	}
	return m
}

// register registers c, or returns the collector already registered under
// the same description (several queues sharing one registry share metrics).
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if existing, ok := are.ExistingCollector.(C); ok {
				return existing
			}
		}
		panic(err)
	}
	return c
}
