#!/usr/bin/env bash
# Installs the Debian packages chronokg needs that are missing (scripts/debian-packages.txt),
# then configures and builds it (Release) in build/. Safe to run again: it only does what is left.
set -euo pipefail
cd "$(dirname "$0")/.."

# A package also counts as present when an installed one provides it (NodeSource's nodejs
# provides npm, and conflicts with Debian's).
provided=$(dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null | awk -F'|' '$1 ~ /^ii/ {print $2}' |
  tr ',' '\n' | sed 's/([^)]*)//g; s/[[:space:]]//g' | sort -u)
missing=()
while read -r package; do
  [[ -z $package || $package == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    grep -qx -- "$package" <<<"$provided" || missing+=("$package")
done < scripts/debian-packages.txt
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Node.js consumer test's packages, pinned by tests/consumers/package-lock.json. They come
# from the npm registry, not from Debian: a machine that cannot reach it (or whose TLS is
# intercepted by a proxy this Debian root does not trust) still builds and runs everything else.
# The reason is written to tests/consumers/npm-unavailable.txt, and the graphology tests report
# themselves skipped with it instead of failing.
if command -v npm >/dev/null && [[ tests/consumers/package-lock.json -nt tests/consumers/node_modules/.package-lock.json ]]; then
  echo "setup: npm ci in tests/consumers"
  if (cd tests/consumers && npm ci --no-audit --no-fund --loglevel=error >/tmp/chronokg-npm.log 2>&1); then
    rm -f tests/consumers/npm-unavailable.txt
  else
    rm -rf tests/consumers/node_modules
    grep -m1 -i "err" /tmp/chronokg-npm.log >tests/consumers/npm-unavailable.txt || echo "npm ci failed" >tests/consumers/npm-unavailable.txt
    echo "setup: WARNING: npm ci failed ($(cat tests/consumers/npm-unavailable.txt)); the graphology consumer tests will be skipped" >&2
  fi
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
