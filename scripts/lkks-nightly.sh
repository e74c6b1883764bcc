#!/usr/bin/env bash
# Nightly cron wrapper for the LKKS/LKS news monitor: runs `lkks --log-file logs/lkks.log run ARGS` from the
# repository's virtualenv (--log-file is an option of `lkks` itself, so it comes before `run`) and
# passes its exit status through.
#
# Example crontab line (02:30 WIB every night; cron mails whatever this prints, so it prints only on trouble):
#   30 2 * * * /srv/lkks-monitor/scripts/lkks-nightly.sh --sources /srv/lkks-monitor/sources.yaml
#
# Arguments are passed to `lkks run` (e.g. --db, --sources, --only). The full log goes to logs/lkks.log
# (rotated by lkks itself); the console output of the last run is kept in logs/nightly-last.txt.
#
# Exit status (that of `lkks run`):
#   0  every source ran                        silent
#   1  some sources failed, the run completed  output printed (cron mails it)
#   2  usage or configuration error            output printed
#   3  locked: the previous run is still going silent: not an error worth mailing about
# Set LKKS_NIGHTLY_VERBOSE=1 to print the output whatever the status.
set -u

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || exit 2
cd "$repo" || exit 2
mkdir -p logs || exit 2

lkks=".venv/bin/lkks"
if [ ! -x "$lkks" ]; then
    echo "lkks-nightly: $repo/$lkks not found; create the virtualenv first (python -m venv .venv && .venv/bin/pip install -e .)" >&2
    exit 2
fi

# Each invocation writes its own file: a second, locked invocation must not clobber a running one's output.
output="logs/nightly-$$.txt"
{
    echo "# lkks-nightly $(date -u +%Y-%m-%dT%H:%M:%SZ): $lkks --log-file logs/lkks.log run $*"
    "$lkks" --log-file logs/lkks.log run "$@" 2>&1
} >"$output"
status=$?  # the status of the block is that of its last command, lkks itself

if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] || [ "${LKKS_NIGHTLY_VERBOSE:-0}" = "1" ]; then
    cat "$output"
    echo "lkks-nightly: lkks run exited with status $status (log: $repo/logs/lkks.log)"
fi
if [ "$status" -eq 3 ]; then
    rm -f "$output"
else
    mv -f "$output" logs/nightly-last.txt
fi
exit "$status"
