package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"path/filepath"
	"strings"
	"testing"
)

// clearServerEnv makes the test independent of the caller's environment.
func clearServerEnv(t *testing.T) {
	for _, k := range []string{"HOTPATH_ADDR", "HOTPATH_APP_ID", "HOTPATH_PRIVATE_KEY_FILE", "HOTPATH_PRIVATE_KEY",
		"HOTPATH_WEBHOOK_SECRET", "HOTPATH_WEBHOOK_SECRET_PREVIOUS", "HOTPATH_GITHUB_API_URL", "HOTPATH_GITHUB_GRAPHQL_URL",
		"HOTPATH_DATABASE_URL", "HOTPATH_WORKERS", "HOTPATH_JOB_TIMEOUT", "HOTPATH_LOG_LEVEL"} {
		t.Setenv(k, "")
	}
}

func TestServeMissingSettings(t *testing.T) {
	clearServerEnv(t)
	code, _, errOut := runCmd(t, "", "serve")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{"HOTPATH_APP_ID", "HOTPATH_PRIVATE_KEY", "HOTPATH_WEBHOOK_SECRET"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errOut)
		}
	}

	// A worker needs no webhook secret.
	code, _, errOut = runCmd(t, "", "worker", "-app-id", "12")
	if code != exitUsage || strings.Contains(errOut, "HOTPATH_WEBHOOK_SECRET") || !strings.Contains(errOut, "HOTPATH_PRIVATE_KEY") {
		t.Errorf("worker: exit %d, stderr:\n%s", code, errOut)
	}

	// Invalid values name the setting; flags and env both count.
	t.Setenv("HOTPATH_WORKERS", "lots")
	code, _, errOut = runCmd(t, "", "worker", "-app-id", "x")
	if code != exitUsage || !strings.Contains(errOut, "HOTPATH_WORKERS") || !strings.Contains(errOut, `HOTPATH_APP_ID must be a positive integer, not "x"`) {
		t.Errorf("invalid settings: exit %d, stderr:\n%s", code, errOut)
	}
	code, _, errOut = runCmd(t, "", "serve", "-no-such-flag")
	if code != exitUsage || !strings.Contains(errOut, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestServeHelp(t *testing.T) {
	clearServerEnv(t)
	for _, cmd := range []string{"serve", "worker"} {
		code, out, _ := runCmd(t, "", cmd, "-h")
		if code != exitOK || !strings.Contains(out, "usage: hotpath "+cmd) || !strings.Contains(out, "-database-url") {
			t.Errorf("%s -h: exit %d, stdout:\n%s", cmd, code, out)
		}
	}
}

// Valid settings that cannot work (the database directory does not exist)
// stop start-up with status 1 and a message naming the setting.
func TestServeCannotStart(t *testing.T) {
	clearServerEnv(t)
	key := testKeyPEM(t)
	t.Setenv("HOTPATH_PRIVATE_KEY", key)
	t.Setenv("HOTPATH_WEBHOOK_SECRET", "s3cret-for-test")
	code, _, errOut := runCmd(t, "", "serve", "-app-id", "12", "-addr", "127.0.0.1:0",
		"-database-url", filepath.Join(t.TempDir(), "missing", "hotpath.db"))
	if code != 1 || !strings.Contains(errOut, "HOTPATH_DATABASE_URL") || strings.Contains(errOut, "s3cret-for-test") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

func testKeyPEM(t *testing.T) string {
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
}
