#!/usr/bin/env bash
# Downloads real-world backend JavaScript from the npm registry into DIR, for
# the analysis throughput benchmark:
#
#   deploy/bench/fetch-js-corpus.sh /tmp/hotpath-js
#   HOTPATH_BENCH_JS=/tmp/hotpath-js go test -run '^$' -bench . ./internal/engine/
#
# The packages (database clients and ORMs, a web framework) are the kind of
# code hotpath reads. Nothing is executed or committed.
set -euo pipefail
dir=${1:?usage: fetch-js-corpus.sh DIR}
mkdir -p "$dir"
cd "$dir"
for pkg in knex@3.3.0 sequelize@6.37.8 ioredis@5.11.1 mongoose@8.24.10 express@4.22.3 pg@8.23.1 typeorm@0.3.31; do
  name=${pkg%@*}
  [ -d "$name" ] && continue
  tgz=$(npm pack --silent "$pkg")
  mkdir -p "$name"
  tar xzf "$tgz" -C "$name"
  rm -f "$tgz"
done
find . -name '*.js' | xargs cat | wc -l | xargs echo "JavaScript lines:"
