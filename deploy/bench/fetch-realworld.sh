#!/usr/bin/env bash
# Downloads real backend applications (never executed, never committed) for
# reading hotpath's findings on code nobody wrote for it:
#
#   deploy/bench/fetch-realworld.sh /tmp/realworld
#   go run ./cmd/hotpath scan --fail-on never /tmp/realworld/set1/go /tmp/realworld/set1/js
#   … and the same for set2 to set5
#
# set1: Ghost, Directus' and Medusa's servers (npm); miniflux, Ory Hydra and
# Kratos, Gitea (Go module proxy). set2, read later as a fresh check: NodeBB,
# Backstage's catalog and scaffolder backends, Strapi's core and database
# layer, Payload (npm); Bytebase, Cortex, Alertmanager (Go). set3, read
# third: Parse Server, Kuzzle, Keystone (npm); OpenFGA, Jaeger, Dex (Go).
# set4: Unleash, Vendure, Medusa's order and product modules (npm); lnd,
# asynq, watermill-sql (Go). set5, read last and not tuned on: NocoBase
# server and database, Backstage backend-defaults (npm); golang-migrate,
# goose, sqlc (Go).
# Compiled code
# that packages ship under dist/ is renamed, because `hotpath scan` skips
# dist/ folders.
set -euo pipefail
dir=${1:?usage: fetch-realworld.sh DIR}

fetch_js() { # dest pkg@version...
  local dest=$1; shift
  mkdir -p "$dest"
  for pkg in "$@"; do
    local name
    name=$(echo "${pkg%@*}" | tr '/@' '__')
    [ -d "$dest/$name" ] && continue
    local tgz
    tgz=$(cd "$dest" && npm pack --silent "$pkg" | tail -1)
    mkdir -p "$dest/$name"
    tar xzf "$dest/$tgz" -C "$dest/$name"
    rm -f "$dest/$tgz"
    if [ -d "$dest/$name/package/dist" ]; then mv "$dest/$name/package/dist" "$dest/$name/package/src_dist"; fi
  done
}

fetch_go() { # dest module@version...
  local dest=$1; shift
  mkdir -p "$dest"
  for mod in "$@"; do
    local path=${mod%@*} name
    name=$(basename "$path")
    case "$name" in v[0-9]*) name=$(basename "$(dirname "$path")") ;; esac
    [ -e "$dest/$name" ] && continue
    local src
    src=$(cd /tmp && go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    # A copy, not a symlink: the scan does not follow symlinked folders.
    cp -r "$src" "$dest/$name"
    chmod -R u+w "$dest/$name"
  done
}

fetch_js "$dir/set1/js" ghost@5.130.6 @directus/api@23.3.2 @medusajs/medusa@2.21.2
fetch_go "$dir/set1/go" miniflux.app/v2@v2.3.5 github.com/ory/hydra/v2@v2.3.0 github.com/ory/kratos@v1.3.1 code.gitea.io/gitea@v1.27.3
fetch_js "$dir/set2/js" nodebb@1.4.0 @backstage/plugin-catalog-backend@4.0.5 @backstage/plugin-scaffolder-backend@4.3.0 \
  @strapi/core@5.54.0 @strapi/database@5.54.0 payload@3.90.2
fetch_go "$dir/set2/go" github.com/bytebase/bytebase@v1.0.1-0.20230511061449-d0206cd3b4db github.com/cortexproject/cortex@v1.21.1 \
  github.com/prometheus/alertmanager@v0.35.0
fetch_js "$dir/set3/js" parse-server@9.10.0 kuzzle@2.56.0 @keystone-6/core@8.1.0
fetch_go "$dir/set3/go" github.com/openfga/openfga@v1.22.1 github.com/jaegertracing/jaeger@v1.76.0 github.com/dexidp/dex@v2.13.0+incompatible
fetch_js "$dir/set4/js" unleash-server@7.5.1 @vendure/core@3.7.3 @medusajs/order@2.21.2 @medusajs/product@2.21.2
fetch_go "$dir/set4/go" github.com/lightningnetwork/lnd@v0.18.3-beta.rc3 github.com/hibiken/asynq@v0.26.0 \
  github.com/ThreeDotsLabs/watermill-sql/v4@v4.1.2
fetch_js "$dir/set5/js" @nocobase/server@2.2.15 @nocobase/database@2.2.15 @backstage/backend-defaults@0.19.0
fetch_go "$dir/set5/go" github.com/golang-migrate/migrate/v4@v4.20.1 github.com/pressly/goose/v3@v3.30.0 github.com/sqlc-dev/sqlc@v1.31.1
echo "ready: $dir/set1 … $dir/set5"
