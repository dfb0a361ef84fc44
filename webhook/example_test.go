package webhook_test

import (
	"context"
	"log"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hotpath-app/hotpath/webhook"
)

type logEnqueuer struct{}

func (logEnqueuer) EnqueueReview(_ context.Context, delivery string, r webhook.ReviewRequest) (bool, error) {
	log.Printf("review %s/%s#%d at %s (delivery %s)", r.Owner, r.Repo, r.Number, r.HeadSHA, delivery)
	return true, nil
}

func (logEnqueuer) CancelInstallation(context.Context, string, int64) error { return nil }

// Mount the handler on an echo server. secrets[0] is the current webhook
// secret; later ones are still accepted while a rotation is under way. In
// hotpath the Enqueuer is *queue.Queue.
func Example() {
	secrets := [][]byte{[]byte("current-secret"), []byte("previous-secret")}
	h, err := webhook.New(secrets[0], logEnqueuer{},
		webhook.WithPreviousSecrets(secrets[1:]...),
		webhook.WithAppID(873421),
		webhook.WithRegisterer(prometheus.NewRegistry()),
	)
	if err != nil {
		log.Fatal(err)
	}
	e := echo.New()
	h.Register(e) // POST /webhook
	_ = e         // e.Start(":8080")
}
