package config

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hotpath-app/hotpath/rules"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("hotpath.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("hotpath.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yamlToJSONValue(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExampleConfigMatchesSchemaAndParser checks the shipped example file
// against both the schema and the parser, so the three never disagree.
func TestExampleConfigMatchesSchemaAndParser(t *testing.T) {
	src, err := os.ReadFile("../../deploy/hotpath.example.yml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(src); err != nil {
		t.Fatalf("parser rejects the example: %v", err)
	}
	if err := compileSchema(t).Validate(yamlToJSONValue(t, src)); err != nil {
		t.Fatalf("schema rejects the example: %v", err)
	}
}

func TestSchemaRejectsWhatTheParserRejects(t *testing.T) {
	s := compileSchema(t)
	for _, src := range []string{
		"rulez: {}\n",
		"rules:\n  n-plus-one: error\n",
		"rules:\n  query-in-loop: loud\n",
		"fail_on: sometimes\n",
		"comments:\n  scope: everything\n",
		"comments:\n  max_comments: 5000\n",
		"knowledge:\n  resources:\n    - acquire: x\n",
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("parser accepts %q", src)
		}
		if err := s.Validate(yamlToJSONValue(t, []byte(src))); err == nil {
			t.Errorf("schema accepts %q", src)
		}
	}
}

// TestSchemaCoversEveryKey compares the schema's property names with the
// YAML keys the parser knows, and its rule list with the registry.
func TestSchemaCoversEveryKey(t *testing.T) {
	var doc struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(Schema, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"":          yamlKeys(reflect.TypeOf(fileConfig{})),
		"paths":     yamlKeys(reflect.TypeOf(Paths{})),
		"comments":  yamlKeys(reflect.TypeOf(fileComments{})),
		"knowledge": yamlKeys(reflect.TypeOf(rules.Knowledge{})),
		"limits":    yamlKeys(reflect.TypeOf(Limits{})),
		"rules":     rules.IDs(),
	}
	for section, keys := range want {
		var got []string
		if section == "" {
			for k := range doc.Properties {
				got = append(got, k)
			}
		} else {
			for k := range doc.Properties[section].Properties {
				got = append(got, k)
			}
		}
		sort.Strings(got)
		sort.Strings(keys)
		if strings.Join(got, ",") != strings.Join(keys, ",") {
			t.Errorf("schema section %q has keys %v, parser knows %v", section, got, keys)
		}
	}
}

func yamlKeys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag := t.Field(i).Tag.Get("yaml"); tag != "" && tag != "-" {
			out = append(out, strings.Split(tag, ",")[0])
		}
	}
	return out
}
