"""Command line: a thin typer layer over the library. Nothing imports this module.

Exit codes (the contract): 0 ok; 1 differences, failed files, or warnings under --strict;
2 unusable input or arguments (for ``batch`` also an output folder in use by another run);
3 ``batch`` could not write its outputs (disk full, no permission, read-only): the checkpoint
is written, ``--resume`` goes on from it; 130 ``batch`` interrupted. Errors are one line,
``error: <file>: <reason>`` (typer's own usage errors too: ``cli_errors``), with control
characters escaped (``errors.printable``); a traceback only with --debug. Choices are case-insensitive;
``-`` reads a document from stdin (``parse -``) or writes a report to stdout
(``check --junit-xml -``); ``SNAPSHOT_PASSWORD`` stands in for ``--password``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from .cli_errors import OneLineErrors
from .cli_options import (
    Backend,
    BackendOption,
    DebugOption,
    MaxPagesOption,
    Ocr,
    OcrOption,
    ParseFormat,
    PasswordOption,
    ReplaceOption,
    TimeoutOption,
    VocabularyOption,
    as_given,
    stdin_as_file,
)
from .errors import SnapshotError, printable
from .limits import DEFAULT_MAX_MEMORY

if TYPE_CHECKING:  # each command imports what it runs when it runs: --help starts in a fraction of a second
    from .checks.golden import FixtureOutcome
    from .models import PdfOptions, Record
    from .vocabulary import Vocabulary

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRITE = 0, 1, 2, 3
PROG_NAME = "snapshot-extract"

app = typer.Typer(
    cls=OneLineErrors,
    help="Turn City Innovation Snapshot PDFs and text dumps into validated records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: rich would take longer to import than the rest of --help
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG_NAME} {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn City Innovation Snapshot PDFs and text dumps into validated records."""


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(printable(message), err=True)
    return typer.Exit(code)


def _vocabulary(path: Path | None, replace: bool) -> Vocabulary:
    from .vocabulary import load_vocabulary

    try:
        return load_vocabulary(path, replace=replace)
    except SnapshotError as error:
        raise _fail(error.one_line()) from None


def _pdf_options(backend: Backend, password: str | None, max_pages: int = 20, ocr: Ocr = Ocr.auto) -> PdfOptions:
    from .models import PdfOptions

    return PdfOptions(backend=backend.value, password=password, max_pages=max_pages, ocr=ocr.value)


@app.command()
def parse(
    files: Annotated[
        list[Path],
        typer.Argument(help="Snapshot PDFs or text dumps; - reads one from stdin.", show_default=False,
                       readable=False),
    ],
    output_format: Annotated[
        ParseFormat,
        typer.Option("--format", case_sensitive=False,
                     help="json (one file: pretty JSON; several: JSON Lines) or csv (the wide table)."),
    ] = ParseFormat.json,
    vocabulary: VocabularyOption = None,
    replace_vocabulary: ReplaceOption = False,
    backend: BackendOption = Backend.pymupdf,
    ocr: OcrOption = Ocr.auto,
    password: PasswordOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any record carries warnings.")] = False,
    max_pages: MaxPagesOption = 20,
    timeout: TimeoutOption = 30.0,
    debug: DebugOption = False,
) -> None:
    """Parse snapshots and print their records.

    Example: snapshot-extract parse fixtures/text/enschede.txt
    """
    from .pipeline import extract_all

    if files.count(Path("-")) > 1:
        raise _fail("error: -: stdin can be read only once")
    vocab = _vocabulary(vocabulary, replace_vocabulary)
    options = _pdf_options(backend, password, max_pages, ocr)
    with stdin_as_file(files) as paths:
        results = list(extract_all(paths, vocab, options, debug=debug, timeout=timeout))
    results = [as_given(result, given) for result, given in zip(results, files, strict=True)]
    records: list[Record] = [r.record for r in results if r.record is not None]
    for result in results:
        if result.error is not None:
            typer.echo(result.error.one_line(), err=True)
    if records:
        _print_records(records, output_format, single=len(files) == 1)
    failed = len(records) < len(results)
    if failed:
        raise typer.Exit(EXIT_USAGE if len(results) == 1 else EXIT_FAILED)
    if strict and any(record.warnings for record in records):
        for record in records:
            for warning in record.warnings:
                line = f"warning: {record.source.file}: {warning.field}: {warning.code}: {warning.message}"
                typer.echo(printable(line), err=True)
        raise typer.Exit(EXIT_FAILED)


