package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hotpath-app/hotpath/internal/engine"
	"github.com/hotpath-app/hotpath/rules"
)

func sample() *engine.Result {
	return &engine.Result{
		Findings: []rules.Finding{
			{Rule: "query-in-loop", Path: "src/a.ts", Line: 4, Column: 11, EndLine: 4, EndColumn: 40, Severity: rules.Warning,
				Message: "db.query runs once per iteration, 100%: fix, please\nnow", Fingerprint: "abc123",
				Related: []rules.Related{{Line: 3, Column: 3, Message: "loop here"}}},
			{Rule: "missing-release", Path: "/abs/b.go", Line: 9, Column: 2, EndLine: 9, EndColumn: 30, Severity: rules.Error,
				Message: "rows not closed", Fingerprint: "def456"},
		},
		Suppressed: []rules.Finding{{Rule: "cache-without-ttl", Path: "src/c.ts", Line: 2, Column: 1, EndLine: 2, EndColumn: 9,
			Severity: rules.Warning, Message: "no ttl", Fingerprint: "0011"}},
		Analyzed: 3, Lines: 120,
		Skipped:  []engine.Skipped{{Path: "dist/x.min.js", Reason: "minified", Detail: "file name"}},
		Excluded: []engine.Skipped{{Path: "src/a.test.ts", Reason: "test code"}},
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "path", "line", "column", "end_line", "end_column", "severity", "message", "fingerprint"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding lacks %q: %v", k, f)
		}
	}
	if f["severity"] != "warning" || f["path"] != "src/a.ts" || f["line"].(float64) != 4 {
		t.Errorf("finding = %v", f)
	}
	files := doc["files"].(map[string]any)
	if files["analyzed"].(float64) != 3 || files["excluded"].(float64) != 1 || len(files["skipped"].([]any)) != 1 {
		t.Errorf("files = %v", files)
	}
	counts := doc["counts"].(map[string]any)
	if counts["suppressed"].(float64) != 1 || counts["findings"].(float64) != 2 {
		t.Errorf("counts = %v", counts)
	}
	// An empty result still has arrays, not nulls.
	buf.Reset()
	if err := JSON(&buf, &engine.Result{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) || !strings.Contains(buf.String(), `"skipped": []`) {
		t.Errorf("empty report: %s", buf.String())
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaDoc, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaDoc))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, res := range map[string]*engine.Result{"sample": sample(), "empty": {}} {
		var buf bytes.Buffer
		if err := SARIF(&buf, res); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: SARIF output does not validate: %#v", name, err)
		}
		if name != "sample" {
			continue
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							ID      string `json:"id"`
							HelpURI string `json:"helpUri"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
				Results []struct {
					RuleID              string            `json:"ruleId"`
					Level               string            `json:"level"`
					PartialFingerprints map[string]string `json:"partialFingerprints"`
					Suppressions        []any             `json:"suppressions"`
					Locations           []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Tool.Driver.Rules) != len(rules.All)+1 || run.Tool.Driver.Rules[0].HelpURI == "" {
			t.Errorf("rules = %+v", run.Tool.Driver.Rules)
		}
		if len(run.Results) != 3 {
			t.Fatalf("results = %d, want 2 findings + 1 suppressed", len(run.Results))
		}
		r0 := run.Results[0]
		if r0.RuleID != "query-in-loop" || r0.Level != "warning" || r0.PartialFingerprints["hotpath/v1"] != "abc123" {
			t.Errorf("result 0 = %+v", r0)
		}
		if loc := r0.Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "src/a.ts" || loc.URIBaseID != "%SRCROOT%" {
			t.Errorf("location = %+v", loc)
		}
		if run.Results[1].Level != "error" || !strings.HasPrefix(run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation.URI, "file:///abs/") {
			t.Errorf("result 1 = %+v", run.Results[1])
		}
		if len(run.Results[2].Suppressions) != 1 {
			t.Errorf("suppressed result lacks its suppression")
		}
	}
}

func TestGitHubCommands(t *testing.T) {
	var buf bytes.Buffer
	if err := GitHub(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines:\n%s", len(lines), buf.String())
	}
	want := "::warning file=src/a.ts,line=4,col=11,endLine=4,endColumn=40,title=hotpath query-in-loop::db.query runs once per iteration, 100%25: fix, please%0Anow"
	if lines[0] != want {
		t.Errorf("got  %s\nwant %s", lines[0], want)
	}
	if !strings.HasPrefix(lines[1], "::error file=/abs/b.go,line=9,") {
		t.Errorf("line 2 = %s", lines[1])
	}
	if !strings.HasPrefix(lines[2], "::notice title=hotpath::2 findings") {
		t.Errorf("summary = %s", lines[2])
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"src/a.ts:4:11: warning query-in-loop: db.query runs once per iteration",
		"\tsrc/a.ts:3:3: loop here",
		"2 findings (1 error, 1 warning) in 3 files analysed (120 lines); 1 suppressed; 1 file skipped; 1 file excluded by config",
		"skipped dist/x.min.js: minified (file name)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if err := Write(&buf, "xml", sample()); err == nil {
		t.Error("unknown format accepted")
	}
}
