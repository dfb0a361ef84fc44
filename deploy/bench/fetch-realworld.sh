#!/usr/bin/env bash
# Downloads real backend applications (never executed, never committed) for
# reading hotpath's findings on code nobody wrote for it:
#
#   deploy/bench/fetch-realworld.sh /tmp/realworld
#   go run ./cmd/hotpath scan --fail-on never /tmp/realworld/go /tmp/realworld/js
#
# JavaScript from the npm registry (Ghost; Directus' and Medusa's servers,
# whose compiled code ships under dist/, renamed here because `hotpath scan`
# skips dist/ folders) and Go applications from the Go module proxy
# (miniflux, Ory Hydra and Kratos, Gitea).
set -euo pipefail
dir=${1:?usage: fetch-realworld.sh DIR}
mkdir -p "$dir/js" "$dir/go"
cd "$dir/js"
for pkg in ghost@5.130.6 @directus/api@23.3.2 @medusajs/medusa@2.21.2; do
  name=$(echo "${pkg%@*}" | tr '/@' '__')
  [ -d "$name" ] && continue
  tgz=$(npm pack --silent "$pkg" | tail -1)
  mkdir -p "$name"
  tar xzf "$tgz" -C "$name"
  rm -f "$tgz"
  if [ -d "$name/package/dist" ]; then mv "$name/package/dist" "$name/package/src_dist"; fi
done
cd "$dir/go"
for mod in miniflux.app/v2@v2.3.5 github.com/ory/hydra/v2@v2.3.0 github.com/ory/kratos@v1.3.1 code.gitea.io/gitea@v1.27.3; do
  name=$(basename "${mod%@*}")
  [ "$name" = v2 ] && name=$(basename "$(dirname "${mod%@*}")")
  [ -e "$name" ] && continue
  src=$(cd /tmp && go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  # A copy, not a symlink: the scan does not follow symlinked folders.
  cp -r "$src" "$name"
  chmod -R u+w "$name"
done
echo "ready: $dir/js $dir/go"
