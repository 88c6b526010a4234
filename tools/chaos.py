"""Chaos test of ``snapshot-extract batch`` (issue 16, ``make chaos``): interrupts at random
moments, a second run on a folder in use, a full disk; every interrupted run resumed and its
outputs compared byte for byte with an uninterrupted run.

    python tools/chaos.py                       # 100 interrupts on a 1,000-document batch
    python tools/chaos.py --interrupts 10       # a shorter run while developing
    python tools/chaos.py --documents 60 --interrupts 3 --json report.json

What it does, in a temporary folder (``--workdir`` to keep it):

1. builds a mixed corpus: renamed copies of fixtures/text and fixtures/pdf (some in
   subfolders), ~5% bad inputs from fixtures/bad, a hidden file and a pipe (both skipped);
2. runs the batch once without interruption: the reference outputs and duration ``D``;
3. ``--interrupts`` times: starts a batch into a fresh folder (``--workers`` 2, 1 or 0 at
   random), sends SIGINT, SIGTERM or SIGKILL after a random delay in ``[0, D]``, and checks that
   the process ends within ``HANG_SECONDS`` of the signal (else: a hang, and it is killed),
   that none of its workers outlives it by more than ``ORPHAN_SECONDS`` (else: an orphan), that
   an INT/TERM run left no temporary file; then runs ``--resume`` to the end and checks the
   outputs equal the reference byte for byte and no hidden file (temporary, reserve, lock) is left;
4. a concurrent run: a second batch on a folder in use must exit 2 with one line naming the
   holder (at once: it is started beforehand and waits, imports done, for the first to hold the
   folder), and the first must still finish with the reference outputs;
5. a full disk: as root, the batch into a small tmpfs; otherwise ``OSError(ENOSPC)`` injected
   into the json/ writes. One line, exit 3, a manifest that ``--resume`` reuses, no temporary
   file, the reference outputs in the end. (A read-only remount cannot be made under a running
   writer; EACCES and EROFS are covered by tests/test_batch_robustness.py.)

Prints a report (and writes it as JSON with ``--json``); exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
HANG_SECONDS = 5.0
ORPHAN_SECONDS = 2.0
BAD_INPUTS = ("not-a-snapshot.txt", "not-a-snapshot.pdf", "random-bytes.pdf", "truncated.pdf", "empty.pdf",
              "zip-renamed.pdf", "image-only.pdf", "snapshot-encrypted.pdf", "medellin-cp1252.txt")  # fmt: skip
SIGNALS = {"INT": signal.SIGINT, "TERM": signal.SIGTERM, "KILL": signal.SIGKILL}
BATCH = [sys.executable, "-m", "snapshot_extract", "batch"]  # what the snapshot-extract command runs
WAIT_THEN_BATCH = """
import os, time
from snapshot_extract.cli import app
open(os.environ["CHAOS_READY"], "w").close()
while not os.path.exists(os.environ["CHAOS_GO"]):
    time.sleep(0.01)
app()
"""
INJECT_ENOSPC = """
import errno, os, sys
real, count = os.replace, [0]
def replace(source, target):
    if "/json/" in str(target):
        count[0] += 1
        if count[0] > int(os.environ["CHAOS_ENOSPC_AFTER"]):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source))
    real(source, target)
