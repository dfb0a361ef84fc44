package tokens

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

type Account struct {
	ID    int64
	Email string
}

type Settings struct {
	Tenants []string
}

type Repo struct {
	db  *gorm.DB
	cfg *Settings
}

// Stopping at the first hit does not bound a search over data: in the
// worst case it queries once per candidate.
func (r *Repo) FirstExisting(ctx context.Context, emails []string) (*Account, error) {
	var a Account
	for _, email := range emails {
		if err := r.db.WithContext(ctx).Where("email = ?", email).First(&a).Error; err == nil { // want "query-in-loop: r.db.WithContext\\(\\).Where\\(\\).First runs once per iteration of the loop on line 28"
			return &a, nil
		} else if !errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, err
		}
	}
	return nil, gorm.ErrRecordNotFound
}

// A configured list walked in full is still one query per entry.
func (r *Repo) CountPerTenant(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	for _, tenant := range r.cfg.Tenants {
		var n int64
		if err := r.db.WithContext(ctx).Model(&Account{}).Where("tenant = ?", tenant).Count(&n).Error; err != nil { // want "query-in-loop: r.db.WithContext\\(\\).Model\\(\\).Where\\(\\).Count runs once per iteration of the loop on line 41"
			return nil, err
		}
		out[tenant] = n
	}
	return out, nil
}
