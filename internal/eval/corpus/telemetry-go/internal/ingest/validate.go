//go:build ignore

package ingest

import (
	"fmt"
	"math"
	"regexp"
)

var metricName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// Validate rejects points with bad metric names or non-finite values.
func Validate(points []Point) error {
	for i, p := range points {
		if p.DeviceID == "" {
			return fmt.Errorf("point %d: missing device_id", i)
		}
		if len(p.Metrics) == 0 || len(p.Metrics) > 64 {
			return fmt.Errorf("point %d: between 1 and 64 metrics", i)
		}
		for name, v := range p.Metrics {
			if !metricName.MatchString(name) {
				return fmt.Errorf("point %d: invalid metric name %q", i, name)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("point %d: metric %s is not finite", i, name)
			}
		}
	}
	return nil
}
