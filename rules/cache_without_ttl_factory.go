package rules

import (
	"path"
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Redis clients handed out by a project helper that connects lazily and
// returns the client: `const client = await redis()`, `getRedisClient()`,
// `getClient()` from the project's redis module.

// cwtFactoryPrefixes are the verbs a client factory's name starts with.
var cwtFactoryPrefixes = []string{"get", "create", "connect", "new", "use", "init", "make", "open", "ensure", "acquire"}

// cwtFactoryNouns are what remains of a factory's name after the verb: the
// client itself. Those without "redis" count only when the function comes
// from a module whose name says Redis.
var cwtFactoryNouns = map[string]bool{
	"redis": true, "redisclient": true, "redisconnection": true, "redisconn": true, "redisinstance": true, "rediscluster": true,
	"client": false, "connection": false, "conn": false, "instance": false, "cluster": false,
}

// redisFactoryCall reports whether a call returns a Redis client: a call
// of a function whose name is a factory of one (`redis()`,
// `getRedisClient()`), or of a client factory imported from the project's
// redis module (`getClient()` from "@/lib/redis").
func (c *cwtJS) redisFactoryCall(call parsers.Node) bool {
	fn := Unparen(call.Field("function"))
	if fn.Type() != "identifier" {
		return false
	}
	name := fn.Text()
	noun := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	verb := ""
	for _, p := range cwtFactoryPrefixes {
		if strings.HasPrefix(noun, p) {
			verb, noun = p, noun[len(p):]
			break
		}
	}
	strong, ok := cwtFactoryNouns[noun]
	if noun == "" {
		// connect() from the redis module returns the client; get() or
		// use() return something else.
		ok = verb == "connect" || verb == "open"
	}
	if !ok {
		return false
	}
	if strong {
		return true
	}
	im, imported := c.fs.Import(name)
	if !imported {
		return false
	}
	local := strings.HasPrefix(im.Module, ".") || strings.HasPrefix(im.Module, "@/") || strings.HasPrefix(im.Module, "~/") || strings.HasPrefix(im.Module, "src/")
	return local && cwtRedisName(path.Base(im.Module))
}
