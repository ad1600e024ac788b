#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine, then runs the suite.
#   tcmalloc  - the allocator the launcher uses (training speed; tests run 1.3-1.5x faster)
#   chromium  - the report test opens report.html in a real headless browser
#   fonts     - the report's charts are drawn by Java 2D, which needs at least one font
# The real CIFAR-100 is read from ../shared/data/cifar-100-binary (or $CNNLAB_TEST_DATA).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${CNNLAB_TEST_DATA:-$root/../shared/data/cifar-100-binary}"

tcmalloc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
need=()
[[ -f "$tcmalloc" ]] || need+=(libtcmalloc-minimal4)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[[ -n "$(fc-list 2>/dev/null | head -1)" ]] || need+=(fontconfig fonts-dejavu-core)
if ((${#need[@]})); then
  echo "installing ${need[*]} ..." >&2
  sudo_cmd=(); [[ "$(id -u)" == 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [[ -f "$tcmalloc" ]]; then export LD_PRELOAD="$tcmalloc"; fi

exec mvn -B -ntp test -Dcnnlab.testData="$data" "$@"
