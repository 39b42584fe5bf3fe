#!/usr/bin/env bash
# The .deb packages as a user gets them: cpack builds them from the build tree, each is unpacked
# into a scratch root (dpkg -x: no root rights, nothing touches the machine's dpkg database),
# and programs are built and run against that root only:
#   1. docs/quickstart.md's program, compiled with its documented pkg-config line, run against
#      the root's mqnamesrv + mqbroker;
#   2. an official-client program (test/compat/SyncProducer.cpp) compiled with nothing but the
#      compatibility headers (-I<root>/usr/include/rocketmq) and -lrocketmq, run against them;
#   3. examples/embedded_cluster_test.cpp (GoogleTest on rocketmq/testing/gtest_fixture.h),
#      built with find_package(RocketMQ COMPONENTS testing), run;
#   and rocketmq::Version() must be the packages' version.
# Every program must resolve librocketmq from the scratch root (checked with ldd).
#   run_package_test.sh <build dir> <source dir> <work dir>
# Exits 77 (ctest: skipped) where dpkg-deb or dpkg-shlibdeps is missing (not a Debian system).
set -euo pipefail
build=${1:?usage: run_package_test.sh <build dir> <source dir> <work dir>}
src=${2:?}
work=${3:?}

for tool in dpkg-deb dpkg-shlibdeps pkg-config; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool not found (the packages are built and checked on Debian only)"
    exit 77
  fi
done

rm -rf "$work"
mkdir -p "$work"
root=$work/root
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($SECONDS s)"; }

