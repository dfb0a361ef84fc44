package webhook

import (
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/labstack/echo/v4"
)

// FuzzHandle sends signed garbage (and signed mutations of the fixtures)
// through the real echo handler: it must never panic and never answer 5xx,
// since the fake Enqueuer never fails.
func FuzzHandle(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	events := []string{"pull_request", "check_run", "check_suite", "merge_group", "installation", "ping", "push"}
	for i, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(events[i%len(events)], b, true)
	}
	for _, s := range []string{"", "null", "{}", "[]", `"x"`, `{"action":null}`, `{"installation":{"id":-1},"action":"opened"}`,
		`{"action":"opened","installation":{"id":1},"repository":{"id":1,"full_name":"a/b"},"pull_request":{"number":1,"head":{"sha":"0000000000000000000000000000000000000000"}}}`,
		`{"action":"rerequested","installation":{"id":1},"repository":{"id":1,"full_name":"a/b"},"check_run":{"app":{"id":873421},"external_id":"-5","head_sha":"0000000000000000000000000000000000000000"}}`,
		"\xff\xfe", `{"action":"opened"`} {
		for _, ev := range events {
			f.Add(ev, []byte(s), true)
		}
		f.Add("pull_request", []byte(s), false)
	}
	h, err := New([]byte(testSecret), &fakeEnqueuer{}, WithAppID(testAppID), WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		f.Fatal(err)
	}
	e := echo.New()
	h.Register(e)
	f.Fuzz(func(t *testing.T, event string, body []byte, signed bool) {
		d := delivery{event: event, id: "fuzz", body: body}
		if !signed {
			d.sig = "sha256=" + string(body)
		}
		rec := post(e, d)
		if rec.Code >= 500 {
			t.Fatalf("status %d for event %q body %q: %s", rec.Code, event, body, rec.Body)
		}
		if !signed && rec.Code != http.StatusUnauthorized && rec.Code != http.StatusBadRequest {
			t.Fatalf("unsigned delivery answered %d", rec.Code)
		}
	})
}
