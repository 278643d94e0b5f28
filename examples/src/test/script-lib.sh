# Steps shared by the check scripts under examples/src/test (sourced by them, not run on its own).

# fail MESSAGE: prints a FAIL line and exits 1.
fail() { echo "FAIL: $*" >&2; exit 1; }

# install_missing COMMAND=PACKAGE ...: installs with apt-get the Debian package of every command not on the PATH.
install_missing() {
  local need=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null || need+=("${pair#*=}")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# need_node MAJOR WHAT: fails unless Node.js is at least version MAJOR (WHAT needs it).
need_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge "$1" ] || fail "$2 needs Node.js $1 or later, found $(node --version)"
}

# npm_ci_once DIR WHAT [NAME=VALUE ...]: `npm ci` in DIR from its committed package-lock.json (with the given
# environment) when node_modules is missing or the lock file changed since the last install.
npm_ci_once() {
  local dir=$1 what=$2
  shift 2
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
    echo "installing $what (npm ci)"
    (cd "$dir" && env "$@" npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in $dir"
    cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
  fi
}
