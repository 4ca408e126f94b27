#!/usr/bin/env bash
# The MakerShop test command: installs the Debian tools the tests drive (root only), builds the solution in Release,
# runs every test project, and ends with exactly one line "Tests: N passed, M failed[, K skipped]".
# Exits non-zero if any test failed, any test project failed to run, or no test ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESULTS_DIR="${TEST_RESULTS_DIR:-$ROOT/TestResults/run-all}"
# Browser tests save their screenshots under it.
export TEST_RESULTS_DIR="$RESULTS_DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- Tools the tests drive for real ------------------------------------------------------------------
#   mosquitto, mosquitto_passwd   the external-broker tests start their own Mosquitto on a free loopback port
#   /usr/bin/chromium             browser tests drive Debian's Chromium through Playwright (no browser download)
#   npm                           the Web project's build installs three.js from the npm registry
#   DejaVu Sans                   the customs PDFs (PDFsharp) embed it; Linux has no font PDFsharp finds on its own
#   prusa-slicer, admesh          quotes are sliced by Debian's PrusaSlicer CLI; admesh is the mesh peer in bench/
#   vsftpd, perl DB_File          the Bambu FTPS tests start vsftpd (implicit TLS, session reuse) on a free loopback
#                                 port; its user 'bblp' lives in a pam_userdb file written with perl's DB_File
# Everything missing is installed in one apt pass when running as root; otherwise the script stops and says what to install.
have_tool() {
    # Debian installs the broker in /usr/sbin, which is not on every user's PATH.
    command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/local/sbin/$1" ]
}

dejavu_font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
packages=()
{ have_tool mosquitto && have_tool mosquitto_passwd; } || packages+=(mosquitto)
[ -x /usr/bin/chromium ] || packages+=(chromium)
have_tool npm || packages+=(nodejs npm)
[ -f "$dejavu_font" ] || packages+=(fonts-dejavu-core)
have_tool prusa-slicer || packages+=(prusa-slicer)
have_tool admesh || packages+=(admesh)
have_tool vsftpd || packages+=(vsftpd)
perl -MDB_File -e 1 2>/dev/null || packages+=(perl)

