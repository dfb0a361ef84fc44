package rules

import "github.com/hotpath-app/hotpath/parsers"

// MissingRelease reports a pooled connection, transaction, result set or
// response body acquired without a release on every path.
var MissingRelease = &Rule{
	ID:        "missing-release",
	Title:     "pooled resource not released on every path",
	Doc:       doc("missing-release"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Error,
	Check:     func(*Pass) {},
}
