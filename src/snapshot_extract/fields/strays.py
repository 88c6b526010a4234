"""Items printed under another list's intro: a two-column dump (pdftotext, a viewer's copy) that
interleaved two lists prints the items of both after the second intro ("… from the following
sources:" / "Staff skills and profiles include:" / a funding source / a staff role / …).

``adopt_strays(results, vocabulary)`` takes each item that no term of its own list matched (a
``Stray``) and that is a confident term of exactly one other list whose intro announced items
that were not read (the list is empty), and reads it into that list, with an ``uncertain_list``
warning there: the item is kept, and its place is in doubt. Its ``Unmapped`` entry and
``unmapped_term`` warning go, for an ``uncertain_list`` warning on the list it was printed in
(mixed with another's, that list may lack items); so does the other list's "no item read"
warning. An item that fits no such list, or several, stays unmapped.
"""

from __future__ import annotations

from ..models import FieldResult, Stray, Term, Unmapped, Warning, vocabulary_group
from ..vocabulary import Match, Vocabulary
from .common import NO_ITEM


def adopt_strays(results: dict[str, FieldResult], vocabulary: Vocabulary) -> dict[str, FieldResult]:
    """``results`` with each stray item read into the one announced list it names (see the module docstring)."""
    announced = {path: key for key, result in results.items() for path in result.intros
                 if not result.values.get(path)}
    moves: list[tuple[str, Stray, str, Match]] = []  # (the stray's section, the stray, its list, its term)
    for key, result in results.items():
        for stray in result.strays:
            fits = [(path, match) for path in announced if path != stray.path
                    and isinstance(match := vocabulary.match(vocabulary_group(path), stray.text), Match)
                    and vocabulary.confident(match.score)]
            if len(fits) == 1:
                moves.append((key, stray, *fits[0]))
    if not moves:
        return results
    changed = dict(results)
    for source, stray, path, match in moves:
        changed[source] = _without_stray(changed[source], stray, path)
        changed[announced[path]] = _with_item(changed[announced[path]], path, stray, match)
    return changed


def _without_stray(result: FieldResult, stray: Stray, path: str) -> FieldResult:
    def is_stray(entry: Unmapped) -> bool:
        return entry.field == stray.path and entry.text == stray.text

    def is_its_warning(warning: Warning) -> bool:
        return (warning.field == stray.path and warning.code == "unmapped_term"
                and warning.message.startswith(f'"{stray.text}"'))

    warnings = (*(warning for warning in result.warnings if not is_its_warning(warning)), Warning(
        field=stray.path, code="uncertain_list", message=(
            f'"{stray.text}", printed among these items, was read as one of {path}: this list may be mixed with '
            "another's, and lack items printed elsewhere")))
    return result._replace(unmapped=tuple(entry for entry in result.unmapped if not is_stray(entry)),
                           warnings=warnings, strays=tuple(item for item in result.strays if item != stray))


def _with_item(result: FieldResult, path: str, stray: Stray, match: Match) -> FieldResult:
    terms: list[Term] = list(result.values.get(path) or [])
    values, evidence = dict(result.values), dict(result.evidence)
    if not any(term.id == match.id for term in terms):
        evidence[f"{path}[{len(terms)}]"] = stray.evidence
        terms.append(Term(id=match.id, label=match.label, text=stray.text, score=match.score))
    values[path] = terms
    warnings = [warning for warning in result.warnings if not (
        warning.field == path and warning.code == "unreadable_value" and warning.message.startswith(NO_ITEM))]
    warnings.append(Warning(field=path, code="uncertain_list", message=(
        f'"{stray.text}" was printed among the items of {stray.path}, which it does not name: read as one of '
        f"{path} (a two-column dump may have mixed the two lists)")))
    return result._replace(values=values, evidence=evidence, warnings=tuple(warnings))
