package rules

import "github.com/hotpath-app/hotpath/parsers"

// QueryInLoop reports a database, ORM or cache call made once per loop
// iteration: the N+1 pattern.
var QueryInLoop = &Rule{
	ID:        "query-in-loop",
	Title:     "database or cache call repeated once per loop iteration",
	Doc:       doc("query-in-loop"),
	Languages: []parsers.Language{parsers.Go, parsers.JavaScript, parsers.TypeScript, parsers.TSX},
	Severity:  Warning,
	Check:     func(*Pass) {},
}
