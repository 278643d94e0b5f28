#!/usr/bin/env bash
# What a user of apwire-codec alone gets: installs the build into a scratch local repository, then
# builds .ci/consumer (imports apwire-bom, depends on apwire-codec) against it and checks that
#   - its dependencies resolve without jackson-databind (apwire-codec, apwire-core, jackson-core, jspecify),
#   - it runs, decoding and encoding frames, on the module path and on the class path.
# Third-party artifacts come from ~/.m2 (as a file repository) or Maven Central; the scratch
# repository keeps other builds' snapshots in ~/.m2 out of the check. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
m2="${HOME}/.m2/repository"
cat > "$work/settings.xml" <<XML
<settings>
  <profiles>
    <profile>
      <id>local-cache</id>
      <repositories>
        <repository><id>local-cache</id><url>file://${m2}</url><snapshots><enabled>false</enabled></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>local-cache</id><url>file://${m2}</url><snapshots><enabled>false</enabled></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>local-cache</activeProfile></activeProfiles>
</settings>
XML
mvn_() { mvn -B -ntp -q -s "$work/settings.xml" -Dmaven.repo.local="$work/repo" "$@"; }

version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' bom/pom.xml | sed -n 1p)
echo "consumer check: installing apwire $version into a scratch repository"
mvn_ install -DskipTests

cd .ci/consumer
mvn_ -Dapwire.version="$version" package dependency:list dependency:build-classpath \
  -DoutputFile="$work/deps.txt" -DexcludeTransitive=false -Dmdep.outputFile="$work/cp.txt"
echo "resolved:"; grep ':' "$work/deps.txt" | sed 's/^ */  /'
if grep -q 'jackson-databind' "$work/deps.txt"; then
  echo "FAIL: a project depending on apwire-codec alone resolves jackson-databind"; exit 1
fi
grep -q "dev.apwire:apwire-codec:jar:$version" "$work/deps.txt" || { echo "FAIL: apwire-codec $version not resolved"; exit 1; }
grep -q 'tools.jackson.core:jackson-core:jar' "$work/deps.txt" || { echo "FAIL: jackson-core not resolved"; exit 1; }
cp=$(cat "$work/cp.txt")
java -p "target/classes:$cp" -m dev.apwire.consumer/dev.apwire.consumer.Main
java -cp "target/classes:$cp" dev.apwire.consumer.Main
rm -rf target
echo "consumer check: OK"
