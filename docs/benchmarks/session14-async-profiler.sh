#!/bin/bash
# usage: apfutex.sh <run name> <event>: 80 s into the load phase, records <event> with Java stacks in candidate-service for 5 s
out=/tmp/s14/out-$1.txt; ev=${2:-syscalls:sys_enter_futex}
until grep -q "^# Phase 1" $out 2>/dev/null; do sleep 1; done
sleep 80
pid=$(pgrep -f "candidate-service/target/quarkus-app" | head -1)
java -cp /tmp/ap Attach $pid /tmp/ap/linux-x64/libasyncProfiler.so "start,event=$ev,interval=1,threads" > /tmp/s14/ap-$1.log 2>&1
sleep 5
java -cp /tmp/ap Attach $pid /tmp/ap/linux-x64/libasyncProfiler.so "stop,file=/tmp/s14/ap-$1.collapsed,collapsed,threads" >> /tmp/s14/ap-$1.log 2>&1
echo done $(date -u +%H:%M:%S) >> /tmp/s14/ap-$1.log
