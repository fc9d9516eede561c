#!/usr/bin/env python3
"""Per-second CPU of every thread group on the machine (session 15, ADRs 0192 and 0193): groups are (process kind,
thread name without digits), e.g. cand/executor-thread, bench/C CompilerThre, pg:autovacuum-worker/postgres.
Prints one line per second: UTC time, total %, then the groups above 3 % (100 % = one core).
Run it beside the benchmark: python3 docs/benchmarks/session15-cpumon.py > cpu.txt &"""
import os, re, sys, time
HZ = os.sysconf('SC_CLK_TCK')
def kind(pid):
    try:
        cmd = open(f'/proc/{pid}/cmdline','rb').read().replace(b'\0',b' ').decode(errors='replace')
    except OSError:
        return None
    if cmd.startswith('postgres:'):
        c = cmd[9:].strip()
        if c.startswith('postgres '):
            parts = c.split()
            return 'pg-backend:' + (parts[1] if len(parts) > 1 else '?')
        return 'pg:' + re.sub(r'\s+.*','', c.replace('autovacuum worker','autovacuum-worker').replace('walwriter','walwriter'))[:30]
    if 'candidate-service' in cmd: return 'cand'
    if 'organization-service' in cmd: return 'org'
    if 'reporting-service' in cmd: return 'rep'
    if 'PipelineBenchmark' in cmd: return 'bench'
    if 'kdamond' in cmd or cmd == '': return None
    return os.path.basename(cmd.split(' ')[0])[:12]
prev = {}
names = {}
while True:
    t0 = time.time()
    cur = {}
    for pid in os.listdir('/proc'):
        if not pid.isdigit(): continue
        k = names.get(pid)
        if k is None:
            k = kind(pid)
            if k is None:
                try:
                    comm = open(f'/proc/{pid}/comm').read().strip()
                except OSError:
                    continue
                k = 'k:' + re.sub(r'\d+','', comm)[:12]
            names[pid] = k
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tasks:
            try:
                s = open(f'/proc/{pid}/task/{tid}/stat').read()
            except OSError:
                continue
            rp = s.rfind(')')
            comm = s[s.find('(')+1:rp]
            f = s[rp+2:].split()
            ticks = int(f[11]) + int(f[12])
            cur[(pid, tid)] = (k, re.sub(r'[\d#]+', '', comm).strip(), ticks)
    now = time.time()
    if prev:
        groups = {}
        total = 0
        for key, (k, c, ticks) in cur.items():
            d = ticks - prev[key][2] if key in prev else 0
            if d <= 0: continue
            g = f'{k}/{c}'
            groups[g] = groups.get(g, 0) + d
            total += d
        el = now - tprev
        items = sorted(groups.items(), key=lambda x: -x[1])
        line = ' '.join(f'{g}={100*v/HZ/el:.0f}' for g, v in items if 100*v/HZ/el >= 3)
        print(time.strftime('%H:%M:%S', time.gmtime(now)), f'total={100*total/HZ/el:.0f}', line, flush=True)
    prev = cur; tprev = now
    # new processes: forget cached names of dead pids occasionally
    if len(names) > 5000: names.clear()
    time.sleep(max(0.05, 1.0 - (time.time() - t0)))
