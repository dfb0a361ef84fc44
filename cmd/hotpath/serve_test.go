package main

import (
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