if [ "${#packages[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "ERROR: the tests need Debian packages that are missing: ${packages[*]}" >&2
        echo "       Run this script as root (it installs them) or: sudo apt-get install -y ${packages[*]}" >&2
        exit 1
    fi
    echo "==> Installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait (bounded) for another apt/dpkg run to release its lock instead of failing at once.
    apt-get -o DPkg::Lock::Timeout=600 update
    apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${packages[@]}"
    # No system broker is needed: if mosquitto's postinst started one on 1883 that is harmless; tests never use it.
fi

for tool in mosquitto mosquitto_passwd npm prusa-slicer admesh vsftpd; do
    have_tool "$tool" || { echo "ERROR: '$tool' is still missing after installing its package." >&2; exit 1; }
done
[ -x /usr/bin/chromium ] || { echo "ERROR: /usr/bin/chromium is still missing after installing chromium." >&2; exit 1; }
[ -f "$dejavu_font" ] || { echo "ERROR: $dejavu_font is still missing after installing fonts-dejavu-core." >&2; exit 1; }
perl -MDB_File -e 1 2>/dev/null || { echo "ERROR: perl's DB_File is still missing after installing perl." >&2; exit 1; }
mosquitto_bin="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
echo "==> $("$mosquitto_bin" -h 2>/dev/null | head -n 1 || true)"
echo "==> $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
echo "==> $(prusa-slicer --help 2>/dev/null | grep -m 1 -o 'PrusaSlicer-[0-9.a-z+-]*' || echo prusa-slicer)"

# --- Build ------------------------------------------------------------------------------------------
echo "==> dotnet build MakerShop.sln -c Release"
dotnet build MakerShop.sln -c Release --nologo -v minimal

# --- Test -------------------------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# The firmware-bridge and virtual-printer projects measure a serial link against the wall clock (a baud rate, an ok
# timeout), so they run first, alone. Then the end-to-end project, which takes most of the time but little CPU (real
# hosts, printers and browsers waiting on each other), runs in the background while the remaining projects (pure
# logic, or timed by a fake clock) run one after another beside it. Each project writes its console output to its
# own log, printed whole when it ends, and gets a trx file named after it (solution-wide runs name them by the
# second, so two could collide).
run_project() { # run_project <csproj>: its exit code goes to <name>.rc
    local project="$1" name
    name="$(basename "$project" .csproj)"
    set +e
    dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=normal" \
        --results-directory "$RESULTS_DIR" \
        --blame-hang-timeout 5m > "$RESULTS_DIR/$name.log" 2>&1
    echo $? > "$RESULTS_DIR/$name.rc"
    set -e
}
show_project() { # show_project <csproj>: prints its log and fails the run if it failed
    local name
    name="$(basename "$1" .csproj)"
    echo "==> dotnet test $1"
    cat "$RESULTS_DIR/$name.log"
    rc="$(cat "$RESULTS_DIR/$name.rc" 2>/dev/null || echo 1)"
    [ "$rc" -eq 0 ] || test_rc=$rc
}

test_rc=0
projects=$(grep -o '"tests\\[^"]*\.csproj"' MakerShop.sln | tr -d '"' | tr '\\' '/')
long_project=tests/MakerShop.EndToEnd.Tests/MakerShop.EndToEnd.Tests.csproj
alone_projects="tests/MakerShop.FirmwareBridge.Tests/MakerShop.FirmwareBridge.Tests.csproj tests/MakerShop.VirtualPrinter.Tests/MakerShop.VirtualPrinter.Tests.csproj"
for project in $alone_projects; do
    run_project "$project"
    show_project "$project"
done
echo "==> dotnet test $long_project (in the background, beside the others)"
run_project "$long_project" &
long_pid=$!
for project in $projects; do
    case " $long_project $alone_projects " in *" $project "*) continue ;; esac
    run_project "$project"
    show_project "$project"
done
wait "$long_pid" || true
show_project "$long_project"

# --- Summary from the .trx files ---------------------------------------------------------------------
counter() { # counter <name> <file>: the value of one attribute of the <Counters> element
    grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}

total=0 passed=0 failed=0 skipped=0 trx_count=0
shopt -s nullglob globstar
echo
echo "==> Results ($RESULTS_DIR)"
for trx in "$RESULTS_DIR"/**/*.trx; do
    trx_count=$((trx_count + 1))
    t=$(counter total "$trx")
    p=$(counter passed "$trx")
    f=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
    # xunit's skipped tests are counted in total but not in executed.
    s=$(( t - $(counter executed "$trx") ))
    [ "$s" -ge 0 ] || s=0
    assembly=$(grep -o 'codeBase="[^"]*"' "$trx" | head -n 1 | sed -e 's/^codeBase="//' -e 's/"$//' || true)
    printf '    %-45s total %4d, passed %4d, failed %3d, skipped %3d\n' \
        "$(basename "${assembly:-$trx}")" "$t" "$p" "$f" "$s"
    total=$((total + t)) passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

test_projects=$(grep -o '"tests\\[^"]*\.csproj"' MakerShop.sln | wc -l)

status=0
if [ "$test_rc" -ne 0 ]; then
    echo "FAILED: dotnet test exited with code $test_rc (failed tests, or a test project that did not run)." >&2
    status=1
fi
if [ "$trx_count" -lt "$test_projects" ]; then
    echo "FAILED: $test_projects test projects in MakerShop.sln but only $trx_count produced results." >&2
    status=1
fi
if [ "$total" -eq 0 ]; then
    echo "FAILED: no tests ran." >&2
    status=1
fi
if [ "$failed" -gt 0 ]; then
    status=1
fi

summary="Tests: $passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
    summary="$summary, $skipped skipped"
fi
echo
echo "$summary"
exit "$status"