os.replace = replace
from snapshot_extract.cli import app
app()
"""


@dataclass
class Interrupt:
    number: int
    signal: str
    workers: str
    delay: float
    phase: str = ""  # start-up / extracting / writing outputs / finished
    exit_code: int | None = None
    seconds_to_exit: float | None = None
    hang: bool = False
    orphans: int = 0
    temporaries_after_interrupt: int = 0
    stderr_lines: int = 0
    stderr_tail: list[str] = field(default_factory=list)  # the last lines when not exactly one
    done_before_resume: int = 0  # documents the interrupted run's checkpoint lists as done
    identical_after_resume: bool = False
    hidden_files_after_resume: int = 0


@dataclass
class Report:
    documents: int
    reference_seconds: float = 0.0
    interrupts: list[Interrupt] = field(default_factory=list)
    concurrent: dict[str, Any] = field(default_factory=dict)
    disk_full: dict[str, Any] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- corpus


def build_corpus(root: Path, documents: int, rng: random.Random) -> None:
    """``documents`` inputs: ~70% text dumps, ~25% PDFs, ~5% bad ones, renamed, some nested;
    plus a hidden file and a pipe, which the batch skips."""
    text = sorted([*(FIXTURES / "text").glob("*.txt"), *(FIXTURES / "text").glob("*.md")])
    pdf = sorted((FIXTURES / "pdf").glob("*.pdf"))
    bad = [FIXTURES / "bad" / name for name in BAD_INPUTS]
    for number in range(documents):
        roll = rng.random()
        source = rng.choice(bad if roll < 0.05 else pdf if roll < 0.30 else text)
        folder = root / f"region-{rng.randrange(8)}" if rng.random() < 0.5 else root
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / f"{source.stem}-{number:04d}{source.suffix}")
    shutil.copyfile(text[0], root / ".draft.txt")
    os.mkfifo(root / "pipe.txt")


# --------------------------------------------------------------------------- processes


def start_batch(corpus: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*BATCH, str(corpus), "--out", str(out), "--quiet", *extra], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip


def run_batch(corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*BATCH, str(corpus), "--out", str(out), "--quiet", *extra], cwd=REPO,
                          capture_output=True, timeout=600)  # fmt: skip


def processes_of(out: Path) -> list[int]:
    """Every live process whose command line names ``out`` (a batch and its forked workers)."""
    marker = os.fsencode(out)
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "cmdline").read_bytes().split(b"\0") and _alive(int(entry.name)):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


# --------------------------------------------------------------------------- checks


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


def hidden_files(folder: Path) -> list[str]:
    """Temporaries, the reserve, a lock file: nothing hidden is left after a finished run."""
    return [path.relative_to(folder).as_posix() for path in folder.rglob(".*")]


def temporaries(folder: Path) -> list[str]:
    """Hidden files but the lock (which a SIGKILL leaves; the next run takes it over)."""
    return [name for name in hidden_files(folder) if name != ".snapshot-extract.lock"]


def phase_of(out: Path) -> str:
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "start-up"
    if manifest["complete"]:
        return "finished"
    return "extracting" if manifest["counts"]["pending"] else "writing outputs"


def interrupt_once(number: int, corpus: Path, work: Path, reference: dict[str, bytes], duration: float,
                   rng: random.Random) -> Interrupt:  # fmt: skip
    name = rng.choice(list(SIGNALS))
    workers = rng.choice(["2", "2", "1", "0"])
    case = Interrupt(number, name, workers, round(rng.uniform(0.0, duration), 3))
    out = work / f"run-{number:03d}"
    process = start_batch(corpus, out, "--workers", workers, "--resume")
    time.sleep(case.delay)
    sent = time.monotonic()
    if process.poll() is None:
        process.send_signal(SIGNALS[name])
    try:
        _, stderr = process.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        case.hang = True
        process.kill()
        _, stderr = process.communicate()
    case.seconds_to_exit = round(time.monotonic() - sent, 3)
    case.exit_code = process.returncode
    lines = stderr.decode("utf-8", "replace").splitlines()
    case.stderr_lines = len(lines)
    if len(lines) != 1:
        case.stderr_tail = lines[-6:]
    if not wait_for(lambda: not processes_of(out), ORPHAN_SECONDS):
        orphans = processes_of(out)
        case.orphans = len(orphans)
        for pid in orphans:
            os.kill(pid, signal.SIGKILL)
    case.phase = phase_of(out)
    case.done_before_resume = _done_in(out) if case.phase != "start-up" else 0
    if name != "KILL":
        case.temporaries_after_interrupt = len(temporaries(out))
    resumed = run_batch(corpus, out, "--workers", "2", "--resume")
    case.identical_after_resume = resumed.returncode in (0, 1) and files_of(out) == reference
    case.hidden_files_after_resume = len(hidden_files(out))
    shutil.rmtree(out, ignore_errors=True)
    return case


def concurrent_case(corpus: Path, work: Path, reference: dict[str, bytes]) -> dict[str, Any]:
    """A second batch on a folder in use. It is started first and waits, imports done, for the
    first to hold the folder, so that it meets the lock however short the first run is."""
    out, ready, go = work / "concurrent", work / "second-ready", work / "second-go"
    env = {**os.environ, "CHAOS_READY": str(ready), "CHAOS_GO": str(go)}
    second = subprocess.Popen([sys.executable, "-c", WAIT_THEN_BATCH, "batch", str(corpus), "--out", str(out),
                               "--quiet", "--workers", "2"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)  # fmt: skip
    wait_for(ready.exists, 120)
    first = start_batch(corpus, out, "--workers", "2")
    wait_for(lambda: (out / ".snapshot-extract.lock").exists() and any((out / "json").glob("*.json")), 120)
    started = time.monotonic()
    go.touch()
    _, stderr = second.communicate(timeout=600)
    seconds, first_running = time.monotonic() - started, first.poll() is None
    lines = stderr.decode("utf-8", "replace").splitlines()
    first.communicate(timeout=600)
    result = {"second_exit": second.returncode, "second_seconds": round(seconds, 3), "second_stderr": lines,
              "first_was_running": first_running, "names_holder": bool(lines) and f"pid {first.pid}," in lines[0],
              "first_exit": first.returncode, "first_identical": files_of(out) == reference}  # fmt: skip
    shutil.rmtree(out, ignore_errors=True)
    return result


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0  # fmt: skip


def _done_in(out: Path) -> int:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return int(manifest["counts"]["ok"] + manifest["counts"]["partial"])


def disk_full_case(corpus: Path, work: Path, reference: dict[str, bytes]) -> dict[str, Any]:
    """A tmpfs of ~40% of the outputs' size (root), else ENOSPC injected after 100 json files."""
    disk, kept = work / "small-disk", work / "disk-full"
    size = sum(len(data) for data in reference.values())
    if _mount_tmpfs(disk, f"{max(256, size * 4 // 10 // 1024)}k"):
        mode = f"tmpfs of {size * 4 // 10 // 1024} KB"
        try:
            done = run_batch(corpus, disk / "out", "--workers", "2")
            shutil.copytree(disk / "out", kept)
        finally:
            subprocess.run(["umount", str(disk)], check=False)
    else:
        mode = "OSError(ENOSPC) injected after 100 json/ files"
        done = subprocess.run([sys.executable, "-c", INJECT_ENOSPC, "batch", str(corpus), "--out", str(kept),
                               "--quiet", "--workers", "2"], cwd=REPO, capture_output=True, timeout=600,
                              env={**os.environ, "CHAOS_ENOSPC_AFTER": "100"})  # fmt: skip
    return _resume_after_failure(mode, done, corpus, kept, reference)


