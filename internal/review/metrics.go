package review

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Review outcomes (label values of hotpath_reviews_total).
const (
	OutcomeReviewed      = "reviewed"        // a review was posted
	OutcomeNothingToPost = "nothing_to_post" // check completed, no new comment
	OutcomeAlreadyPosted = "already_posted"  // a previous attempt had posted the review
	OutcomeSuperseded    = "superseded"      // the head moved; check cancelled
	OutcomeClosed        = "closed"          // the pull request was closed
	OutcomeConfigError   = "config_error"    // broken .github/hotpath.yml; failing check
	OutcomeMergeGroup    = "merge_group"     // merge queue fast path
	OutcomeRateLimited   = "rate_limited"    // snoozed
	OutcomeRetry         = "retry"           // transient error, retried
	OutcomePermanent     = "permanent"       // permanent error, job cancelled
	OutcomeGaveUp        = "gave_up"         // GiveUp completed the check run
)

type metrics struct {
	reviews   *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	posted    prometheus.Counter
	fallbacks prometheus.Counter
	toPost    prometheus.Histogram
	swept     prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		reviews: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hotpath_reviews_total",
			Help: "Review attempts by outcome.",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "hotpath_review_duration_seconds",
			Help:    "Duration of review attempts by outcome.",
			Buckets: []float64{0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600},
		}, []string{"outcome"}),
		posted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hotpath_review_comments_posted_total",
			Help: "Inline review comments posted.",
		}),
		fallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hotpath_review_422_fallbacks_total",
			Help: "Reviews GitHub rejected with 422 that were posted again without the rejected comments.",
		}),
		toPost: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "hotpath_review_time_to_post_seconds",
			Help:    "Time from the start of a review attempt to its review being posted.",
			Buckets: []float64{0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300},
		}),
		swept: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hotpath_check_runs_swept_total",
			Help: "Stale in_progress check runs completed by the sweep.",
		}),
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{m.reviews, m.duration, m.posted, m.fallbacks, m.toPost, m.swept} {
			if err := reg.Register(c); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

func (m *metrics) observe(outcome string, seconds float64) {
	m.reviews.WithLabelValues(outcome).Inc()
	m.duration.WithLabelValues(outcome).Observe(seconds)
}
