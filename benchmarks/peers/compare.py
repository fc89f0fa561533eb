"""Runs Quarry and spaCy over the same corpus in the same run and prints the ratio.

Each tool runs several times on one core, alternately, and is reported by
its median; the ratios are also printed for each tool's fastest run (noise
on a shared machine only adds time). Three ratios are printed, because the
two tools split their work differently:
- processing: the work over the corpus alone, setup excluded on both sides:
  spaCy's processing loop (spacy_extract.py times it), Quarry's
  `quarry extract --jobs 1` less the same command over an empty corpus
  (process start and compiling the pack);
- end to end: whole processes on both sides, setup, reading and (for
  Quarry) writing the records included;
- Quarry end to end against spaCy's loop alone: the most conservative.
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus, python = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
size = Path(corpus).stat().st_size


def run_quarry(path=corpus):
    start = time.perf_counter()
    output = subprocess.run([str(root / ".build/release/quarry"), "extract", "--jobs", "1", "--input-format", "jsonl", path],
                            check=True, stdout=subprocess.PIPE).stdout
    return time.perf_counter() - start, output.count(b"\n")


def run_spacy():
    start = time.perf_counter()
    run = json.loads(subprocess.run([python, str(root / "benchmarks/peers/spacy_extract.py"), "--rules", str(root / "rules"), corpus],
                                    check=True, stdout=subprocess.PIPE).stdout)
    run["process_seconds"] = time.perf_counter() - start
    return run


empty = tempfile.NamedTemporaryFile(suffix=".jsonl")


# The tools run alternately, so that a slow stretch of the machine falls on
# both; each is reported by its median run.
quarry_times, quarry_setups, spacy_runs = [], [], []
for _ in range(runs):
    seconds, quarry_records = run_quarry()
    quarry_times.append(seconds)
    quarry_setups.append(run_quarry(empty.name)[0])
    spacy_runs.append(run_spacy())
quarry_seconds = statistics.median(quarry_times)
quarry_setup = statistics.median(quarry_setups)
spacy_times = [run["seconds"] for run in spacy_runs]
spacy_seconds = statistics.median(spacy_times)
spacy_process = statistics.median(run["process_seconds"] for run in spacy_runs)
spacy_run = spacy_runs[0]

mb = size / 1e6
print(f"corpus: {corpus} ({mb:.1f} MB), {runs} runs of each, alternately; medians")
print(f"quarry (default pack, end to end): {quarry_seconds:8.2f} s  {mb / quarry_seconds:7.2f} MB/s  {quarry_records} records"
      f"  (runs: {', '.join(f'{t:.2f}' for t in quarry_times)})")
print(f"{spacy_run['tool']} (Matcher + PhraseMatcher): {spacy_seconds:8.2f} s  {mb / spacy_seconds:7.2f} MB/s  "
      f"{spacy_run['matches']} matches  (+{spacy_run['setup_seconds']:.2f} s setup)"
      f"  (runs: {', '.join(f'{t:.2f}' for t in spacy_times)})")
print(f"quarry setup (process start and compiling the pack, an empty corpus): {quarry_setup:.2f} s;"
      f" spacy process end to end: {spacy_process:.2f} s")


def ratios(quarry, setup, spacy, process):
    return (f"processing {spacy / (quarry - setup):.2f}, end to end {process / quarry:.2f},"
            f" quarry end to end against spacy's loop {spacy / quarry:.2f}")


print(f"ratio quarry / spacy, processing (setup excluded on both sides): {spacy_seconds / (quarry_seconds - quarry_setup):.2f}")
print(f"ratio quarry / spacy, end to end (whole processes on both sides): {spacy_process / quarry_seconds:.2f}")
print(f"ratio quarry / spacy, quarry end to end against spacy's loop alone: {spacy_seconds / quarry_seconds:.2f}")
# A slow stretch of a shared machine only adds time, so each tool's fastest
# run is the other estimate of its cost; both are printed, medians first.
print("ratios of the fastest runs: " + ratios(min(quarry_times), min(quarry_setups), min(spacy_times),
                                             min(run["process_seconds"] for run in spacy_runs)))