def _resume_after_failure(mode: str, done: subprocess.CompletedProcess[bytes], corpus: Path, kept: Path,
                          reference: dict[str, bytes]) -> dict[str, Any]:  # fmt: skip
    lines = done.stderr.decode("utf-8", "replace").splitlines()
    result: dict[str, Any] = {"mode": mode, "exit": done.returncode, "stderr": lines}
    try:
        result["done_in_manifest"] = _done_in(kept)
    except (OSError, ValueError, KeyError):
        result["done_in_manifest"] = None
    result["hidden_files"] = hidden_files(kept)
    resumed = run_batch(corpus, kept, "--workers", "2", "--resume")
    result["resume_exit"] = resumed.returncode
    result["identical_after_resume"] = files_of(kept) == reference
    shutil.rmtree(kept, ignore_errors=True)
    return result


# --------------------------------------------------------------------------- report


def judge(report: Report) -> None:
    """Fill ``report.failures`` from the cases."""
    for case in report.interrupts:
        where = f"interrupt {case.number} (SIG{case.signal}, workers {case.workers}, {case.delay} s)"
        problems = [("a hang", case.hang), (f"{case.orphans} orphan(s)", case.orphans),
                    ("outputs differ after resume", not case.identical_after_resume),
                    (f"{case.temporaries_after_interrupt} temporary file(s) left", case.temporaries_after_interrupt),
                    (f"{case.hidden_files_after_resume} hidden file(s) after resume", case.hidden_files_after_resume),
                    (f"exit {case.exit_code}, not 130", case.signal != "KILL" and case.phase not in (
                        "finished", "start-up") and case.exit_code != 130),
                    (f"{case.stderr_lines} lines on stderr: {case.stderr_tail}",
                     case.exit_code == 130 and case.stderr_lines != 1)]  # fmt: skip
        report.failures += [f"{where}: {text}" for text, bad in problems if bad]
    concurrent = report.concurrent
    if concurrent and not (concurrent["second_exit"] == 2 and len(concurrent["second_stderr"]) == 1
                           and concurrent["names_holder"] and concurrent["first_identical"]):  # fmt: skip
        report.failures.append(f"concurrent run: {concurrent}")
    disk = report.disk_full
    if disk and not (disk["exit"] == 3 and len(disk["stderr"]) == 1 and disk["done_in_manifest"]
                     and not disk["hidden_files"] and disk["identical_after_resume"]):  # fmt: skip
        report.failures.append(f"disk full: {disk}")


