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

# The Node.js consumer test's packages, pinned by tests/consumers/package-lock.json.
if command -v npm >/dev/null && [[ tests/consumers/package-lock.json -nt tests/consumers/node_modules/.package-lock.json ]]; then
  echo "setup: npm ci in tests/consumers"
  (cd tests/consumers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
