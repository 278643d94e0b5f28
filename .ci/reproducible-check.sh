#!/usr/bin/env bash
# Reproducible builds: builds the jars twice from clean (tests skipped) and compares them byte for
# byte: every module's jar, sources jar and Javadoc jar, and examples/target/apwire.jar. Fails and
# lists the jars that differ. Not part of .ci/run (two full builds); run it after touching the build.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
  mvn -B -ntp -q clean package -DskipTests
  mkdir -p "$work/$run"
  for jar in */target/*.jar; do cp "$jar" "$work/$run/$(basename "$jar")"; done
  [ "$run" = 1 ] && sleep 2   # a different clock for the second build
done
cd "$work/1"
n=0; bad=0
for jar in *.jar; do
  n=$((n + 1))
  if cmp -s "$jar" "../2/$jar"; then
    printf '  same    %s  %s\n' "$(sha256sum "$jar" | cut -c1-16)" "$jar"
  else
    printf '  DIFFERS %s\n' "$jar"; bad=$((bad + 1))
  fi
done
[ "$(ls ../2 | wc -l)" = "$n" ] || { echo "FAIL: the builds made different sets of jars"; exit 1; }
if [ "$bad" -gt 0 ]; then echo "FAIL: $bad of $n jars differ between two builds"; exit 1; fi
echo "reproducible: $n jars byte-identical across two builds"