def summary(report: Report) -> str:
    cases = report.interrupts
    lines = [f"corpus: {report.documents} documents; uninterrupted run {report.reference_seconds:.2f} s",
             f"interrupts: {len(cases)} (" + ", ".join(f"SIG{name} {sum(c.signal == name for c in cases)}"
                                                    for name in SIGNALS) + ")"]  # fmt: skip
    phases = {phase: sum(c.phase == phase for c in cases) for phase in ("start-up", "extracting", "writing outputs",
                                                                       "finished")}  # fmt: skip
    lines.append("  landed in: " + ", ".join(f"{phase} {count}" for phase, count in phases.items()))
    soft = [c.seconds_to_exit for c in cases if c.signal != "KILL" and c.seconds_to_exit is not None]
    if soft:
        lines.append(f"  INT/TERM signal to exit: median {statistics.median(soft):.3f} s, max {max(soft):.3f} s")
    lines.append(f"  hangs {sum(c.hang for c in cases)}, orphans {sum(c.orphans for c in cases)}, "
                 f"identical after resume {sum(c.identical_after_resume for c in cases)}/{len(cases)}, "
                 f"temporaries left {sum(c.temporaries_after_interrupt + c.hidden_files_after_resume for c in cases)}, "
                 f"interrupted runs (exit 130) printing other than one line "
                 f"{sum(c.exit_code == 130 and c.stderr_lines != 1 for c in cases)}")  # fmt: skip
    if report.concurrent:
        c = report.concurrent
        lines.append(f"concurrent: second run exit {c['second_exit']} in {c['second_seconds']} s: "
                     f"{' | '.join(c['second_stderr'])}; first run exit {c['first_exit']}, "
                     f"identical {c['first_identical']}")  # fmt: skip
    case = report.disk_full
    if case:
        lines.append(f"disk full ({case['mode']}): exit {case['exit']}, {' | '.join(case['stderr'])}; manifest "
                     f"lists {case['done_in_manifest']} done; hidden files {case['hidden_files']}; resume exit "
                     f"{case['resume_exit']}, identical {case['identical_after_resume']}")  # fmt: skip
    lines.append("PASS" if not report.failures else "FAIL:\n  " + "\n  ".join(report.failures))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interrupts", type=int, default=100)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--workdir", type=Path, help="keep everything here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="write the report here as JSON")
    parser.add_argument("--skip-disk", action="store_true", help="leave out the full-disk case")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="chaos-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report(args.documents)
    try:
        corpus = work / "corpus"
        build_corpus(corpus, args.documents, rng)
        started = time.monotonic()
        reference_run = run_batch(corpus, work / "reference", "--workers", "2")
        report.reference_seconds = round(time.monotonic() - started, 3)
        if reference_run.returncode not in (0, 1):
            print(reference_run.stderr.decode(), file=sys.stderr)
            return 1
        reference = files_of(work / "reference")
        for number in range(1, args.interrupts + 1):
            case = interrupt_once(number, corpus, work, reference, report.reference_seconds, rng)
            report.interrupts.append(case)
            print(f"{number:3d} SIG{case.signal:4s} w{case.workers} after {case.delay:6.3f} s ({case.phase}): "
                  f"exit {case.exit_code} in {case.seconds_to_exit} s, orphans {case.orphans}, "
                  f"identical {case.identical_after_resume}", flush=True)  # fmt: skip
        report.concurrent = concurrent_case(corpus, work, reference)
        if not args.skip_disk:
            report.disk_full = disk_full_case(corpus, work, reference)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    judge(report)
    print(summary(report))
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
