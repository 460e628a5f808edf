# Sourced by scripts/opa-bootstrap.sh --discover: derives debian-packages.txt, the Debian
# packages whose Go sources the helper's import closure needs, from `go list -deps`.
# Starting from OPA's -dev package and the compiler, it adds the package that provides each
# import `go list` cannot find (among the -dev packages OPA's package depends on, recursively),
# until the closure resolves; then it maps every directory the build uses back to its package
# and records exactly those.

# Debian package names a Go import path prefix would have under the Go team's naming policy
# (github.com/foo/bar -> golang-github-foo-bar-dev, sigs.k8s.io/yaml -> golang-k8s-sigs-yaml-dev);
# a /vN module suffix is tried as -vN first, since the plain name is often a transitional package.
_debian_names_for() {
  local prefix="$1" host rest major=""
  if [[ "$prefix" =~ /(v[0-9]+)$ ]]; then major="${BASH_REMATCH[1]}"; prefix="${prefix%/v[0-9]*}"; fi
  host="${prefix%%/*}"; rest="${prefix#*/}"
  [[ "$rest" == "$prefix" ]] && rest=""
  case "$host" in
    github.com) host=github ;; gitlab.com) host=gitlab ;; bitbucket.org) host=bitbucket ;;
    golang.org) host=golang ;; google.golang.org) host=google ;; gopkg.in) host=gopkg ;;
    cloud.google.com) host=google-cloud ;;
    *) host="$(echo "${host#go.}" | tr '.' '\n' | sed '$d' | tac | paste -sd-)" ;;
  esac
  local base="golang-$host${rest:+-${rest//\//-}}"
  [[ -n "$major" ]] && echo "$base-$major-dev" | tr '[:upper:]' '[:lower:]'
  echo "$base-dev" | tr '[:upper:]' '[:lower:]'
}

