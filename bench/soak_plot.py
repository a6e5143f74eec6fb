#!/usr/bin/env python3
"""Reads a soak's samples (bench/soak.sh) and prints the memory at its start and end, whether the
heap after garbage collection stays flat, and draws heap after GC, RSS and PSS over time as an SVG.
Usage: soak_plot.py BENCH_DIR OUT.svg
"""
import re
import sys

DIR, OUT = sys.argv[1], sys.argv[2]
jvm_start = float(open(f"{DIR}/jvm-start.txt").read())
soak_start = int(open(f"{DIR}/soak-start.txt").read())
soak_end = int(open(f"{DIR}/soak-end.txt").read())

memory = []  # (seconds into the soak, RSS MB, PSS MB)
for line in open(f"{DIR}/memory.txt"):
    parts = line.split()
    if len(parts) == 3:
        memory.append((int(parts[0]) - soak_start, int(parts[1]) / 1024, int(parts[2]) / 1024))
gc = []  # (seconds into the soak, heap after the collection MB, full?)
pattern = re.compile(r"\[(\d+\.\d+)s\].*GC\(\d+\) Pause (\w+).* (\d+)M->(\d+)M\((\d+)M\)")
for line in open(f"{DIR}/gc.log"):
    m = pattern.search(line)
    if m:
        gc.append((jvm_start + float(m.group(1)) - soak_start, int(m.group(4)), m.group(2) == "Full"))

length = soak_end - soak_start
during = [g for g in gc if 0 <= g[0] <= length]
in_soak = [m for m in memory if 0 <= m[0] <= length]
print(f"   collections during the soak: {len(during)} ({sum(1 for g in during if g[2])} full)")
# What stays live is what a full collection leaves; a young collection's "after" also counts what
# was promoted since the last full one, so it climbs between full collections (a sawtooth).
full = [g for g in during if g[2]]
print("   heap after each full GC during the soak (live data): "
      + ", ".join(f"{g[1]} MB at {g[0] / 60:+.1f} min" for g in full))
# The load's first minute fills what then stays (connection pools, caches, query plans), so the
# verdict compares the first full collection after that minute with the last one.
settled = [g for g in full if g[0] >= 60]
if len(settled) >= 2:
    a, b = settled[0][1], settled[-1][1]
    print(f"   live data after the first minute: {a} MB → {b} MB ({'flat' if b <= a * 1.10 + 2 else 'GROWING'})")
else:
    print("   live data: fewer than two full collections after the first minute, no verdict (run longer)")
if in_soak:
    print(f"   RSS at the start {in_soak[0][1]:.0f} MB, at the end {in_soak[-1][1]:.0f} MB, peak {max(m[1] for m in in_soak):.0f} MB; "
          f"PSS at the end {in_soak[-1][2]:.0f} MB, peak {max(m[2] for m in in_soak):.0f} MB")

# The drawing: time on x (minutes into the soak), MB on y.
W, H, L, B, T, R = 800, 360, 60, 40, 20, 150
top = max([m[1] for m in in_soak] + [g[1] for g in during] + [1]) * 1.1
xs = lambda s: L + (W - L - R) * max(0, min(s, length)) / max(1, length)
ys = lambda mb: H - B - (H - B - T) * mb / top
def line(points, color, dash=""):
    d = " ".join(f"{xs(x):.1f},{ys(y):.1f}" for x, y in points)
    return f'<polyline fill="none" stroke="{color}" stroke-width="1.5" {dash} points="{d}"/>'
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
       f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>']
for mb in range(0, int(top) + 1, 50):
    svg.append(f'<text x="{L - 8}" y="{ys(mb) + 4:.1f}" text-anchor="end">{mb}</text>')
    svg.append(f'<line x1="{L}" y1="{ys(mb):.1f}" x2="{W - R}" y2="{ys(mb):.1f}" stroke="#eee"/>')
for minute in range(0, length // 60 + 1):
    svg.append(f'<text x="{xs(minute * 60):.1f}" y="{H - B + 16}" text-anchor="middle">{minute}</text>')
svg.append(f'<text x="{(W - R + L) / 2}" y="{H - 6}" text-anchor="middle">minutes into the soak</text>')
svg.append(f'<text x="14" y="{(H - B + T) / 2}" transform="rotate(-90 14 {(H - B + T) / 2})" text-anchor="middle">MB</text>')
svg.append(line([(m[0], m[1]) for m in in_soak], "#c0392b"))
svg.append(line([(m[0], m[2]) for m in in_soak], "#e67e22", 'stroke-dasharray="4 3"'))
svg.append(line([(g[0], g[1]) for g in during], "#2471a3"))
for i, (name, color) in enumerate([("RSS", "#c0392b"), ("PSS", "#e67e22"), ("heap after GC", "#2471a3")]):
    y = T + 10 + 20 * i
    svg.append(f'<line x1="{W - R + 15}" y1="{y}" x2="{W - R + 40}" y2="{y}" stroke="{color}" stroke-width="2"/>')
    svg.append(f'<text x="{W - R + 46}" y="{y + 4}">{name}</text>')
svg.append("</svg>")
open(OUT, "w").write("\n".join(svg) + "\n")
print(f"   drawn: {OUT}")
