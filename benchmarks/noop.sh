#!/usr/bin/env bash
# No-op incremental plugin run (issue 15), run by benchmarks/run.sh: `mvn generate-sources` of a small project
# (the Civitai example's Arazzo documents and descriptions) with Weft's plugin, after a first run generated its
# sources, against the same project without the plugin; medians. Needs the modules packaged (run.sh does it).
#
# The plugin is measured as users get it, a release: the built artifacts are installed a second time with the
# version's -SNAPSHOT dropped (in their POMs and in the plugin's descriptor; the jars are the same bytes
# otherwise). A -SNAPSHOT plugin costs Maven more (it reads snapshot metadata for the plugin and its parent, and
# Weft's build stamp then covers the identity of Weft's jars), so it is measured too, as is a plugin that does
# nothing (maven-clean-plugin with skip): what any plugin costs Maven in a fresh JVM.
#
# Each round runs the plain build once, then the three plugin builds in an order that rotates from round to
# round; each plugin build is compared with that round's plain build. On a virtual machine whose speed drifts by
# a third within minutes, the median of these paired differences is steadier than the difference of two medians.
# The Weft artifacts go to a private repository under benchmarks/target, never ~/.m2; it takes every other
# artifact from ~/.m2 as a file:// repository. WEFT_BENCH_NOOP_RUNS=21 rounds by default.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${WEFT_BENCH_NOOP_RUNS:-21}
snapshot=0.1.0-SNAPSHOT
release=${snapshot%-SNAPSHOT}
work=$(pwd)/benchmarks/target/noop
repo=$work/repo
local_repo=${WEFT_BENCH_M2:-$HOME/.m2/repository}
rm -rf "$work"
mkdir -p "$work/as-released"

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
# $1: the version to install under; the built artifacts are of $snapshot
install_weft() {
  local dir=$work/as-released/$1
  mkdir -p "$dir"
  sed "s/$snapshot/$1/g" pom.xml >"$dir/weft-parent.pom"
  install "$dir/weft-parent.pom" "$dir/weft-parent.pom" -Dpackaging=pom
  for module in arazzo-runtime arazzo-compiler arazzo-maven-plugin; do
    # the POM a deploy publishes: the plugin's is the dependency-reduced one, flattened
    local pom=$module/pom.xml
    [ -f "$module/target/.flattened-pom.xml" ] && pom=$module/target/.flattened-pom.xml
    sed "s/$snapshot/$1/g" "$pom" >"$dir/$module.pom"
    cp "$module/target/$module-$snapshot.jar" "$dir/$module.jar"
    if [ "$module" = arazzo-maven-plugin ] && [ "$1" != "$snapshot" ]; then
      # Maven checks that the descriptor's version is the artifact's
      mkdir -p "$dir/descriptor"
      (cd "$dir/descriptor" && unzip -q "$dir/$module.jar" META-INF/maven/plugin.xml \
        && sed -i "s/<version>$snapshot</<version>$1</" META-INF/maven/plugin.xml \
        && jar uf "$dir/$module.jar" META-INF/maven/plugin.xml)
    fi
    install "$dir/$module.jar" "$dir/$module.pom"
  done
}
install_weft "$snapshot"
install_weft "$release"

project() { # $1: the folder, $2: the <build> element of its pom.xml; plain.xml (the released one's only) has none
  mkdir -p "$work/$1/src/main/arazzo"
  cp -r examples/civitai/src/main/arazzo/. "$work/$1/src/main/arazzo/"
  for file in pom.xml $([ "$1" = released ] && echo plain.xml); do
    cat >"$work/$1/$file" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>noop</artifactId>
  <version>1</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>17</maven.compiler.release>
  </properties>
  $([ "$file" = pom.xml ] && echo "$2")
</project>
EOF
  done
}
weft() { # $1: the plugin's version
  echo "<build><plugins><plugin>
    <groupId>dev.weft</groupId><artifactId>arazzo-maven-plugin</artifactId><version>$1</version>
    <executions><execution><goals><goal>generate</goal></goals>
      <configuration><packageName>bench.workflows</packageName>
        <includes><include>arazzo/*.yml</include></includes></configuration></execution></executions>
  </plugin></plugins></build>"
}
project released "$(weft "$release")"
project snapshot "$(weft "$snapshot")"
project nothing "<build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version>
    <executions><execution><id>nothing</id><phase>generate-sources</phase><goals><goal>clean</goal></goals>
      <configuration><skip>true</skip></configuration></execution></executions>
  </plugin></plugins></build>"
variants=(released snapshot nothing)

mvn_() { mvn -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }
# online once (file:// only: every artifact is in the local repository), so the private one has them all
mvn_ -f "$work/released/plain.xml" generate-sources >&2
for variant in "${variants[@]}"; do
  mvn_ -f "$work/$variant/pom.xml" generate-sources >&2
done
for variant in released snapshot; do
  generated=$(find "$work/$variant/target/generated-sources" -name '*.java' | wc -l)
  [ "$generated" -gt 0 ] || { echo "noop: the $variant plugin generated nothing" >&2; exit 1; }
done

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
touch "$work/start"
for i in $(seq 1 "$n"); do
  s=$(date +%s%N); mvn_ -o -f "$work/released/plain.xml" generate-sources >/dev/null; p=$(ms "$s")
  echo "$p" >>"$work/plain.ms"
  for k in 0 1 2; do
    variant=${variants[$(( (i + k) % 3 ))]}
    s=$(date +%s%N); mvn_ -o -f "$work/$variant/pom.xml" generate-sources >/dev/null; q=$(ms "$s")
    echo "$q" >>"$work/$variant.ms"; echo $((q - p)) >>"$work/$variant.added"
  done
done
touched=$(find "$work"/*/target/generated-sources -name '*.java' -newer "$work/start" | wc -l)
pass() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "pass" : "FAIL" }'; }
row() { printf '%-46s %14s %-10s %-12s %s\n' "$@"; }
row "mvn generate-sources, no plugin (median of $n)" "$(median <"$work/plain.ms")" "ms" "" ""
row "  with the plugin, nothing changed" "$(median <"$work/released.ms")" "ms" "" ""
added=$(median <"$work/released.added")
row "  no-op plugin run adds (median of pairs)" "$added" "ms" "<= 150" "$(pass "$added" 150)"
row "  the same plugin as a -SNAPSHOT adds" "$(median <"$work/snapshot.added")" "ms" "" ""
row "  a plugin that does nothing adds" "$(median <"$work/nothing.added")" "ms" "" ""
[ "$touched" -eq 0 ] || { echo "noop: $touched generated files were rewritten by a no-op run" >&2; exit 1; }
