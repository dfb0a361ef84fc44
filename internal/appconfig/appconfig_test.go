package appconfig

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testKey(t *testing.T) string {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
}

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadFromEnv(t *testing.T) {
	key := testKey(t)
	s, err := Load(Serve, nil, envOf(map[string]string{
		"HOTPATH_APP_ID": "12345", "HOTPATH_PRIVATE_KEY": strings.ReplaceAll(key, "\n", `\n`),
		"HOTPATH_WEBHOOK_SECRET": "s3cret", "HOTPATH_WEBHOOK_SECRET_PREVIOUS": "old",
		"HOTPATH_GITHUB_API_URL": "https://ghe.example.com/api/v3",
		"HOTPATH_REVIEW_DRAFTS":  "true",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if s.AppID != 12345 || s.Addr != ":8080" || s.DatabaseURL != "hotpath.db" || len(s.WebhookSecrets) != 2 || !s.ReviewDrafts {
		t.Errorf("settings = %+v", s)
	}
	if s.APIURL != "https://ghe.example.com/api/v3/" || s.GraphQLURL != "https://ghe.example.com/api/graphql" {
		t.Errorf("urls = %s %s", s.APIURL, s.GraphQLURL)
	}
	str := s.String()
	if strings.Contains(str, "s3cret") || strings.Contains(str, "PRIVATE KEY") || strings.Contains(str, "old") {
		t.Errorf("String leaks a secret: %s", str)
	}
}

func TestFlagsWinAndKeyFile(t *testing.T) {
	dir := t.TempDir()
	kf := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(kf, []byte(testKey(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Worker, []string{"-addr", ":9000", "-private-key-file", kf, "-database-url", "postgres://u:pw@db/hotpath"},
		envOf(map[string]string{"HOTPATH_APP_ID": "7", "HOTPATH_ADDR": ":1"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Addr != ":9000" || s.APIURL != "https://api.github.com/" || s.GraphQLURL != "https://api.github.com/graphql" {
		t.Errorf("settings = %+v", s)
	}
	if strings.Contains(s.String(), "pw") {
		t.Errorf("String leaks the database password: %s", s)
	}
}

func TestErrorsNameTheSetting(t *testing.T) {
	cases := []struct {
		mode Mode
		env  map[string]string
		want []string
	}{
		{Serve, map[string]string{}, []string{"HOTPATH_APP_ID is required", "HOTPATH_PRIVATE_KEY_FILE or HOTPATH_PRIVATE_KEY is required", "HOTPATH_WEBHOOK_SECRET is required"}},
		{Worker, map[string]string{"HOTPATH_APP_ID": "x", "HOTPATH_PRIVATE_KEY": "nope"}, []string{"HOTPATH_APP_ID must be a positive integer", "HOTPATH_PRIVATE_KEY: not a PEM block"}},
		{Worker, map[string]string{"HOTPATH_APP_ID": "1", "HOTPATH_PRIVATE_KEY_FILE": "/no/such/key.pem"}, []string{"HOTPATH_PRIVATE_KEY_FILE:"}},
		{Worker, map[string]string{"HOTPATH_GITHUB_API_URL": "ftp://x", "HOTPATH_WORKERS": "0", "HOTPATH_JOB_TIMEOUT": "1s", "HOTPATH_LOG_LEVEL": "loud", "HOTPATH_REVIEW_DRAFTS": "maybe"},
			[]string{"HOTPATH_GITHUB_API_URL", "HOTPATH_WORKERS", "HOTPATH_JOB_TIMEOUT", "HOTPATH_LOG_LEVEL", "HOTPATH_REVIEW_DRAFTS"}},
	}
	for _, tc := range cases {
		_, err := Load(tc.mode, nil, envOf(tc.env))
		if err == nil {
			t.Errorf("%v: no error", tc.env)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q lacks %q", err, w)
			}
		}
		if v := tc.env["HOTPATH_PRIVATE_KEY"]; v != "" && strings.Contains(err.Error(), v) {
			t.Errorf("error echoes the key: %v", err)
		}
	}
	// A worker needs no webhook secret.
	if _, err := Load(Worker, nil, envOf(map[string]string{"HOTPATH_APP_ID": "1", "HOTPATH_PRIVATE_KEY": testKey(t)})); err != nil {
		t.Errorf("worker without secret: %v", err)
	}
}

func TestGraphQLURLFor(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.github.com/":       "https://api.github.com/graphql",
		"https://ghe.corp/api/v3/":      "https://ghe.corp/api/graphql",
		"http://127.0.0.1:4000/api/v3/": "http://127.0.0.1:4000/api/graphql",
		"http://127.0.0.1:4000/gh/":     "http://127.0.0.1:4000/gh/graphql",
	} {
		if got := GraphQLURLFor(in); got != want {
			t.Errorf("GraphQLURLFor(%q) = %q, want %q", in, got, want)
		}
	}
}