def _print_records(records: list[Record], output_format: ParseFormat, single: bool) -> None:
    from .export import record_json, records_jsonl
    from .export.rows import wide_csv

    if output_format is ParseFormat.csv:
        sys.stdout.buffer.write(wide_csv(records))
    elif single:
        sys.stdout.write(record_json(records[0]))
    else:
        sys.stdout.write(records_jsonl(records))
    sys.stdout.flush()


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record.

    Example: snapshot-extract schema > record.schema.json
    """
    from .models import Record

    typer.echo(json.dumps(Record.model_json_schema(), indent=2, ensure_ascii=False))


@app.command()
def vocab(
    group: Annotated[str | None, typer.Argument(help="Only this vocabulary group.")] = None,
    vocabulary: VocabularyOption = None,
    replace_vocabulary: ReplaceOption = False,
) -> None:
    """List the controlled vocabulary: group, id, label, aliases.

    Example: snapshot-extract vocab benefits
    """
    vocab_ = _vocabulary(vocabulary, replace_vocabulary)
    if group is not None and group not in vocab_.groups:
        raise _fail(f"error: unknown group '{group}' (choose one of: {', '.join(vocab_.groups)})")
    for name, terms in vocab_.groups.items():
        if group is not None and name != group:
            continue
        for term in terms:
            aliases = f"  [{'; '.join(term.aliases)}]" if term.aliases else ""
            typer.echo(f"{name}\t{term.id}\t{term.label}{aliases}")


@app.command()
def check(
    fixture_dirs: Annotated[list[Path], typer.Argument(help="Folders holding X.<txt|md|pdf> + X.expected.json pairs.")],
    update: Annotated[
        bool, typer.Option("--update", help="Rewrite every expected file with the current record.")
    ] = False,
    junit_xml: Annotated[
        Path | None,
        typer.Option("--junit-xml", help="Also write a JUnit XML report (one test case per fixture) for CI; "
                     "- writes it to stdout (the fixture lines then go to stderr).", show_default=False),
    ] = None,
    vocabulary: VocabularyOption = None,
    replace_vocabulary: ReplaceOption = False,
    backend: BackendOption = Backend.pymupdf,
    ocr: OcrOption = Ocr.auto,
) -> None:
    """Parse every fixture beside an expected file and compare, field by field.

    Example: snapshot-extract check fixtures/text fixtures/pdf --junit-xml check.xml
    """
    from .checks.golden import check_fixture, find_fixtures
    from .checks.junit import write_junit

    vocab_ = _vocabulary(vocabulary, replace_vocabulary)
    options = _pdf_options(backend, None, ocr=ocr)
    pairs: list[tuple[Path, Path]] = []
    for folder in fixture_dirs:
        if not folder.is_dir():
            raise _fail(f"error: {folder}: not a folder")
        pairs.extend(find_fixtures(folder))
    if not pairs:
        raise _fail(f"error: no X.expected.json beside an input in {', '.join(map(str, fixture_dirs))}")
    to_stdout = junit_xml == Path("-")
    outcomes: list[FixtureOutcome] = []
    for source, expected in pairs:
        outcomes.append(check_fixture(source, expected, vocab_, options, update))
        typer.echo("\n".join(outcomes[-1].lines(update)), err=to_stdout)
    failures = sum(1 for outcome in outcomes if not outcome.ok)
    typer.echo(f"{len(pairs) - failures} passed, {failures} failed", err=to_stdout)
    if junit_xml is not None:
        properties = {"tool_version": __version__, "vocabulary_version": vocab_.version, "backend": options.backend}
        try:
            write_junit(junit_xml, outcomes, properties)
        except SnapshotError as error:  # files.OutputError: why the report could not be written
            raise _fail(f"error: {junit_xml}: cannot write the JUnit report: {error.reason}") from None
    if failures:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A snapshot PDF.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Folder for page-<n>.png, record.json and index.html.")],
    dpi: Annotated[int, typer.Option("--dpi", min=36, max=600, help="Resolution of the page images.")] = 110,
    vocabulary: VocabularyOption = None,
    replace_vocabulary: ReplaceOption = False,
    backend: BackendOption = Backend.pymupdf,
    ocr: OcrOption = Ocr.auto,
    password: PasswordOption = None,
) -> None:
    """Draw what was extracted on the pages: sections, values by score, unmapped items, the grid.

    Open OUT/index.html to see the pages beside the record; point at a field to find its box.

    Example: snapshot-extract inspect fixtures/pdf/enschede.pdf --out inspect-enschede
    """
    from .inspect import inspect_pdf

    vocab_ = _vocabulary(vocabulary, replace_vocabulary)
    try:
        result = inspect_pdf(file, out, vocab_, _pdf_options(backend, password, ocr=ocr), dpi=dpi)
    except SnapshotError as error:
        raise _fail(error.one_line()) from None
    typer.echo(
        f"{len(result.images)} page image(s) and {result.html} written "
        f"({len(result.marks)} boxes, {len(result.record.warnings)} warning(s))"
    )


@app.command("eval")
def evaluate_records(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="TRUTH_DIR... RECORDS: folders of X.expected.json truth files, then a records.jsonl, "
            "a folder of record JSON files or a batch output folder.",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit 1 unless F1 is 1.0, no error is silent and every truth file has a record."),
    ] = False,
    min_f1: Annotated[
        float, typer.Option("--min-f1", min=0.0, max=1.0, help="With --strict: the F1 to reach instead of 1.0.")
    ] = 1.0,
    max_silent: Annotated[
        int, typer.Option("--max-silent", min=0, help="With --strict: the silent errors allowed instead of none.")
    ] = 0,
) -> None:
    """Score records against truth files: precision, recall and F1 per field, and silent errors.

    A silent error is a wrong value (against the truth) that no warning or unmapped entry names.

    Example: snapshot-extract eval fixtures/text fixtures/pdf out/records.jsonl --strict
    """
    from rich.console import Console

    from .checks.evaluate import evaluate
    from .checks.report import print_evaluation

    if len(paths) < 2:
        raise _fail("error: eval: give at least one truth folder and then the records")
    try:
        evaluation = evaluate(paths[:-1], paths[-1])
    except SnapshotError as error:
        raise _fail(error.one_line()) from None
    if as_json:
        typer.echo(json.dumps(evaluation.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_evaluation(Console(width=None if sys.stdout.isatty() else 120), evaluation)
    if strict and not evaluation.passed(min_f1, max_silent):
        raise typer.Exit(EXIT_FAILED)


EXIT_INTERRUPTED = 130


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders (searched for *.pdf, *.txt, *.md) or glob patterns.", show_default=False),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output folder (created if missing).")],
    output_format: Annotated[
        str,
        typer.Option("--format", metavar="LIST", help="Comma list of outputs, any of: jsonl, json, csv, long, xlsx, "
                     "parquet (case-insensitive; columns.csv comes with any table)."),
    ] = "jsonl,json,csv,long,xlsx,parquet",
    one_hot: Annotated[
        bool, typer.Option("--one-hot", help="Add a true/false column per vocabulary term of each list field.")
    ] = False,
    bom: Annotated[bool, typer.Option("--bom", help="Start the CSVs with a UTF-8 BOM (Excel).")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            help="Worker processes (default: one per core; 0: run in this process).",
            show_default=False,
        ),
    ] = None,
    vocabulary: VocabularyOption = None,
    replace_vocabulary: ReplaceOption = False,
    backend: BackendOption = Backend.pymupdf,
    ocr: OcrOption = Ocr.auto,
    password: PasswordOption = None,
    max_pages: MaxPagesOption = 20,
    timeout: TimeoutOption = 30.0,
    resume: Annotated[
        bool, typer.Option("--resume", help="Reuse documents the folder's manifest records as done.")
    ] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first failed file.")] = False,
    max_memory: Annotated[
        int, typer.Option("--max-memory", min=0, help="MB each worker process may grow by (0: no cap).")
    ] = DEFAULT_MAX_MEMORY,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only error lines.")] = False,
) -> None:
    """Convert many snapshots into one folder: JSON, CSV, Excel, Parquet, errors and a manifest.

    Exit 0 when every file converted, 1 when some failed (see errors.csv), 2 for unusable
    arguments or an output folder in use by another batch, 3 when an output could not be
    written (disk full, no permission), 130 when interrupted; after 3 or 130, run again with
    --resume to finish.

    Example: snapshot-extract batch fixtures/text fixtures/pdf --out out --workers 4
    """
    from dataclasses import replace

    from rich.console import Console

    from .batch import BatchOptions, convert_batch, parse_formats
    from .batch.interrupts import quiet_finalizers
    from .batch.progress import BatchProgress, print_summary
    from .errors import OutputError

    console = Console(stderr=True)
    try:
        vocab_ = _vocabulary(vocabulary, replace_vocabulary)
        options = BatchOptions(
            formats=parse_formats(output_format), one_hot=one_hot, bom=bom, workers=workers,
            vocabulary=vocab_, pdf_options=replace(_pdf_options(backend, password, ocr=ocr), max_pages=max_pages),
            timeout=timeout, resume=resume, fail_fast=fail_fast, max_memory=max_memory,
        )  # fmt: skip
        with BatchProgress(console, quiet) as progress:
            summary = convert_batch(inputs, out, options, progress, on_output=progress.writing)
        print_summary(console, summary, quiet)
    except OutputError as error:
        quiet_finalizers()
        raise _fail(error.one_line(), EXIT_WRITE) from None
    except SnapshotError as error:
        raise _fail(error.one_line()) from None
    except KeyboardInterrupt:
        quiet_finalizers()
        raise _fail(f"error: {out}: interrupted; run again with --resume to finish", EXIT_INTERRUPTED) from None
    if summary.count("failed") or not summary.complete:
        raise typer.Exit(EXIT_FAILED)


@app.command()
def version() -> None:
    """Print the version.

    Example: snapshot-extract version
    """
    typer.echo(__version__)


def main() -> None:  # pragma: no cover - console entry point and python -m snapshot_extract
    app(prog_name=PROG_NAME)


__all__ = ["app", "main"]
