#!/bin/bash
# usage: trace.sh <run name>: waits for the load phase, then records syscalls and context switches for 5 s, 30 s into the window
out=/tmp/s14/out-$1.txt
until grep -q "^# Phase 1" $out 2>/dev/null; do sleep 1; done
sleep 90
perf record -q -o /tmp/s14/trace-$1.data -e raw_syscalls:sys_enter -e sched:sched_switch -a -- sleep 5 2>/tmp/s14/trace-$1.err
echo traced at $(date -u +%H:%M:%S) >> /tmp/s14/trace-$1.err
