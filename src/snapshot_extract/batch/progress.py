"""Terminal display for a batch run: a rich progress bar while it runs, a summary at the end.

Contract: everything goes to stderr (stdout stays free for data). The bar (count, rate, ETA)
shows only on a terminal and never with ``quiet``; it refreshes when a document finishes, from
the calling thread (no refresh thread, so worker processes can be forked safely), and names each
output while the tables are written ("writing snapshots.xlsx…"). The summary table is plain
text when stderr is not a terminal; ``quiet`` leaves only the error lines. A record with
warnings is "partial" here as in the manifest.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..errors import printable
from .run import BatchSummary

REFRESH_SECONDS = 0.1


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="progress.data.speed")


class BatchProgress:
    """A ``progress(done, total)`` hook for ``convert_batch`` drawing a bar on a terminal."""

    def __init__(self, console: Console, quiet: bool = False) -> None:
        self.enabled = console.is_terminal and not quiet
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
            console=console, auto_refresh=False, transient=True,
        )  # fmt: skip
        self.task: TaskID | None = None
        self.last_refresh = 0.0

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.enabled:
            self.progress.stop()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.task is None:  # the first call carries documents reused by --resume
            self.task = self.progress.add_task("converting", total=total, completed=done)
        else:
            self.progress.update(self.task, completed=done, total=total)
        now = time.monotonic()
        if now - self.last_refresh >= REFRESH_SECONDS or done == total:
            self.progress.refresh()  # drawing costs milliseconds: at most ten times a second
            self.last_refresh = now

    def writing(self, name: str) -> None:
        """Name the output now being written (an ``on_output`` hook for ``convert_batch``)."""
        if not self.enabled or self.task is None:
            return
        self.progress.update(self.task, description=f"writing {name}…")
        self.progress.refresh()


def summary_table(summary: BatchSummary) -> Table:
    """Counts by outcome, with the output folder, time, rate and reuse as the caption."""
    table = Table(box=box.SIMPLE_HEAD, title="snapshot-extract batch", title_justify="left")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    # the manifest's words
    styles = {"ok": "green", "partial": "yellow", "failed": "red", "pending": "magenta", "skipped": "blue"}
    for status, style in styles.items():
        count = summary.count(status)
        if count or status not in ("pending", "skipped"):
            table.add_row(Text(status, style=style if count else ""), str(count))
    table.add_row("total", str(len(summary.documents)))
    return table


def summary_line(summary: BatchSummary) -> str:
    """Where the outputs went, how long it took, how much was extracted or reused."""
    rate = summary.extracted / summary.seconds if summary.seconds > 0 else 0.0
    return printable(f"{summary.out_dir}: {summary.seconds:.2f} s, {summary.extracted} extracted "
                     f"({rate:.1f}/s), {summary.reused} reused")  # fmt: skip


def print_summary(console: Console, summary: BatchSummary, quiet: bool = False) -> None:
    """One ``error: <file>: <reason> (<code>)`` line per failed input and (unless ``quiet``)
    one ``skipped: <file>: <reason>`` line per skipped one, then the table. Control characters
    in a file name or message are escaped: one line stays one line."""
    for document in summary.documents:
        if document.status == "failed":
            line = f"error: {document.file}: {document.message} ({document.code})"
        elif document.status == "skipped" and not quiet:
            line = f"skipped: {document.file}: {document.message}"
        else:
            continue
        console.print(printable(line), markup=False, highlight=False, soft_wrap=True)
    if not quiet:
        console.print(summary_table(summary))
        console.print(summary_line(summary), markup=False, highlight=False, soft_wrap=True)
