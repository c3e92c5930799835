#!/usr/bin/env bash
# Installs (or checks) everything `make serve` and `make test` need, from the package registries
# only (crates.io, npm, Debian apt); nothing is downloaded at build or test time afterwards.
#
#   - Rust target wasm32-unknown-unknown        (rustup; the toolchain is rust-toolchain.toml's)
#   - trunk 0.21.14                              (cargo install --locked; ≈8 min the first time)
#   - wasm-bindgen CLI + wasm-bindgen-test-runner, the version Cargo.lock pins for wasm-bindgen
#                                                (cargo install, without --locked; ≈2 min)
#   - wasm-split-cli 0.2.4 (crate wasm_split_cli_support, feature build-binary; the code-split step,
#                                                scripts/split.mjs)  (cargo install --locked; ≈1 min)
#   - chromium + chromium-driver + poppler-utils (apt, only when one is missing; pdftotext reads
#                                                 the printed report in the e2e tests)
#   - npm packages: playwright-core, axe-core, binaryen (wasm-opt), terser, lightningcss
#     (npm ci, when the lock changed)
#   - every crate in Cargo.lock                  (cargo fetch; Trunk builds with cargo --offline)
#
# Idempotent: it checks versions, not just presence, and takes a few seconds when all is there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
started=$SECONDS

# sudo only when we are not root (CI containers run as root and may have no sudo); without a
# terminal (CI) sudo must not wait for a password: -n makes it fail at once instead.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif [ -t 0 ]; then
        sudo "$@"
    else
        sudo -n "$@"
    fi
}

# --- Rust --------------------------------------------------------------------------------------
have rustup || die "rustup not found: install Rust with rustup first (https://rustup.rs)"
have cargo || die "cargo not found on PATH ($CARGO_BIN)"
# Running any rustup proxy here installs the toolchain rust-toolchain.toml names, if missing.
say "rust: $(rustc --version)"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "✓ target wasm32-unknown-unknown"
else
    say "→ rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen CLI: exactly Cargo.lock's wasm-bindgen -----------------------------------------
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
# Trunk.toml must name the same version, or Trunk would look for (and try to download) another.
trunk_wbg=$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)
if [ -n "$trunk_wbg" ] && [ "$trunk_wbg" != "$WBG_VERSION" ]; then
    die "Trunk.toml has wasm_bindgen = \"$trunk_wbg\" but Cargo.lock has wasm-bindgen $WBG_VERSION: make them equal"
fi
installed_wbg=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{ print $2 }')
installed_runner=$( (wasm-bindgen-test-runner --version 2>/dev/null || true) | awk '{ print $2 }')
if [ "$installed_wbg" = "$WBG_VERSION" ] && [ "$installed_runner" = "$WBG_VERSION" ]; then
    say "✓ wasm-bindgen CLI $WBG_VERSION (= Cargo.lock)"
else
    say "→ cargo install wasm-bindgen-cli --version $WBG_VERSION (found: ${installed_wbg:-none}; ≈2 min)"
    # Not --locked: the CLI's own lockfile pins a webpki-roots release the registry no longer has.
    cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- Trunk -----------------------------------------------------------------------------------
installed_trunk=$( (trunk --version 2>/dev/null || true) | awk '{ print $2 }')
if [ "$installed_trunk" = "$TRUNK_VERSION" ]; then
    say "✓ trunk $TRUNK_VERSION"
else
    say "→ cargo install trunk --version $TRUNK_VERSION --locked (found: ${installed_trunk:-none}; ≈8 min on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# --- wasm-split-cli: the code-split step (scripts/split.mjs, in Trunk's post_build hook) ------------
# The crate cargo-leptos 0.3 splits with; its binary prints no version: `cargo install --list` does.
if cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && have wasm-split-cli; then
    say "✓ wasm-split-cli $WASM_SPLIT_VERSION"
else
    say "→ cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION --features build-binary --locked (≈1 min)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# --- Chromium + chromedriver (e2e tests, wasm-bindgen-test), pdftotext (printed report) ---------
if [ -x /usr/bin/chromium ] && have chromedriver && have pdftotext; then
    say "✓ $(/usr/bin/chromium --version 2>/dev/null | head -n1); $(chromedriver --version | awk '{ print $1, $2 }'); pdftotext"
else
    have apt-get || die "chromium, chromedriver or pdftotext missing and no apt-get: install chromium, chromium-driver and poppler-utils"
    say "→ apt-get install chromium chromium-driver poppler-utils"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver poppler-utils
fi

# --- npm packages ------------------------------------------------------------------------------
have node || die "node not found: install Node.js 20 or newer (apt-get install nodejs npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: the tests need 20 or newer"
lock_sum=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
stamp=node_modules/.repere-bootstrap.sha256
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    say "✓ node_modules (package-lock.json unchanged)"
else
    say "→ npm ci (playwright-core, axe-core, binaryen, terser, lightningcss)"
    npm ci --no-audit --no-fund
    echo "$lock_sum" >"$stamp"
fi
wasm_opt_version=$("$ROOT/node_modules/.bin/wasm-opt" --version | awk '{ print $3 }')
say "✓ wasm-opt $wasm_opt_version (node_modules/.bin, from npm binaryen)"

# --- crates for offline builds -----------------------------------------------------------------
# Trunk runs cargo with --offline: every crate of Cargo.lock (all targets) must be downloaded.
if cargo fetch --offline >/dev/null 2>&1; then
    say "✓ crates of Cargo.lock already downloaded"
else
    say "→ cargo fetch"
    cargo fetch
fi

say "done in $((SECONDS - started)) s"
