#!/usr/bin/env python3
"""Time `aidmap export` against the peer scripts (d3-geo + node-canvas, geopandas +
matplotlib) drawing the same map: Natural Earth countries, Equal Earth, the ten 2020
recipients highlighted, a 1600x800 PNG. Prints each tool's median wall time over
several runs, its ratio to aidmap's, and its median peak memory (max RSS).
With --animation: the 41-frame GIF (one frame a day, 29 February to 9 April 2020)
against d3-geo + node-canvas + gifenc (peer_d3_animation.mjs).

usage: python3 bench/compare_peers.py [--runs 7] [--countries FILE] [--peers DIR] [--animation]

Before the first run (Debian/Ubuntu, as root):
  apt-get install libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
  npm install --prefix bench/.peers d3-geo canvas gifenc
  pip install geopandas matplotlib
The peer scripts are the project's shared baselines (../shared/bench/peers by default).
A peer whose packages are missing is reported and skipped.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, env=None):
    """Wall time in seconds and peak memory in MB (GNU time's max RSS) of one run."""
    measure = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
    start = time.perf_counter()
    result = subprocess.run(measure + command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr.strip()[-2000:]}")
    lines = result.stderr.strip().splitlines()
    peak = int(lines[-1]) / 1024 if measure and lines and lines[-1].isdigit() else float("nan")
    return elapsed, peak


def median_time(command, runs, env=None):
    """Median wall time and median peak memory over `runs` runs after a warm-up."""
    timed(command, env)  # warm-up: file cache, JIT, lazy imports
    samples = [timed(command, env) for _ in range(runs)]
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))


def node_peer(script, peers, node_modules):
    """A copy of the peer script beside node_modules (ES modules ignore NODE_PATH)."""
    local = os.path.join(ROOT, "bench", ".peers", script)
    shutil.copyfile(os.path.join(peers, script), local)
    return local


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--countries", default=os.path.join(ROOT, "assets", "countries-50m.geojson"))
    parser.add_argument("--peers", default=os.path.join(ROOT, "..", "shared", "bench", "peers"))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--animation", action="store_true",
                        help="time the 41-frame GIF against peer_d3_animation.mjs")
    args = parser.parse_args()

    aidmap = os.path.join(ROOT, "target", "release", "aidmap")
    if not os.path.exists(aidmap):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out_dir = tempfile.mkdtemp(prefix="aidmap-bench-")
    size = [str(args.width), str(args.height)]
    node_env = dict(os.environ)
    node_modules = os.path.join(ROOT, "bench", ".peers", "node_modules")
    node_env["NODE_PATH"] = node_modules
    have_node = shutil.which("node") and os.path.isdir(os.path.join(node_modules, "canvas"))
    if args.animation:
        tools = [
            ("aidmap export (GIF)", [aidmap, "export", "--countries", args.countries,
                                     "--out", os.path.join(out_dir, "aidmap.gif"),
                                     "--width", size[0], "--height", size[1]], None),
        ]
        if have_node and os.path.isdir(os.path.join(node_modules, "gifenc")):
            local = node_peer("peer_d3_animation.mjs", args.peers, node_modules)
            tools.append(("d3 + canvas + gifenc", ["node", local, args.countries,
                                                   os.path.join(out_dir, "d3.gif")] + size, node_env))
        else:
            print("skipped d3: run `npm install --prefix bench/.peers d3-geo canvas gifenc`",
                  file=sys.stderr)
        report(args, tools, "41-frame GIF", out_dir)
        return
    tools = [
        ("aidmap export", [aidmap, "export", "--countries", args.countries,
                           "--out", os.path.join(out_dir, "aidmap.png"),
                           "--width", size[0], "--height", size[1]], None),
    ]
    if have_node:
        local = node_peer("peer_d3.mjs", args.peers, node_modules)
        tools.append(("d3-geo + node-canvas", ["node", local, args.countries,
                                               os.path.join(out_dir, "d3.png")] + size, node_env))
    else:
        print("skipped d3: run `npm install --prefix bench/.peers d3-geo canvas`", file=sys.stderr)
    try:
        import geopandas  # noqa: F401
        tools.append(("geopandas + matplotlib", [sys.executable, os.path.join(args.peers, "peer_geopandas.py"),
                                                 args.countries, os.path.join(out_dir, "geopandas.png")] + size, None))
    except ImportError:
        print("skipped geopandas: run `pip install geopandas matplotlib`", file=sys.stderr)
    report(args, tools, "PNG", out_dir)


def report(args, tools, what, out_dir):
    """Run each tool, then print medians, ratios to aidmap and peak memory."""
    print(f"{os.path.basename(args.countries)}, {args.width}x{args.height} {what}, "
          f"median of {args.runs} runs")
    results = []
    for name, command, env in tools:
        results.append((name,) + median_time(command, args.runs, env))
    base = results[0][1]
    print(f"{'tool':<26}{'median':>10}{'vs aidmap':>12}{'peak memory':>14}")
    for name, seconds, peak in results:
        print(f"{name:<26}{seconds:>9.3f}s{seconds / base:>11.1f}x{peak:>11.0f} MB")
    print(f"pictures in {out_dir}")


if __name__ == "__main__":
    main()
