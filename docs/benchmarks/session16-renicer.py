# Session 16 experiment (not adopted, see candidate-pipeline.md "Session 16"): while the benchmark runs, set nice 10 on
# the asynchronous side: the benchmark JVM's broker and watcher threads, candidate-service's relay and Kafka threads,
# organization-service, autovacuum workers. Run as root beside the benchmark: NICE=10 python3 session16-renicer.py
# Experiment (session 16): lower the CPU priority of the asynchronous side while the benchmark runs.
import os, re, sys, time
NICE = int(os.environ.get('NICE', '10'))
ORG = os.environ.get('ORG', '1') == '1'
AV = os.environ.get('AV', '1') == '1'
KEEP_BENCH = re.compile(r'^(bench-w|GC Thread|G1 |VM |main$|C1 Compiler|VM Periodic|Common-Cleaner|Signal|Reference|Finalizer)')
CAND_BG = re.compile(r'^(outbox-relay|kafka-producer|kafka-coord|smallrye-kafka|vert\.x-kafka|consumer-|executor-thread-bg|quarkus-scheduler|Scheduler)')
def comm(p):
    try: return open(p).read().strip()
    except OSError: return None
done = set()
while True:
    for pid in os.listdir('/proc'):
        if not pid.isdigit(): continue
        try: cmd = open(f'/proc/{pid}/cmdline','rb').read().replace(b'\0', b' ').decode(errors='replace')
        except OSError: continue
        kind = None
        if 'PipelineBenchmark' in cmd and 'java' in cmd: kind = 'bench'
        elif 'candidate-service' in cmd and 'java' in cmd: kind = 'cand'
        elif 'organization-service' in cmd and 'java' in cmd: kind = 'org'
        elif AV and 'autovacuum worker' in cmd: kind = 'av'
        if not kind: continue
        try: tids = os.listdir(f'/proc/{pid}/task')
        except OSError: continue
        for tid in tids:
            key = (pid, tid)
            if key in done: continue
            name = comm(f'/proc/{pid}/task/{tid}/comm')
            if name is None: continue
            lower = (kind == 'bench' and not KEEP_BENCH.match(name)) or (kind == 'cand' and CAND_BG.match(name)) \
                or (kind == 'org' and ORG) or kind == 'av'
            if lower:
                try:
                    os.setpriority(os.PRIO_PROCESS, int(tid), NICE)
                    print(time.strftime('%H:%M:%S'), kind, pid, tid, name, flush=True)
                except OSError: pass
            done.add(key)
    time.sleep(0.25)
