package flags

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"sync"
	"time"
)

type Flags struct{ db *sql.DB }

// The answer is one of two literals, stored under the key and returned; a
// hit returns the answer stored.
var betaAccounts sync.Map // want "cache-without-ttl: .*sync.Map `betaAccounts`"

func (f *Flags) InBeta(ctx context.Context, accountID int64) bool {
	if cached, hit := betaAccounts.Load(accountID); hit {
		return cached.(bool)
	}
	var enrolled time.Time
	row := f.db.QueryRowContext(ctx, "SELECT enrolled_at FROM beta_enrolment WHERE account_id = $1", accountID)
	if err := row.Scan(&enrolled); errors.Is(err, sql.ErrNoRows) {
		betaAccounts.Store(accountID, false)
		return false
	} else if err != nil {
		return false
	}
	betaAccounts.Store(accountID, true)
	return true
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
