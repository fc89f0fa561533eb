"""Runs Quarry and spaCy over the same corpus in the same run and prints the ratio.

Both are timed the same way, end to end over the whole corpus on one core,
each several times (alternately) and reported by its median:
Quarry as `quarry extract --jobs 1` (reading, compiling the pack, writing
JSONL), spaCy as the processing loop of spacy_extract.py (pipeline and
matcher setup reported apart and not counted).
"""
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus, python = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
size = Path(corpus).stat().st_size


def run_quarry():
    start = time.perf_counter()
    output = subprocess.run([str(root / ".build/release/quarry"), "extract", "--jobs", "1", "--input-format", "jsonl", corpus],
                            check=True, stdout=subprocess.PIPE).stdout
    return time.perf_counter() - start, output.count(b"\n")


def run_spacy():
    return json.loads(subprocess.run([python, str(root / "benchmarks/peers/spacy_extract.py"), "--rules", str(root / "rules"), corpus],
                                     check=True, stdout=subprocess.PIPE).stdout)


# The tools run alternately, so that a slow stretch of the machine falls on
# both; each is reported by its median run.
quarry_times, spacy_runs = [], []
for _ in range(runs):
    seconds, quarry_records = run_quarry()
    quarry_times.append(seconds)
    spacy_runs.append(run_spacy())
quarry_seconds = statistics.median(quarry_times)
spacy_times = [run["seconds"] for run in spacy_runs]
spacy_seconds = statistics.median(spacy_times)
spacy_run = spacy_runs[0]

mb = size / 1e6
print(f"corpus: {corpus} ({mb:.1f} MB), {runs} runs of each, alternately; medians")
print(f"quarry (default pack, end to end): {quarry_seconds:8.2f} s  {mb / quarry_seconds:7.2f} MB/s  {quarry_records} records"
      f"  (runs: {', '.join(f'{t:.2f}' for t in quarry_times)})")
print(f"{spacy_run['tool']} (Matcher + PhraseMatcher): {spacy_seconds:8.2f} s  {mb / spacy_seconds:7.2f} MB/s  "
      f"{spacy_run['matches']} matches  (+{spacy_run['setup_seconds']:.2f} s setup)"
      f"  (runs: {', '.join(f'{t:.2f}' for t in spacy_times)})")
print(f"ratio quarry / spacy (throughput): {spacy_seconds / quarry_seconds:.2f}")
