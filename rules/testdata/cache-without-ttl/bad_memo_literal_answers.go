package suppress

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"sync"
)

type List struct{ db *sql.DB }

// The answer is one of two literals, stored under the key and returned; a
// hit returns the answer stored.
var lookups sync.Map // want "cache-without-ttl: .*sync.Map `lookups`"

func (l *List) Suppressed(ctx context.Context, email string) (bool, error) {
	if v, ok := lookups.Load(email); ok {
		return v.(bool), nil
	}
	var reason string
	err := l.db.QueryRowContext(ctx, `SELECT reason FROM suppressions WHERE email = $1`, email).Scan(&reason)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		lookups.Store(email, false)
		return false, nil
	case err != nil:
		return false, err
	}
	lookups.Store(email, true)
	return true, nil
}

var internalHosts = map[string]bool{} // want "cache-without-ttl: .*map `internalHosts`"

func Internal(host string) bool {
	if v, ok := internalHosts[host]; ok {
		return v
	}
	addrs, err := net.LookupHost(host)
	if err != nil || len(addrs) == 0 {
		internalHosts[host] = false
		return false
	}
	internalHosts[host] = true
	return true
}
