#!/usr/bin/env bash
# Builds the OPA helper (scripts/opa) from Debian unstable's packaged Go sources, or reports the
# real opa 1.x when one is installed. Prints the path of the opa binary to use on stdout.
#
# Nothing is installed into the system: packages are fetched with `apt-get download` through a
# private apt state (its own sources list, lists and cache) under the cache directory, pointed at
# the Debian mirror this machine's apt already uses, and unpacked with `dpkg -x`. The helper is
# built in GOPATH mode (GO111MODULE=off) against the unpacked /usr/share/gocode.
#
#   scripts/opa-bootstrap.sh             build (or reuse) the helper, print its path
#   scripts/opa-bootstrap.sh --refresh   re-read unstable's package lists first
#   scripts/opa-bootstrap.sh --discover  derive scripts/opa/debian-packages.txt again from
#                                        `go list -deps` (after unstable moved, or new imports)
#   scripts/opa-bootstrap.sh --helper    build the helper even when a real opa is on PATH
#
# Environment: OPA_BIN (use this opa), ECOLAURA_OPA_CACHE (cache directory, default
# ${XDG_CACHE_HOME:-$HOME/.cache}/ecolaura-opa), ECOLAURA_DEBIAN_MIRROR (mirror URI to use
# instead of the one read from apt's sources).
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly HELPER_SRC="$REPO_ROOT/scripts/opa"
readonly PACKAGE_LIST="$HELPER_SRC/debian-packages.txt"
readonly CACHE="${ECOLAURA_OPA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ecolaura-opa}"
readonly APT_DIR="$CACHE/apt"
readonly SUITE=unstable
# OPA's own Go package; the bootstrap starts its dependency search here.
readonly OPA_DEV=golang-github-open-policy-agent-opa-dev

refresh=false discover=false force_helper=false
for arg in "$@"; do
  case "$arg" in
    --refresh) refresh=true ;;
    --discover) discover=true; force_helper=true ;;
    --helper) force_helper=true ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option '$arg' (see --help)" >&2; exit 2 ;;  # the wording of scripts/core/cli.ts
    *) echo "error: too many arguments. Expected 0 arguments but got 1. (see --help)" >&2; exit 2 ;;
  esac
done

info() { echo "info: $*" >&2; }
die() { echo "error: $*" >&2; exit 1; }

# A real opa 1.x wins: it is the reference implementation and needs no build.
real_opa() {
  local candidate="${OPA_BIN:-}"
  if [[ -z "$candidate" ]]; then candidate="$(command -v opa || true)"; fi
  [[ -n "$candidate" && -x "$candidate" ]] || return 1
  local version
  version="$("$candidate" version 2>/dev/null | sed -n 's/^Version: //p' | head -n1)"
  if [[ "$version" != 1.* ]]; then
    [[ -n "${OPA_BIN:-}" ]] && die "OPA_BIN=$candidate reports version '${version:-unknown}', need 1.x"
    return 1
  fi
  echo "$candidate"
}

if ! $force_helper && opa="$(real_opa)"; then
  info "using opa $("$opa" version | sed -n 's/^Version: //p') at $opa"
  echo "$opa"
  exit 0
fi

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
  die "apt-get and dpkg-deb are needed to fetch the Go toolchain; install a real opa 1.x instead (see policies/README.md)"

# The Debian archive URI this machine's apt is configured with, read at run time so no host name
# is ever written into the repository.
mirror_uri() {
  if [[ -n "${ECOLAURA_DEBIAN_MIRROR:-}" ]]; then echo "$ECOLAURA_DEBIAN_MIRROR"; return; fi
  local uri
  # The main suite (no -security/-updates suffix) of a repository whose path ends in /debian.
  uri="$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
    awk '$2 !~ /-/ && $1 ~ /\/debian\/?$/ { print $1; exit }')"
  if [[ -z "$uri" ]]; then
    uri="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
      grep -v '^[[:space:]]*#' | grep -Eo '(https?|file)://[^ ]*/debian/?( |$)' | head -n1 | tr -d ' ')" || true
  fi
  [[ -n "$uri" ]] || die "no Debian archive found in apt's sources; set ECOLAURA_DEBIAN_MIRROR"
  echo "${uri%/}"
}

