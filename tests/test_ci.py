"""CI-native checks: ``check --junit-xml`` validated against the JUnit report format
(``tests/schemas/junit.xsd``, written here from the format's published descriptions) and read by
a real JUnit consumer (junitparser); the pre-commit hook of ``.pre-commit-hooks.yaml`` run by
pre-commit in a throwaway repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import junitparser
import pytest
import xmlschema
from typer.testing import CliRunner

from snapshot_extract.cli import app

from .conftest import FIXTURES, ROOT

SCHEMAS = Path(__file__).parent / "schemas"
runner = CliRunner()


@pytest.fixture(scope="module")
def schemas() -> list[xmlschema.XMLSchema]:
    return [xmlschema.XMLSchema(SCHEMAS / "junit.xsd")]


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    """Three fixtures: one that matches, one whose expected mayor is wrong, one unreadable."""
    folder = tmp_path / "fixtures"
    folder.mkdir()
    for name in ("enschede", "bilbao"):
        shutil.copy(FIXTURES / "text" / f"{name}.txt", folder / f"{name}.txt")
        shutil.copy(FIXTURES / "text" / f"{name}.expected.json", folder / f"{name}.expected.json")
    expected = json.loads((folder / "bilbao.expected.json").read_text(encoding="utf-8"))
    expected["overview"]["mayor"] = "Someone <Else> & Co"
    (folder / "bilbao.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.expected.json").write_text("{}", encoding="utf-8")
    return folder


def test_junit_report_is_valid_and_says_what_differs(fixtures: Path, tmp_path: Path,
                                                     schemas: list[xmlschema.XMLSchema]) -> None:  # fmt: skip
    report = tmp_path / "check.xml"
    result = runner.invoke(app, ["check", str(fixtures), "--junit-xml", str(report)])
    assert result.exit_code == 1
    assert "1 passed, 2 failed" in result.stdout
    for schema in schemas:
        schema.validate(report)
    read = junitparser.JUnitXml.fromfile(str(report))  # what a CI server's JUnit reader sees
    cases = {case.name: [type(outcome).__name__ for outcome in case.result] for suite in read for case in suite}
    assert cases == {"enschede.txt": [], "bilbao.txt": ["Failure"], "empty.txt": ["Error"]}
    suite = ElementTree.parse(report).getroot().find("testsuite")
    assert suite is not None and suite.get("tests") == "3"
    assert (suite.get("failures"), suite.get("errors")) == ("1", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"bilbao.txt", "empty.txt", "enschede.txt"}
    assert list(cases["enschede.txt"]) == []
    failure = cases["bilbao.txt"].find("failure")
    assert failure is not None and failure.get("type") == "difference"
    assert failure.text is not None and failure.text.startswith('overview.mayor: expected "Someone <Else> & Co", got ')
    error = cases["empty.txt"].find("error")
    assert error is not None and "empty file" in (error.get("message") or "")


def test_junit_report_of_a_clean_run_and_on_stdout(fixtures: Path, schemas: list[xmlschema.XMLSchema]) -> None:
    (fixtures / "bilbao.expected.json").unlink()
    (fixtures / "empty.expected.json").unlink()
    result = runner.invoke(app, ["check", str(fixtures), "--junit-xml", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml") and "ok  " in result.stderr  # the report alone on stdout
    for schema in schemas:
        schema.validate(result.stdout)
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert suite is not None and suite.get("tests") == "1" and suite.get("failures") == "0"


def test_junit_report_cannot_be_written_is_one_line(fixtures: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "check.xml"
    result = runner.invoke(app, ["check", str(fixtures), "--junit-xml", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {target}: cannot write the JUnit report")


# --------------------------------------------------------------------------- pre-commit


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def _environment(home: Path) -> dict[str, str]:
    """The tool's virtual environment first on PATH (the system hook runs what is installed);
    pre-commit's cache and git's identity kept inside the test folder."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PRE_COMMIT_HOME": str(home / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}  # fmt: skip


def test_hooks_manifest_is_valid() -> None:
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                          cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_hook_runs_check_in_a_repository(tmp_path: Path) -> None:
    """Another repository's .pre-commit-config.yaml names our hook; pre-commit fetches it (from a
    local clone: no network), runs ``check`` on the fixtures, and fails once a golden file differs."""
    environment = _environment(tmp_path)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks)
    _git(hooks, "init", "-q")
    _git(hooks, "add", ".")
    subprocess.run(["git", "commit", "-q", "-m", "hooks"], cwd=hooks, check=True, env=environment)
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True,
                              check=True).stdout.strip()  # fmt: skip

    project = tmp_path / "project"
    (project / "fixtures").mkdir(parents=True)
    shutil.copy(FIXTURES / "text" / "enschede.txt", project / "fixtures")
    shutil.copy(FIXTURES / "text" / "enschede.expected.json", project / "fixtures")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks.as_posix()}\n  rev: {revision}\n  hooks:\n  - id: snapshot-extract-check-system\n",
        encoding="utf-8",
    )
    _git(project, "init", "-q")
    _git(project, "add", ".")

    def run_hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=project,
                              capture_output=True, text=True, env=environment, timeout=300)  # fmt: skip

    passed = run_hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    expected = project / "fixtures" / "enschede.expected.json"
    record = json.loads(expected.read_text(encoding="utf-8"))
    record["overview"]["mayor"] = "Someone Else"
    expected.write_text(json.dumps(record), encoding="utf-8")
    failed = run_hook()
    assert failed.returncode == 1
    assert "Failed" in failed.stdout and 'overview.mayor: expected "Someone Else"' in failed.stdout
