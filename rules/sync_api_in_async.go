package rules

import "github.com/hotpath-app/hotpath/parsers"

// SyncAPIInAsync reports synchronous, blocking work on a request path: Node
// *Sync APIs inside async functions and handlers, and in Go blocking calls
// in HTTP handlers or a mutex held across network I/O.
var SyncAPIInAsync = &Rule{
	ID:        "sync-api-in-async",
	Title:     "blocking call inside async code or a request handler",
	Doc:       doc("sync-api-in-async"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     func(*Pass) {},
}
