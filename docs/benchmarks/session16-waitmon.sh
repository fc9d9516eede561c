#!/bin/bash
# Session 16: kept beside candidate-pipeline.md "Session 16". Usage: session16-waitmon.sh <output file>, started with the benchmark.
# Waits for the benchmark's embedded PostgreSQL, then every 0.5 s counts candidate's client backends by state and wait event.
out=$1
port=""
while [ -z "$port" ]; do
  sleep 2
  port=$(ss -ltnp 2>/dev/null | grep '"postgres"' | grep -v 55432 | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
done
until psql -h 127.0.0.1 -p $port -U postgres -d candidate -c 'select 1' >/dev/null 2>&1; do sleep 2; done
psql -h 127.0.0.1 -p $port -U postgres -d candidate -At -F ' ' >> $out 2>&1 <<'SQL'
SELECT to_char(clock_timestamp() at time zone 'UTC','HH24:MI:SS.MS'),
  coalesce((SELECT string_agg(k || '=' || n, ' ' ORDER BY n DESC) FROM (
     SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU') ELSE state END AS k, count(*) AS n
     FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = 'candidate' AND pid <> pg_backend_pid()
     GROUP BY 1) s), '-')
\watch 0.5
SQL