keyring() {
  local k
  for k in /usr/share/keyrings/debian-archive-keyring.gpg /etc/apt/trusted.gpg.d/debian-archive-keyring.gpg; do
    [[ -r "$k" ]] && { echo "$k"; return; }
  done
  die "debian-archive-keyring is not installed: unstable's signatures cannot be checked"
}

APT_OPTS=()
setup_apt() {
  mkdir -p "$APT_DIR"/{lists/partial,archives/partial,etc/sources.list.d,etc/preferences.d}
  : >"$APT_DIR/status"
  local sources="deb [signed-by=$(keyring)] $(mirror_uri) $SUITE main"
  # Rewritten only when it changes, so a moved mirror also invalidates the lists.
  if [[ "$(cat "$APT_DIR/etc/sources.list" 2>/dev/null)" != "$sources" ]]; then
    echo "$sources" >"$APT_DIR/etc/sources.list"
    rm -f "$APT_DIR"/lists/*_Packages* "$APT_DIR"/lists/*Release*
  fi
  APT_OPTS=(
    -o "Dir::State=$APT_DIR" -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::State::status=$APT_DIR/status"
    -o "Dir::Cache=$APT_DIR" -o "Dir::Cache::archives=$APT_DIR/archives"
    -o "Dir::Etc::SourceList=$APT_DIR/etc/sources.list" -o "Dir::Etc::SourceParts=$APT_DIR/etc/sources.list.d"
    -o "Dir::Etc::Preferences=$APT_DIR/etc/preferences" -o "Dir::Etc::PreferencesParts=$APT_DIR/etc/preferences.d"
    -o "APT::Sandbox::User=root" -o "Acquire::Languages=none" -o "Debug::NoLocking=true"
  )
  if $refresh || ! compgen -G "$APT_DIR/lists/*_Packages*" >/dev/null; then
    info "reading $SUITE's package lists (private apt state in $APT_DIR)"
    apt-get "${APT_OPTS[@]}" -qq update >&2 || die "apt-get update of $SUITE failed"
  fi
}

# golang-go only names the current compiler; its dependencies are the compiler and its sources.
expand_packages() {
  local pkg
  for pkg in "$@"; do
    if [[ "$pkg" == golang-go ]]; then
      apt-cache "${APT_OPTS[@]}" show --no-all-versions golang-go | sed -n 's/^Depends: //p' |
        tr ',' '\n' | sed 's/[ (].*//;s/^ *//' | grep -E '^golang-[0-9.]+-go$' | while read -r go; do
          echo "$go"; echo "${go%-go}-src"; done
    else
      echo "$pkg"
    fi
  done
}