step "cpack"
# gzip instead of the packages' xz: the same files, packed in half the CPU time.
(cd "$build" && cpack -B "$work/debs" -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
soversion=${version%%.*}
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"

declare -A expect=(
  [librocketmq$soversion]="./usr/lib/librocketmq.so.$soversion"
  [librocketmq-testing$soversion]="./usr/lib/librocketmq_testing.so.$soversion"
  [librocketmq-dev]="./usr/include/rocketmq/rocketmq.h ./usr/include/rocketmq/DefaultMQProducer.h
    ./usr/include/rocketmq/testing/gtest_fixture.h ./usr/lib/librocketmq.a ./usr/lib/librocketmq.so
    ./usr/lib/librocketmq_testing.so ./usr/lib/cmake/RocketMQ/RocketMQConfig.cmake
    ./usr/lib/pkgconfig/rocketmq.pc ./usr/lib/pkgconfig/rocketmq-testing.pc"
  [rocketmq-tools]="./usr/bin/mqnamesrv ./usr/bin/mqbroker ./usr/bin/mqadmin ./usr/bin/mqbench
    ./usr/share/rocketmq/conf/broker.conf ./usr/share/rocketmq/conf/2m-2s-sync/broker-a-s.properties"
)
# What each package must depend on (a Debian 12 package name, at the start of an entry).
declare -A depends=(
  [librocketmq$soversion]="libevent-core-2.1-7 libevent-openssl-2.1-7 libssl3 libjsoncpp25 zlib1g"
  [librocketmq-testing$soversion]="librocketmq$soversion libyaml-cpp0.7"
  [librocketmq-dev]="librocketmq$soversion librocketmq-testing$soversion libevent-dev libssl-dev"
  [rocketmq-tools]="libevent-core-2.1-7 libssl3 libjsoncpp25 libyaml-cpp0.7 zlib1g"
)
for pkg in "${!expect[@]}"; do
  deb=$work/debs/${pkg}_${version}_$(dpkg --print-architecture).deb
  [ -f "$deb" ] || fail "cpack made no $deb: $(ls "$work/debs")"
  [ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || fail "$deb: wrong Package field"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$deb: Version is not $version"
  for field in Maintainer Section Description; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "$deb has no $field"
  done
  deps=", $(dpkg-deb -f "$deb" Depends)"
  for dep in ${depends[$pkg]}; do
    [[ "$deps" == *", $dep "* || "$deps" == *", $dep,"* || "$deps" == *", $dep" ]] ||
      fail "$pkg does not depend on $dep: $deps"
  done
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for file in ${expect[$pkg]}; do
    grep -qxF "$file" <<<"$listing" || fail "$pkg lacks $file"
  done
  echo "$pkg $version: $(stat -c %s "$deb") bytes; Depends: ${deps#, }"
  dpkg-deb -x "$deb" "$root"
done
# The runtime package holds the versioned library and nothing a program links against.
runtime_files=$(dpkg-deb -c "$work/debs/librocketmq${soversion}_${version}_"*.deb | awk '{print $6}' |
  grep -v '/$' | grep -v '^./usr/share/doc/' || true)
grep -q 'librocketmq.so$' <<<"$runtime_files" && fail "librocketmq$soversion ships the -dev link"
[ "$(objdump -p "$root/usr/lib/librocketmq.so.$soversion" | awk '/SONAME/{print $2}')" = \
  "librocketmq.so.$soversion" ] || fail "SONAME of librocketmq.so.$soversion"

export PKG_CONFIG_PATH=$root/usr/lib/pkgconfig
export LD_LIBRARY_PATH=$root/usr/lib
uses_root_lib() {  # <program>: its librocketmq comes from the scratch root
  local libs
  libs=$(ldd "$1")
  grep -qF "librocketmq.so.$soversion => $root/usr/lib/" <<<"$libs" ||
    { echo "$libs"; fail "$1 does not load $root/usr/lib/librocketmq.so.$soversion"; }
}

step "compile the three programs against $root"
# 1. The quickstart, extracted from docs/quickstart.md, compiled with the documented line.
awk '/^```cpp$/{on=1; next} /^```$/{if (on) exit} on' "$src/docs/quickstart.md" >"$work/quickstart.cpp"
grep -q 'DefaultMQPushConsumer' "$work/quickstart.cpp" || fail "no quickstart program in docs/quickstart.md"
# shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
g++ -std=c++17 "$work/quickstart.cpp" -o "$work/quickstart" $(pkg-config --cflags --libs rocketmq) \
  -pthread >"$work/quickstart.build.log" 2>&1 &
b1=$!
# 2. An official-client program: only the compatibility include directory, only -lrocketmq.
g++ -std=c++17 -I"$root/usr/include/rocketmq" "$src/test/compat/SyncProducer.cpp" \
  -o "$work/SyncProducer" -L"$root/usr/lib" -lrocketmq -pthread >"$work/compat.build.log" 2>&1 &
b2=$!
# 3. The embedded-cluster GoogleTest example, with CMake's find_package.
mkdir -p "$work/app"
cp "$src/examples/embedded_cluster_test.cpp" "$work/app/"
cat >"$work/app/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.20)
project(app_tests CXX)
find_package(RocketMQ REQUIRED COMPONENTS testing)
find_package(GTest REQUIRED)
add_executable(app_tests embedded_cluster_test.cpp)
target_link_libraries(app_tests PRIVATE RocketMQ::testing GTest::gtest_main)
EOF
(cmake -S "$work/app" -B "$work/app/build" -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_BUILD_TYPE=Release &&
  cmake --build "$work/app/build") >"$work/app.build.log" 2>&1 &
b3=$!
wait $b1 || { cat "$work/quickstart.build.log"; fail "quickstart does not compile"; }
wait $b2 || { cat "$work/compat.build.log"; fail "SyncProducer does not compile"; }
wait $b3 || { cat "$work/app.build.log"; fail "embedded_cluster_test does not build"; }
grep -q "RocketMQ_DIR:PATH=$root/usr/lib/cmake/RocketMQ" "$work/app/build/CMakeCache.txt" ||
  fail "find_package(RocketMQ) did not take the scratch root's package"
for program in "$work/quickstart" "$work/SyncProducer" "$work/app/build/app_tests"; do
  uses_root_lib "$program"
done
# The library reports the version its packages carry.
printf '#include <rocketmq/version.h>\n#include <cstdio>\nint main() { std::puts(rocketmq::Version()); }\n' \
  >"$work/version.cpp"
# shellcheck disable=SC2046
g++ -std=c++17 "$work/version.cpp" -o "$work/version" $(pkg-config --cflags --libs rocketmq)
[ "$("$work/version")" = "$version" ] || fail "rocketmq::Version() is $("$work/version"), the packages $version"

step "start the scratch root's mqnamesrv and mqbroker"
# shellcheck source=../../scripts/ports.sh
source "$src/scripts/ports.sh"
wait_boot() {  # <log> <pid>
  for _ in $(seq 1 300); do
    grep -q "boot success" "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$1"; fail "server exited: $1"; }
    sleep 0.1
  done
  cat "$1"
  fail "no boot line in $1"
}
free_port
ns_port=$port
printf 'listenPort=%s\nkvConfigPath=%s/kvConfig.json\n' "$ns_port" "$work" >"$work/namesrv.conf"
"$root/usr/bin/mqnamesrv" -c "$work/namesrv.conf" >"$work/namesrv.log" 2>&1 &
pids+=($!)
wait_boot "$work/namesrv.log" $!
free_port
sed -e "s|^brokerName.*|brokerName = package-test|" "$root/usr/share/rocketmq/conf/broker.conf" \
  >"$work/broker.conf"
printf 'listenPort=%s\nstorePathRootDir=%s/store\nbrokerIP1=127.0.0.1\n' "$port" "$work" \
  >>"$work/broker.conf"
# -p prints every config item, -m Java's important ones (listenPort is not one of them).
"$root/usr/bin/mqbroker" -c "$work/broker.conf" -p >"$work/broker-p.out"
"$root/usr/bin/mqbroker" -c "$work/broker.conf" -m >"$work/broker-m.out"
grep -qx "listenPort=$port" "$work/broker-p.out" || fail "mqbroker -p: no listenPort=$port"
grep -qx "brokerName=package-test" "$work/broker-m.out" || fail "mqbroker -m: no brokerName"
grep -q "^listenPort=" "$work/broker-m.out" && fail "mqbroker -m prints listenPort"
"$root/usr/bin/mqbroker" -c "$work/broker.conf" -n "127.0.0.1:$ns_port" >"$work/broker.log" 2>&1 &
pids+=($!)
wait_boot "$work/broker.log" $!

step "run the quickstart"
timeout 60 "$work/quickstart" "127.0.0.1:$ns_port" >"$work/quickstart.out" 2>&1 ||
  { cat "$work/quickstart.out"; fail "quickstart failed"; }
cat "$work/quickstart.out"
grep -q '^received: Hello RocketMQ$' "$work/quickstart.out" || fail "the quickstart received nothing"

step "run the official-client SyncProducer"
timeout 60 "$work/SyncProducer" -n "127.0.0.1:$ns_port" -g package_compat -t QuickstartTopic -m 5 \
  >"$work/compat.out" 2>&1 || { cat "$work/compat.out"; fail "SyncProducer failed"; }
grep -q '^sent ok=5 of 5$' "$work/compat.out" || { cat "$work/compat.out"; fail "SyncProducer output"; }
tail -1 "$work/compat.out"
"$root/usr/bin/mqadmin" topicStatus -n "127.0.0.1:$ns_port" -t QuickstartTopic >"$work/topic.out" 2>&1 ||
  { cat "$work/topic.out"; fail "mqadmin topicStatus"; }

step "run the embedded-cluster test"
timeout 120 "$work/app/build/app_tests" --gtest_brief=1 >"$work/app.out" 2>&1 ||
  { cat "$work/app.out"; fail "embedded_cluster_test failed"; }
tail -3 "$work/app.out"

step "done"
echo "packages install into a scratch root and programs build and run against them"
