#!/bin/bash
# Session 15: waits for the benchmark's embedded PostgreSQL, then prints each second the checkpointer's state, WAL bytes and
# any VACUUM or ANALYZE in progress (usage: session15-pgmon.sh <output file>; PGSET=<file.sql> runs that file in the
# candidate database first, retried until the tables exist).
out=$1
port=""
while [ -z "$port" ]; do
  sleep 2
  port=$(ss -ltnp 2>/dev/null | grep '"postgres"' | grep -v 55432 | grep -o '127.0.0.1:[0-9]*' | head -1 | cut -d: -f2)
done
until psql -h 127.0.0.1 -p $port -U postgres -d candidate -c 'select 1' >/dev/null 2>&1; do sleep 2; done
echo "port $port" >> $out
if [ -n "${PGSET:-}" ]; then
  until psql -h 127.0.0.1 -p $port -U postgres -d candidate -v ON_ERROR_STOP=1 -f "$PGSET" >> $out 2>&1; do sleep 2; done
  psql -h 127.0.0.1 -p $port -U postgres -d candidate -Atc "select attrelid::regclass, min(attstattarget), max(attstattarget) from pg_attribute where attrelid in ('outbox'::regclass,'candidate'::regclass,'audit_log'::regclass,'candidate_history'::regclass) and attnum>0 group by 1" >> $out 2>&1
fi
psql -h 127.0.0.1 -p $port -U postgres -d candidate -At -F ' ' >> $out 2>&1 <<'SQL'
SELECT to_char(clock_timestamp() at time zone 'UTC','HH24:MI:SS') AS t,
  'ckpt=' || (SELECT num_timed || '/' || num_requested || '/' || buffers_written FROM pg_stat_checkpointer),
  'cw=' || (SELECT coalesce(wait_event,'-') FROM pg_stat_activity WHERE backend_type = 'checkpointer'),
  'walMB=' || (SELECT round(wal_bytes / 1e6) FROM pg_stat_wal),
  'bgw=' || (SELECT buffers_clean FROM pg_stat_bgwriter),
  'vac=' || coalesce((SELECT string_agg(coalesce(relid::regclass::text, relid::text) || ':' || phase, ',') FROM pg_stat_progress_vacuum), '-'),
  'an=' || coalesce((SELECT string_agg(coalesce(relid::regclass::text, relid::text) || ':' || phase, ',') FROM pg_stat_progress_analyze), '-'),
  'av=' || coalesce((SELECT string_agg(left(query, 60), ' | ') FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'), '-')
\watch 1
SQL
