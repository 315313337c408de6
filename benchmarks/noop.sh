#!/usr/bin/env bash
# No-op incremental plugin run (issue 15), run by benchmarks/run.sh: `mvn generate-sources` of a small project
# (the Civitai example's Arazzo documents and descriptions) with Weft's plugin, after a first run generated its
# sources, against the same project without the plugin; alternating, medians. Needs the modules packaged
# (run.sh does it). The Weft artifacts go to a private repository under benchmarks/target, never ~/.m2; it
# takes every other artifact from ~/.m2 as a file:// repository. WEFT_BENCH_NOOP_RUNS=15 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${WEFT_BENCH_NOOP_RUNS:-15}
version=0.1.0-SNAPSHOT
work=$(pwd)/benchmarks/target/noop
repo=$work/repo
local_repo=${WEFT_BENCH_M2:-$HOME/.m2/repository}
rm -rf "$work"
mkdir -p "$work/project/src/main/arazzo"
cp -r examples/civitai/src/main/arazzo/. "$work/project/src/main/arazzo/"

cat >"$work/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>local</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>local.m2</id><url>file://$local_repo</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>local.m2</id><url>file://$local_repo</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
EOF
install() {
  mvn -q -o install:install-file -Dfile="$1" -DpomFile="$2" -DlocalRepositoryPath="$repo" "${@:3}" >&2
}
install pom.xml pom.xml -Dpackaging=pom
for module in arazzo-runtime arazzo-compiler arazzo-maven-plugin; do
  # the POM a deploy publishes: the shaded plugin's is the dependency-reduced one
  pom=$module/pom.xml
  [ -f "$module/dependency-reduced-pom.xml" ] && pom=$module/dependency-reduced-pom.xml
  install "$module/target/$module-$version.jar" "$pom"
done

project() { # $1: the <build> element, or nothing
  cat <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>noop</artifactId>
  <version>1</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  $1
</project>
EOF
}
project "<build><plugins><plugin>
    <groupId>dev.weft</groupId><artifactId>arazzo-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>generate</goal></goals>
      <configuration><packageName>bench.workflows</packageName>
        <includes><include>arazzo/*.yml</include></includes></configuration></execution></executions>
  </plugin></plugins></build>" >"$work/project/pom.xml"
project "" >"$work/project/plain.xml"

mvn_() { mvn -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }
# online once (file:// only: every artifact is in the local repository), so the private one has them all
mvn_ -f "$work/project/pom.xml" generate-sources >&2
mvn_ -f "$work/project/plain.xml" generate-sources >&2
generated=$(find "$work/project/target/generated-sources" -name '*.java' | wc -l)
[ "$generated" -gt 0 ] || { echo "noop: the plugin generated nothing" >&2; exit 1; }

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Each plugin run is compared with the plain run just before it: on a virtual machine whose speed drifts by a
# third within minutes, the median of these paired differences is steadier than the difference of two medians.
touch "$work/start"
for i in $(seq 1 "$n"); do
  s=$(date +%s%N); mvn_ -o -f "$work/project/plain.xml" generate-sources >/dev/null; p=$(ms "$s")
  s=$(date +%s%N); mvn_ -o -f "$work/project/pom.xml" generate-sources >/dev/null; q=$(ms "$s")
  echo "$p" >>"$work/plain"; echo "$q" >>"$work/plugin"; echo $((q - p)) >>"$work/added"
done
touched=$(find "$work/project/target/generated-sources" -name '*.java' -newer "$work/start" | wc -l)
plain=$(median <"$work/plain"); plugin=$(median <"$work/plugin"); added=$(median <"$work/added")
pass() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "pass" : "FAIL" }'; }
printf '%-46s %14s %-10s %-12s %s\n' "mvn generate-sources, no plugin (median of $n)" "$plain" "ms" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "  with the plugin, nothing changed" "$plugin" "ms" "" ""
printf '%-46s %14s %-10s %-12s %s\n' "  no-op plugin run adds (median of pairs)" "$added" "ms" "<= 150" "$(pass "$added" 150)"
[ "$touched" -eq 0 ] || echo "noop: $touched generated files were rewritten by a no-op run" >&2
