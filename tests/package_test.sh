#!/bin/sh
# The installed chronokg as its users get it: install the build to a temporary prefix, build
# examples/consumer against it with find_package(chronokg), and check that it answers "what did
# BIS do in May 2025?" from a small article (tests/data/query, which also tells of December 2024);
# then check the installed tool and rule pack.
#
# Usage: package_test.sh BUILD_DIR SOURCE_DIR CMAKE GENERATOR CXX [CMAKE_ARG...]
set -eu
build=$1 source=$2 cmake=$3 generator=$4 cxx=$5
shift 5
article=$source/tests/data/query/bis-may-2025.txt

work=$(mktemp -d "${TMPDIR:-/tmp}/chronokg-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "package test: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "install failed"; }

# The tool, the rule pack, the headers and the package files are where the README says.
[ -x "$prefix/bin/chronokg" ] || fail "no bin/chronokg"
diff -r "$source/rules" "$prefix/share/chronokg/rules" || fail "share/chronokg/rules differs from rules/"
[ -f "$prefix/include/chronokg/graph/graph_query.hpp" ] || fail "no include/chronokg/graph/graph_query.hpp"
[ ! -e "$prefix/include/chronokg/cli" ] || fail "the CLI's headers are installed"
config=$(find "$prefix" -name chronokgConfig.cmake)
[ -n "$config" ] || fail "no chronokgConfig.cmake"
[ -f "$(dirname "$config")/chronokgConfigVersion.cmake" ] || fail "no chronokgConfigVersion.cmake"

# A consumer finds the package and builds. No -Werror reaches it from us.
"$cmake" -S "$source/examples/consumer" -B "$work/consumer" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release "$@" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "the consumer does not configure"; }
"$cmake" --build "$work/consumer" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the consumer does not build"; }

# Its answer, with the entity named three ways.
expected='2025-05-13  Bureau of Industry and Security revokes AI Diffusion Rule'
for who in BIS 工業和安全局 "bureau of industry and security"; do
    answer=$(cd "$work" && "$work/consumer/what_did_bis_do" "$article" --who "$who") ||
        fail "the consumer failed for $who"
    printf '%s\n' "$answer" | grep -qF "$expected" || { printf '%s\n' "$answer"; fail "no \"$expected\" for $who"; }
    printf '%s\n' "$answer" | grep -qv '^2025-05-' && { printf '%s\n' "$answer"; fail "an event outside May 2025"; }
done

# The installed tool runs from anywhere and finds its rule pack beside it.
(cd "$work" && env -u CHRONOKG_RULES "$prefix/bin/chronokg" query "$article" \
    --subject 工業和安全局 --from 2025-05 --to 2025-05 --csv) >"$work/query.csv" ||
    fail "the installed chronokg query failed"
grep -qF 'Bureau of Industry and Security,GOV,revokes' "$work/query.csv" || { cat "$work/query.csv"; fail "installed query"; }
echo "package test: ok ($prefix)"
