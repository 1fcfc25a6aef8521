#!/usr/bin/env python3
"""Time `aidmap export` against the peer scripts (d3-geo + node-canvas, geopandas +
matplotlib) drawing the same map: Natural Earth countries, Equal Earth, the ten 2020
recipients highlighted, a 1600x800 PNG. Prints each tool's median wall time over
several runs and its ratio to aidmap's.

usage: python3 bench/compare_peers.py [--runs 7] [--countries FILE] [--peers DIR]

Before the first run (Debian/Ubuntu, as root):
  apt-get install libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
  npm install --prefix bench/.peers d3-geo canvas
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
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr.strip()[-2000:]}")
    return elapsed


def median_time(command, runs, env=None):
    timed(command, env)  # warm-up: file cache, JIT, lazy imports
    return statistics.median(timed(command, env) for _ in range(runs))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--countries", default=os.path.join(ROOT, "assets", "countries-50m.geojson"))
    parser.add_argument("--peers", default=os.path.join(ROOT, "..", "shared", "bench", "peers"))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()

    aidmap = os.path.join(ROOT, "target", "release", "aidmap")
    if not os.path.exists(aidmap):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out_dir = tempfile.mkdtemp(prefix="aidmap-bench-")
    size = [str(args.width), str(args.height)]
    tools = [
        ("aidmap export", [aidmap, "export", "--countries", args.countries,
                           "--out", os.path.join(out_dir, "aidmap.png"),
                           "--width", size[0], "--height", size[1]], None),
    ]
    node_env = dict(os.environ)
    node_modules = os.path.join(ROOT, "bench", ".peers", "node_modules")
    node_env["NODE_PATH"] = node_modules
    d3_script = os.path.join(args.peers, "peer_d3.mjs")
    if shutil.which("node") and os.path.isdir(os.path.join(node_modules, "canvas")):
        # ES modules ignore NODE_PATH: run a copy of the script beside node_modules.
        local = os.path.join(ROOT, "bench", ".peers", "peer_d3.mjs")
        shutil.copyfile(d3_script, local)
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

    print(f"{os.path.basename(args.countries)}, {args.width}x{args.height} PNG, median of {args.runs} runs")
    results = []
    for name, command, env in tools:
        results.append((name, median_time(command, args.runs, env)))
    base = results[0][1]
    print(f"{'tool':<26}{'median':>10}{'vs aidmap':>12}")
    for name, seconds in results:
        print(f"{name:<26}{seconds:>9.3f}s{seconds / base:>11.1f}x")
    print(f"pictures in {out_dir}")


if __name__ == "__main__":
    main()
