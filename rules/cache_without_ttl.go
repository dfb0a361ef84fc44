package rules

import "github.com/hotpath-app/hotpath/parsers"

// CacheWithoutTTL reports cache writes with no expiry and in-process caches
// with neither a TTL nor a size bound.
var CacheWithoutTTL = &Rule{
	ID:        "cache-without-ttl",
	Title:     "cache write with no expiry or bound",
	Doc:       doc("cache-without-ttl"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     func(*Pass) {},
}