# Candidate -dev packages (from OPA's dependency closure) for an import path, best first.
_packages_for_import() {
  local prefix="$1" name
  while [[ "$prefix" == */* ]]; do
    awk -v h="$prefix" '$1 == tolower(h) { print $2 }' "$DISCOVER_DIR/homepages"
    for name in $(_debian_names_for "$prefix"); do grep -x "$name" "$DISCOVER_DIR/closure" || true; done
    prefix="${prefix%/*}"
  done
}

# Fallback for import paths no naming rule predicts (go.yaml.in/yaml/v2 ships in
# golang-gopkg-yaml.v2-dev): the -dev dependencies of the packages unpacked so far whose file
# list holds the import's directory.
_packages_shipping() {
  local import="$1" dep deb
  sed 's/=.*//' "$DISCOVER_DIR/unpacked" | xargs apt-cache "${APT_OPTS[@]}" depends --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances 2>/dev/null | sed -n 's/^ *Depends: //p' |
    grep -E '^golang-.*-dev$' | sort -u | grep -vxFf <(sed 's/=.*//' "$DISCOVER_DIR/unpacked") |
    while read -r dep; do
      deb="$(compgen -G "$CACHE/debs/${dep}_*.deb" | head -n1)" ||
        { (cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" -qq download "$dep" >&2) && deb="$(compgen -G "$CACHE/debs/${dep}_*.deb" | head -n1)"; }
      if [[ -n "$deb" ]] && dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -x "./usr/share/gocode/src/$import/" >/dev/null; then
        echo "$dep"
      fi
    done
}

discover_packages() {
  DISCOVER_DIR="$CACHE/discover"
  rm -rf "$DISCOVER_DIR" && mkdir -p "$DISCOVER_DIR"
  apt-cache "${APT_OPTS[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "$OPA_DEV" | grep -E '^golang-.*-dev$' | sort -u >"$DISCOVER_DIR/closure"
  # shellcheck disable=SC2046
  apt-cache "${APT_OPTS[@]}" show --no-all-versions $(cat "$DISCOVER_DIR/closure") |
    awk '/^Package:/ { p = $2 } /^Homepage:/ { h = tolower($2); sub(/^https?:\/\//, "", h); sub(/\.git$/, "", h); sub(/\/$/, "", h); print h, p }' \
      >"$DISCOVER_DIR/homepages"
  local selected=(golang-go "$OPA_DEV") round missing import pkg tree="$DISCOVER_DIR/tree"
  : >"$DISCOVER_DIR/unpacked"
  for round in $(seq 1 40); do
    mapfile -t pins < <(pins_for "${selected[@]}")
    # Only the packages added this round are unpacked; the tree grows round by round.
    mapfile -t fresh < <(printf '%s\n' "${pins[@]}" | grep -vxFf "$DISCOVER_DIR/unpacked" || true)
    fetch_into "$tree" "${fresh[@]}"
    printf '%s\n' "${fresh[@]}" >>"$DISCOVER_DIR/unpacked"
    go_env "$tree"
    missing="$(cd "$HELPER_SRC" && "${GO_ENV[@]}" "$GO" list -e -deps -f '{{if .Error}}{{.ImportPath}}{{end}}' . | sort -u)"
    [[ -z "$missing" ]] && break
    info "round $round: $(wc -l <<<"$missing") import(s) unresolved"
    for import in $missing; do
      # A candidate already unpacked evidently lacks this import (e.g. a transitional package):
      # the next candidate is tried. One chosen earlier this round already covers it.
      pkg="$(_packages_for_import "$import" | { grep -vxFf <(sed 's/=.*//' "$DISCOVER_DIR/unpacked") || true; } | head -n1)"
      [[ -n "$pkg" ]] || pkg="$(_packages_shipping "$import" | head -n1)"
      [[ -n "$pkg" ]] || die "no Debian package among $OPA_DEV's dependencies provides Go import $import"
      printf '%s\n' "${selected[@]}" | grep -qx "$pkg" || selected+=("$pkg")
    done
  done
  [[ -z "$missing" ]] || die "import closure still unresolved after 40 rounds: $missing"
  (cd "$HELPER_SRC" && "${GO_ENV[@]}" "$GO" build -o /dev/null .) >&2 ||
    die "the closure resolves but does not compile against $SUITE's packages (errors above)"
  # Map every non-standard directory the build uses to the package that ships it.
  local gopath_src="$tree/usr/share/gocode/src" deb used=()
  (cd "$HELPER_SRC" && "${GO_ENV[@]}" "$GO" list -deps -f '{{if not .Standard}}{{.Dir}}{{end}}' .) |
    grep "^$gopath_src/" | sed "s|^$tree||" | sort -u >"$DISCOVER_DIR/dirs"
  for pin in "${pins[@]}"; do
    deb="$(compgen -G "$CACHE/debs/${pin%%=*}_*.deb" | head -n1)"
    if [[ "${pin%%=*}" == golang-*-go || "${pin%%=*}" == golang-*-src ]] ||
      dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\.||;s|/$||' | grep -xFf "$DISCOVER_DIR/dirs" >/dev/null; then
      used+=("${pin%%=*}")
    fi
  done
  {
    echo "# Debian unstable packages the OPA helper (scripts/opa) is built from: the Go compiler"
    echo "# (golang-go names the current golang-1.N-go and -src) and the -dev packages shipping every"
    echo "# directory of its import closure. Generated by: scripts/opa-bootstrap.sh --discover"
    printf '%s\n' golang-go
    printf '%s\n' "${used[@]}" | grep -Ev '^golang-[0-9.]+-(go|src)$' | sort -u
  } >"$PACKAGE_LIST"
  # The discovery tree (a few hundred MB) served its purpose; the .deb files stay for the build.
  rm -rf "$tree"
  info "recorded $(grep -cv '^#' "$PACKAGE_LIST") packages in ${PACKAGE_LIST#"$REPO_ROOT/"}"
}
