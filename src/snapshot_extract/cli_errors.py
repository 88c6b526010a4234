"""Usage errors of the command line as one line: ``error: <what>: <reason>``, exit 2.

typer (click) reports its own usage errors (an unknown flag, a missing option, a value that is
not an int) as a usage block plus a boxed message; the README promises one line, like every
other error of the tool. ``OneLineErrors`` is the typer group class that runs the command line
with click's ``standalone_mode`` off, so those errors come back as exceptions, and prints each
as one line naming the option, argument or command at fault.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

EXIT_USAGE = 2
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)")
_VALIDATION_NOISE = re.compile(r"^value error, |, unable to parse .*$", re.IGNORECASE)
_NO_SUCH_COMMAND = re.compile(r"No such command '(.*)'\.(?: Did you mean (.*)\?)?")


def _sentence(text: str) -> str:
    """A message as the reason part of one line: first letter lower case, no final period."""
    text = _VALIDATION_NOISE.sub("", " ".join(text.split())).rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _parameter_name(parameter: Any) -> str:
    """``--workers`` for an option (its first long name), ``FILES`` for an argument."""
    options = [name for name in getattr(parameter, "opts", []) if name.startswith("--")]
    if getattr(parameter, "param_type_name", "") == "option" and options:
        return str(options[0])
    return str(getattr(parameter, "name", "argument") or "argument").upper()


def one_line(error: Exception, command: str) -> str:
    """``error: <what>: <reason>`` for one of click's usage errors (``command``: where it arose)."""
    kind = type(error).__name__
    message = str(getattr(error, "message", "") or error)
    parameter = getattr(error, "param", None)
    if kind == "NoSuchOption":
        possibilities = sorted(getattr(error, "possibilities", None) or [])
        hint = f" (did you mean {' or '.join(possibilities)}?)" if possibilities else ""
        return f"error: {getattr(error, 'option_name', '?')}: no such option{hint}"
    if kind == "MissingParameter" and parameter is not None:
        return f"error: {_parameter_name(parameter)}: missing {getattr(parameter, 'param_type_name', 'value')}"
    if parameter is not None:
        return f"error: {_parameter_name(parameter)}: {_sentence(message)}"
    if kind == "BadOptionUsage":
        return f"error: {getattr(error, 'option_name', '?')}: {_sentence(message.split(' ', 2)[-1])}"
    if match := _EXTRA_ARGUMENTS.fullmatch(message.strip()):
        return f"error: {match.group(1)}: unexpected extra argument to '{command}'"
    if match := _NO_SUCH_COMMAND.fullmatch(message.strip()):
        hint = f" (did you mean {match.group(2)}?)" if match.group(2) else ""
        return f"error: {match.group(1)}: no such command{hint}"
    return f"error: {command}: {_sentence(message)}"


def _fail(line: str, code: int) -> NoReturn:
    typer.echo(line.replace("\n", " "), err=True)
    sys.exit(code)


class OneLineErrors(TyperGroup):
    """A typer group whose own usage errors are one line on stderr and exit 2."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as error:  # click's ClickException family
            if not standalone_mode:
                raise
            if type(error).__name__ == "NoArgsIsHelpError":  # the bare command: its help, as click does
                typer.echo(error.format_message(), err=True)
                sys.exit(EXIT_USAGE)
            context = getattr(error, "ctx", None)
            command = context.command_path if context is not None else (prog_name or "snapshot-extract")
            _fail(one_line(error, command), getattr(error, "exit_code", 1))
        except typer.Abort:
            if not standalone_mode:
                raise
            _fail("error: aborted", 1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)
