"""JUnit XML for ``check``: one test case per fixture, so a CI server can show the golden checks.

Contract: ``junit_xml`` gives a document valid against both the Apache Ant JUnit schema (the
strict one: ``testsuites`` > ``testsuite`` with properties, test cases, system-out and
system-err) and Jenkins' ``junit-10.xsd``. A fixture whose record differs from its expected file
is a ``failure`` whose text is the field diff, one ``path: expected …, got …`` line per
difference (what ``check`` prints); a fixture that cannot be read is an ``error``.
"""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

from ..files import write_atomic
from .golden import FixtureOutcome

SUITE_NAME = "snapshot-extract check"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", value)


def _classname(source: Path) -> str:
    """The fixture's folder as a dotted class name (``fixtures/text`` -> ``fixtures.text``)."""
    parts = [part for part in source.parent.as_posix().split("/") if part not in ("", ".", "..")]
    return ".".join(parts) or "fixtures"


def _testcase(outcome: FixtureOutcome) -> ElementTree.Element:
    case = ElementTree.Element("testcase", name=_text(outcome.input.name), classname=_text(_classname(outcome.input)),
                               time=f"{outcome.seconds:.3f}")  # fmt: skip
    if outcome.error is not None:
        error = ElementTree.SubElement(case, "error", type="unreadable", message=_text(outcome.error))
        error.text = _text(outcome.error)
    elif outcome.differences:
        count = len(outcome.differences)
        message = f"{count} field difference{'s' if count != 1 else ''} from {outcome.expected_file.name}"
        failure = ElementTree.SubElement(case, "failure", type="difference", message=_text(message))
        failure.text = _text("\n".join(difference.line() for difference in outcome.differences))
    return case


def junit_xml(outcomes: Sequence[FixtureOutcome], properties: dict[str, str], now: datetime | None = None) -> bytes:
    """The JUnit XML report of a ``check`` run (see the module docstring)."""
    now = now or datetime.now(UTC)
    failures = sum(1 for outcome in outcomes if outcome.error is None and outcome.differences)
    errors = sum(1 for outcome in outcomes if outcome.error is not None)
    seconds = f"{sum(outcome.seconds for outcome in outcomes):.3f}"
    root = ElementTree.Element("testsuites")  # Ant's schema allows it no attributes
    suite = ElementTree.SubElement(
        root, "testsuite", name=SUITE_NAME, package="snapshot-extract", id="0",
        timestamp=now.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%S"),
        hostname=socket.gethostname() or "localhost", tests=str(len(outcomes)), failures=str(failures),
        errors=str(errors), skipped="0", time=seconds,
    )  # fmt: skip
    listed = ElementTree.SubElement(suite, "properties")
    for name, value in properties.items():
        ElementTree.SubElement(listed, "property", name=name, value=_text(value))
    suite.extend(_testcase(outcome) for outcome in outcomes)
    ElementTree.SubElement(suite, "system-out").text = ""
    ElementTree.SubElement(suite, "system-err").text = ""
    ElementTree.indent(root)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def write_junit(target: Path, outcomes: Sequence[FixtureOutcome], properties: dict[str, str]) -> None:
    """Write the report to ``target`` atomically, or to stdout when ``target`` is ``-``
    (``files.OutputError`` when it cannot be written)."""
    report = junit_xml(outcomes, properties)
    if target == Path("-"):
        sys.stdout.buffer.write(report)
        sys.stdout.flush()
    else:
        write_atomic(target, report)
