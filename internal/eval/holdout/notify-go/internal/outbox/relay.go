//go:build ignore

package outbox

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"example.com/notify/internal/templates"
)

// Sender is implemented by the SMS and push providers.
type smsSender interface {
	Send(ctx context.Context, to, body string) (string, error)
}

type pushSender interface {
	Send(ctx context.Context, userID, title, body string) (int, error)
}

// Relay drains the outbox: claim a batch, deliver each message, record it.
type Relay struct {
	store *Store
	sms   smsSender
	push  pushSender
	tpl   *templates.Set
	log   *slog.Logger
}

// NewRelay returns a Relay.
func NewRelay(store *Store, sms smsSender, push pushSender, tpl *templates.Set, log *slog.Logger) *Relay {
	return &Relay{store: store, sms: sms, push: push, tpl: tpl, log: log}
}

type notification struct {
	UserID   string            `json:"user_id"`
	Phone    string            `json:"phone"`
	Channel  string            `json:"channel"`
	Template string            `json:"template"`
	Data     map[string]string `json:"data"`
}

// Run polls until ctx ends. Each pass claims up to 100 messages in one
// statement and sleeps when the outbox is empty.
func (r *Relay) Run(ctx context.Context) {
	idle := time.NewTimer(0)
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-idle.C:
		}
		batch, err := r.store.Claim(ctx, 100, 2*time.Minute)
		if err != nil {
			r.log.ErrorContext(ctx, "claim", "err", err)
			idle.Reset(5 * time.Second)
			continue
		}
		for _, m := range batch {
			providerID, err := r.deliver(ctx, m)
			if err != nil {
				r.log.WarnContext(ctx, "deliver", "id", m.ID, "attempts", m.Attempts, "err", err)
				continue
			}
			if _, err := r.store.db.ExecContext(ctx, `UPDATE outbox SET sent_at = now(), provider_id = $2, leased_until = NULL WHERE id = $1`, m.ID, providerID); err != nil { // expect: query-in-loop
				r.log.ErrorContext(ctx, "mark sent", "id", m.ID, "err", err)
			}
		}
		if len(batch) == 0 {
			idle.Reset(time.Second)
		} else {
			idle.Reset(0)
		}
	}
}

func (r *Relay) deliver(ctx context.Context, m Message) (string, error) {
	var n notification
	if err := json.Unmarshal(m.Payload, &n); err != nil {
		return "", err
	}
	text, err := r.tpl.Text(n.Template, n.Data)
	if err != nil {
		return "", err
	}
	switch n.Channel {
	case "sms":
		return r.sms.Send(ctx, n.Phone, text)
	case "push":
		_, err := r.push.Send(ctx, n.UserID, n.Data["title"], text)
		return "", err
	default:
		return "", nil
	}
}