# Fetches and unpacks packages (package=version pins) into a tree; .deb files are kept.
fetch_into() {
  local tree="$1"; shift
  local missing=() pin name version
  mkdir -p "$CACHE/debs" "$tree"
  for pin in "$@"; do
    name="${pin%%=*}"; version="${pin#*=}"
    compgen -G "$CACHE/debs/${name}_${version//:/%3a}_*.deb" >/dev/null || missing+=("$pin")
  done
  if ((${#missing[@]})); then
    info "downloading ${#missing[@]} package(s) from $SUITE"
    (cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" -qq download "${missing[@]}" >&2) ||
      die "apt-get download failed for: ${missing[*]} (has $SUITE moved? run with --refresh, then --discover)"
  fi
  for pin in "$@"; do
    name="${pin%%=*}"; version="${pin#*=}"
    dpkg-deb -x "$(compgen -G "$CACHE/debs/${name}_${version//:/%3a}_*.deb" | head -n1)" "$tree"
  done
}

go_env() {
  local tree="$1" goroot
  goroot="$(compgen -G "$tree/usr/lib/go-*" | sort -V | tail -n1)"
  [[ -x "$goroot/bin/go" ]] || die "no Go compiler unpacked under $tree/usr/lib"
  GO_ENV=(
    env -u GOFLAGS -u GOROOT_FINAL GO111MODULE=off GOTOOLCHAIN=local CGO_ENABLED=0 GOROOT="$goroot"
    GOPATH="$tree/usr/share/gocode:$CACHE/gopath" GOCACHE="$CACHE/gocache" GOENV=off
  )
  GO="$goroot/bin/go"
}

# package=version for each package (golang-go expanded), from one apt-cache call: each call
# parses all of unstable's lists, so a loop of them would make a warm run slow.
pins_for() {
  local expanded pkg version
  mapfile -t expanded < <(expand_packages "$@")
  declare -A versions=()
  while read -r pkg version; do versions[$pkg]="$version"; done < <(
    apt-cache "${APT_OPTS[@]}" show --no-all-versions "${expanded[@]}" 2>/dev/null |
      awk '/^Package: / { p = $2 } /^Version: / { print p, $2 }')
  for pkg in "${expanded[@]}"; do
    version="${versions[$pkg]:-}"
    [[ -n "$version" ]] || die "package $pkg is not in $SUITE any more (run with --refresh, then --discover)"
    echo "$pkg=$version"
  done
}

setup_apt

if $discover; then
  # shellcheck source=opa/discover.sh
  source "$HELPER_SRC/discover.sh"
  discover_packages
  exit 0
fi

[[ -r "$PACKAGE_LIST" ]] || die "$PACKAGE_LIST is missing: run with --discover"
# Fast path: same package list, same helper sources, same apt lists as the last build.
stamp="$({ cat "$PACKAGE_LIST" "$HELPER_SRC"/*.go; ls -l --time-style=+%s "$APT_DIR"/lists/*Release* 2>/dev/null; } | sha256sum | cut -c1-16)"
if [[ -x "$CACHE/bin/current" && "$(cat "$CACHE/bin/stamp" 2>/dev/null)" == "$stamp" ]]; then
  readlink -f "$CACHE/bin/current"
  exit 0
fi
mapfile -t wanted < <(grep -Ev '^(#|$)' "$PACKAGE_LIST")
mapfile -t pins < <(pins_for "${wanted[@]}")
# The binary is keyed by every input: package versions and the helper's sources.
key="$({ printf '%s\n' "${pins[@]}"; cat "$HELPER_SRC"/*.go; } | sha256sum | cut -c1-16)"
binary="$CACHE/bin/opa-$key"
remember() { ln -sfn "$(basename "$binary")" "$CACHE/bin/current" && echo "$stamp" >"$CACHE/bin/stamp"; }
if [[ -x "$binary" ]]; then
  info "helper up to date ($binary)"
  remember
  echo "$binary"
  exit 0
fi

started=$SECONDS
tree="$CACHE/trees/$key"
rm -rf "$tree"
fetch_into "$tree" "${pins[@]}"
go_env "$tree"
mkdir -p "$CACHE/bin"
info "building scripts/opa with $("$GO" version | cut -d' ' -f3) in GOPATH mode"
(cd "$HELPER_SRC" && "${GO_ENV[@]}" "$GO" build -trimpath -o "$binary.tmp" .) >&2 ||
  die "go build of scripts/opa failed against $SUITE's packages (listed above); run with --refresh, then --discover"
mv "$binary.tmp" "$binary"
# Older builds and trees are dead weight once a newer key exists.
find "$CACHE/bin" -name 'opa-*' ! -name "opa-$key" -delete
remember
find "$CACHE/trees" -mindepth 1 -maxdepth 1 ! -name "$key" -exec rm -rf {} +
info "built $("$binary" version | head -n1) in $((SECONDS - started))s"
echo "$binary"
