# Usage: python3 session12-collapse-simulation.py <events> <events per day> <window,window,...> (results: docs/notes/ingest-session12.md)
# Session 12: distinct rollup keys per event for windows of consecutive events, for a stream drawn like the
# benchmark's (ReportingBenchmark.steady/body: chi bộ uniform over 34 x 100 x 15, kind = k % 6, gender 50/50,
# age 18..47 uniform -> band, youth union 50/50, other dimensions fixed), at a given number of events per day.
import random, sys, datetime
def band(age): return 0 if age <= 30 else (1 if age <= 40 else 2)
def run(total, per_day, windows, seed=42):
    rnd = random.Random(seed)
    start = datetime.date(2016, 1, 1)
    ev = []
    for i in range(total):
        p, c, k = rnd.randrange(34), rnd.randrange(100), 1 + rnd.randrange(15)
        d = start + datetime.timedelta(days=int(i / per_day))
        ev.append((p, c, k % 6, d.year * 12 + d.month, rnd.randrange(2), band(18 + rnd.randrange(30)), rnd.randrange(2)))
    out = {}
    for w in windows:
        full = total // w * w
        sets = {(depth, r): set() for depth in (1, 2, 3) for r in ('wide', 'period')}
        for i in range(full):
            p, c, kind, ym, g, b, y = ev[i]
            win = i // w
            for depth, anc in ((1, (p, c)), (2, p), (3, 0)):
                sets[(depth, 'wide')].add((win, anc, ym, kind, g, b, y))
                sets[(depth, 'period')].add((win, anc, ym, kind))
        out[w] = {k: len(v) / full for k, v in sets.items()}
    return out
if __name__ == '__main__':
    total = int(sys.argv[1]); per_day = float(sys.argv[2]); windows = [int(x) for x in sys.argv[3].split(',')]
    for w, r in run(total, per_day, windows).items():
        wide = sum(v for (d, k), v in r.items() if k == 'wide'); period = sum(v for (d, k), v in r.items() if k == 'period')
        print(f"events {total:,} at {per_day:g}/day, window {w:,}: " + "; ".join(
            f"depth {d}: wide {r[(d,'wide')]:.3f}, period {r[(d,'period')]:.3f}" for d in (1, 2, 3))
            + f"; all: wide {wide:.3f}, period {period:.3f}, both {wide+period:.3f}")
