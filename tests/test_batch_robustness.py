"""``batch`` under fire (issue 16): interrupts, ``kill -9``, a second run on the same folder,
write errors, inputs that cannot be used, hostile file names."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from snapshot_extract.batch import FolderBusy, workers
from snapshot_extract.batch.folder import LOCK_NAME, OutputFolder
from snapshot_extract.batch.inputs import discover_inputs
from snapshot_extract.batch.pool import WorkerPool, _Worker
from snapshot_extract.batch.run import BatchOptions, convert_batch
from snapshot_extract.cli import app
from snapshot_extract.export.rows import guard_formula
from snapshot_extract.read import PdfOptions

from .conftest import FIXTURES, ROOT, hard_limit

SEED = FIXTURES / "text" / "enschede.txt"
runner = CliRunner()
needs_fork = pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="stand-in extractors reach pool workers only through fork",
)
# A stand-in for ``workers.extract`` in a child process: "hang-" documents hang like a call stuck
# in C code (the alarm blocked), "slow-" ones take a while (names, not paths: tmp_path holds the
# test's name).
STAND_IN = """
import signal, time
from snapshot_extract.batch import workers
real = workers.extract
def stand_in(path, *args, **kwargs):
    name = str(path).rsplit("/", 1)[-1]
    if name.startswith("hang-"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if name.startswith("slow-"):
        time.sleep(0.3)
    return real(path, *args, **kwargs)
workers.extract = stand_in
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for number in range(6):
        shutil.copy(SEED, root / f"slow-{number}.txt")
    shutil.copy(SEED, root / "hang-1.txt")
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


def _start(args: list[str], tmp_path: Path) -> subprocess.Popen[bytes]:
    script = STAND_IN + textwrap.dedent(f"""
        import sys
        from snapshot_extract.cli import app
        sys.argv = ["snapshot-extract", "batch", *{args!r}]
        app()
    """)
    return subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition: Any, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


# --------------------------------------------------------------------------- interrupts


@needs_fork
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_with_a_stuck_worker_exits_at_once(signal_number: int, corpus: Path, tmp_path: Path) -> None:
    """The pool is never joined while a worker is stuck: exit 130 within 5 s, the checkpoint
    written, no temporary file, no worker left."""
    out = tmp_path / "out"
    process = _start([str(corpus), "--out", str(out), "--workers", "2", "--quiet", "--timeout", "60"], tmp_path)
    _wait_for(lambda: len(list((out / "json").glob("*.json"))) >= 2 and len(_children(process.pid)) == 2)
    workers_before = _children(process.pid)
    process.send_signal(signal_number)
    sent = time.monotonic()
    _, stderr = process.communicate(timeout=20)
    assert time.monotonic() - sent < 5
    assert process.returncode == 130, stderr
    assert stderr.decode().strip() == f"error: {out}: interrupted; run again with --resume to finish"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["counts"]["ok"] + manifest["counts"]["partial"] >= 2
    assert not list(out.rglob(".*"))  # no temporary file, and the lock file is gone
    time.sleep(0.2)
    assert not [pid for pid in workers_before if _alive(pid)]


@needs_fork
def test_kill_9_of_the_parent_leaves_no_worker(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = _start([str(corpus), "--out", str(out), "--workers", "2", "--quiet", "--timeout", "60"], tmp_path)
    _wait_for(lambda: len(_children(process.pid)) == 2 and (out / LOCK_NAME).exists())
    orphans = _children(process.pid)
    process.kill()
    process.communicate(timeout=20)
    _wait_for(lambda: not [pid for pid in orphans if _alive(pid)], seconds=3)
    # the folder is free again at once: the workers held no copy of the lock
    with hard_limit(10):
        OutputFolder.open(out, ("manifest.json",), json_folder=True).close()


def test_a_half_sent_result_reads_as_a_dead_worker(tmp_path: Path, vocabulary: Any) -> None:
    """What hung the old pool: a result cut short by a killed worker. Here reading it ends at
    once (end of file), and the document counts as a crash."""
    import multiprocessing

    reader, writer = multiprocessing.Pipe()
    os.write(writer.fileno(), (1000).to_bytes(4, "big") + b"only part of it")
    writer.close()
    process = multiprocessing.get_context().Process(target=time.sleep, args=(0,))
    process.start()
    process.join()
    reported: list[Any] = []
    settings = workers.WorkerSettings(vocabulary, PdfOptions(), 1.0)
    pool = WorkerPool(settings, 1, lambda extraction: reported.append(extraction) or True)
    worker = pool.slots[0] = _Worker(process, reader)
    worker.sent.extend([(0, "a.txt"), (1, "b.txt")])
    with hard_limit(5):
        pool._lost(worker)
    assert reported == [] and list(pool.queue) == [(0, "a.txt"), (1, "b.txt")]  # a first crash: tried again
    assert pool.slots == [None]


# --------------------------------------------------------------------------- one writer per folder


def test_a_second_run_on_a_folder_in_use_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = OutputFolder.open(out, ("manifest.json",), json_folder=True)
    try:
        result = runner.invoke(app, ["batch", str(SEED), "--out", str(out), "--workers", "0"])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"error: {out}: in use by another batch (pid {os.getpid()}, started 20")
        assert not (out / "manifest.json").exists()
        with pytest.raises(FolderBusy):
            convert_batch([SEED], out, BatchOptions(workers=0))
    finally:
        holder.close()
    assert runner.invoke(app, ["batch", str(SEED), "--out", str(out), "--workers", "0"]).exit_code == 0
    assert not (out / LOCK_NAME).exists()


def test_forked_children_do_not_hold_the_lock(tmp_path: Path) -> None:
    holder = OutputFolder.open(tmp_path, ("manifest.json",), json_folder=False)
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        time.sleep(3)
        os._exit(0)
    try:
        holder.close()
        OutputFolder.open(tmp_path, ("manifest.json",), json_folder=False).close()  # free while the child lives
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


@pytest.mark.parametrize("complete", [True, False])
def test_only_a_complete_manifest_lets_json_files_go(complete: bool, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "json").mkdir(parents=True)
    (out / "json" / "other.json").write_text("{}", encoding="utf-8")
    manifest = {"complete": complete, "inputs": [{"file": "other.txt", "json": "json/other.json"}]}
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    convert_batch([SEED], out, BatchOptions(workers=0, formats=("json",)))
    assert (out / "json" / "other.json").exists() is not complete
    assert (out / "json" / "enschede.json").exists()


# --------------------------------------------------------------------------- write errors


def _failing_replace(target_name: str, number: int, after: int = 0) -> Any:
    """``os.replace`` failing with ``number`` for targets whose path holds ``target_name``,
    after ``after`` successful ones."""
    real = os.replace
    calls = {"count": 0}

    def replace(source: Any, target: Any) -> None:
        if target_name in str(target):
            calls["count"] += 1
            if calls["count"] > after:
                raise OSError(number, os.strerror(number), str(source))
        real(source, target)

    return replace


@pytest.mark.parametrize(("target", "after", "number"), [
    ("records.jsonl", 0, errno.ENOSPC), ("/json/", 2, errno.ENOSPC), ("snapshots.xlsx", 0, errno.EACCES),
    ("errors.csv", 0, errno.EROFS)])  # fmt: skip
def test_a_write_error_is_one_line_exit_3_and_resume_goes_on(target: str, after: int, number: int, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b", "c", "d"):
        shutil.copy(SEED, inputs / f"{name}.txt")
    out = tmp_path / "out"
    monkeypatch.setattr(os, "replace", _failing_replace(target, number, after))
    result = runner.invoke(app, ["batch", str(inputs), "--out", str(out), "--workers", "0"])
    monkeypatch.undo()
    assert result.exit_code == 3, result.output
    failed = out / "json" / "c.json" if target == "/json/" else out / target  # a.json, b.json written
    assert result.stderr == (f"error: {failed}: cannot write ({os.strerror(number)}); finished documents are kept "
                             "in the manifest: fix this, then run again with --resume\n")  # fmt: skip
    assert not list(out.rglob(".*"))  # no temporary, no reserve, no lock left
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    done = manifest["counts"]["ok"] + manifest["counts"]["partial"]
    assert done == (after if target == "/json/" else 4)
    summary = convert_batch([inputs], out, BatchOptions(workers=0, resume=True))
    assert summary.reused == done and summary.complete
    convert_batch([inputs], tmp_path / "fresh", BatchOptions(workers=0))
    assert _files(out) == _files(tmp_path / "fresh")


@pytest.mark.parametrize(("name", "make"), [("records.jsonl", "folder"), ("manifest.json", "folder"),
                                            ("json", "file")])  # fmt: skip
def test_an_output_name_taken_is_one_line_exit_2_before_any_work(name: str, make: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / name).mkdir() if make == "folder" else (out / name).write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(SEED), "--out", str(out), "--workers", "0"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {out / name}: ")
    assert sorted(path.name for path in out.iterdir()) == [name]


@pytest.mark.skipif(os.geteuid() != 0 or not sys.platform.startswith("linux"), reason="mounts a tmpfs: root")
def test_a_full_disk_keeps_the_checkpoint(tmp_path: Path) -> None:
    """A real full disk (a 600 KB tmpfs): exit 3, one line, a manifest that resume reuses."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(40):
        shutil.copy(SEED, inputs / f"city-{number:02}.txt")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        result = runner.invoke(app, ["batch", str(inputs), "--out", str(disk / "out"), "--workers", "0"])
        assert result.exit_code == 3, result.output
        assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr
        manifest = json.loads((disk / "out" / "manifest.json").read_text(encoding="utf-8"))
        done = manifest["counts"]["ok"] + manifest["counts"]["partial"]
        assert done > 0 and not list((disk / "out").rglob(".*"))
        shutil.copytree(disk / "out", tmp_path / "out")
    finally:
        subprocess.run(["umount", str(disk)], check=True)
    summary = convert_batch([inputs], tmp_path / "out", BatchOptions(workers=0, resume=True))
    assert summary.reused == done and summary.complete


# --------------------------------------------------------------------------- inputs, names


def test_skipped_inputs_are_listed_with_their_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    (inputs / ".git").mkdir(parents=True)
    shutil.copy(SEED, inputs / "enschede.txt")
    shutil.copy(SEED, inputs / ".draft.txt")
    shutil.copy(SEED, inputs / ".git" / "inside-hidden-folder.txt")
    shutil.copy(SEED, inputs / "locked.txt")
    os.mkfifo(inputs / "pipe.pdf")
    (inputs / "null.txt").symlink_to("/dev/null")
    (inputs / "gone.md").symlink_to(inputs / "nowhere.md")
    (inputs / "notes.docx").write_bytes(b"not a candidate")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: "locked" not in str(path) and real_access(path, mode))
    out = tmp_path / "out"
    with hard_limit(20):
        result = runner.invoke(app, ["batch", str(inputs), "--out", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output  # skipped inputs are no failures
    rows = (out / "errors.csv").read_text(encoding="utf-8").splitlines()
    assert rows == ["file,code,message",
                    f"{inputs.as_posix()}/.draft.txt,skipped,hidden file",
                    f"{inputs.as_posix()}/gone.md,skipped,symbolic link to nothing",
                    f"{inputs.as_posix()}/locked.txt,skipped,cannot read (permission denied)",
                    f"{inputs.as_posix()}/null.txt,skipped,not a regular file: a device (through a symbolic link)",
                    f"{inputs.as_posix()}/pipe.pdf,skipped,not a regular file: a pipe"]  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["skipped"] == 5 and manifest["counts"]["partial"] == 1
    assert [entry["status"] for entry in manifest["inputs"]].count("skipped") == 5
    assert sum(line.startswith("skipped: ") for line in result.stderr.splitlines()) == 5
    assert any(line.split() == ["skipped", "5"] for line in result.stderr.splitlines())  # the summary's row


def test_a_fifo_named_explicitly_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with hard_limit(10):
        found = discover_inputs([tmp_path / "pipe.txt", SEED])
    assert found.documents == [SEED] and found.skipped == [(tmp_path / "pipe.txt", "not a regular file: a pipe")]


HOSTILE = "evil\n\x1b[31merror: forged.txt"


@pytest.mark.parametrize("command", ["batch", "parse"])
def test_control_characters_in_a_name_cannot_forge_lines(command: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / HOSTILE).write_text("not a snapshot\n", encoding="utf-8")
    args = [str(inputs), "--out", str(tmp_path / "out"), "--workers", "0", "--quiet"] if command == "batch" else [
        str(inputs / HOSTILE)]  # fmt: skip
    result = runner.invoke(app, [command, *args])
    assert result.exit_code in (1, 2)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "\x1b" not in result.stderr
    assert lines[0].startswith("error: ") and "evil\\n\\x1b[31merror: forged.txt" in lines[0]


@pytest.mark.parametrize(("text", "guarded"), [
    ("=1+1", True), ("＝1+1", True), ("＋cmd", True), ("－2", True), ("＠SUM(A1)", True), ("|calc", True),
    ("-2", True), ("\tx", True), ("a|b", False), ("Kraków", False), ("1+1", False)])  # fmt: skip
def test_formula_guard(text: str, guarded: bool) -> None:
    assert guard_formula(text) == ("'" + text if guarded else text)


def test_interrupts_wait_while_the_run_is_on_its_way_out() -> None:
    from snapshot_extract.batch.interrupts import interrupts_deferred, interrupts_raised

    reached = []
    with interrupts_raised(), pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            reached.append("the checkpoint")
        reached.append("after the way out")  # pragma: no cover - the interrupt comes first
    assert reached == ["the checkpoint"]


def test_interrupts_wait_also_when_another_thread_takes_the_signal() -> None:
    """A process-directed signal may go to any thread that does not block it (pyarrow's pool,
    say): the interrupt must still wait for the way out."""
    import threading

    from snapshot_extract.batch.interrupts import interrupts_deferred, interrupts_raised

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    reached = []
    try:
        with interrupts_raised(), pytest.raises(KeyboardInterrupt):
            with interrupts_deferred():
                signal.pthread_kill(other.ident or 0, signal.SIGTERM)
                time.sleep(0.05)
                reached.append("the checkpoint")
            reached.append("after the way out")  # pragma: no cover - the interrupt comes first
    finally:
        stop.set()
        other.join()
    assert reached == ["the checkpoint"]


def test_an_interrupt_while_the_command_starts_is_not_lost(tmp_path: Path) -> None:
    """An interrupt during the imports (where Python or a C extension may swallow one) ends the
    command at once, with one line, before it has touched anything."""
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import importlib.abc, os, signal, sys
        class InterruptTheImports(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name == "typer":
                    os.kill(os.getpid(), signal.SIGTERM)
                    os.kill(os.getpid(), signal.SIGINT)
                return None
        sys.meta_path.insert(0, InterruptTheImports())
        sys.argv = ["snapshot-extract", "batch", {str(SEED)!r}, "--out", {str(out)!r}]
        from snapshot_extract.__main__ import main
        main()
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, "error: interrupted while starting; nothing was done\n")
    assert not out.exists()
