package server

import "errors"

// defaultPipeline builds the production review pipeline.
func defaultPipeline(Deps) (Pipeline, error) {
	return nil, errors.New("the review pipeline (internal/review) is not available in this build")
}
