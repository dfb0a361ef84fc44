package config

import _ "embed"

// Schema is the JSON Schema of the config file, for editors
// (yaml-language-server: $schema=…) and `hotpath config schema`.
//
//go:embed hotpath.schema.json
var Schema []byte
