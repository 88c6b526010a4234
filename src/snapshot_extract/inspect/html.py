"""The HTML page of an inspection: the page images beside the record's rows."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..models import Record
from ..vocabulary import Vocabulary
from .draw import LEFT_GUTTER, RIGHT_GUTTER
from .marks import AMBER, Mark, field_colour


def record_rows(record: Record) -> list[tuple[str, str, str, str]]:
    """(path, value, score, page) for every field of the record, list items one per row."""
    data = record.model_dump(mode="json")
    rows = []
    for section in ("city", "overview", "organisation", "spotlight", "vision", "approach",
                    "partnerships", "funding", "impact", "data", "outcomes"):  # fmt: skip
        for key, value in data[section].items():
            path = f"{section}.{key}"
            items = [(f"{path}[{i}]", item) for i, item in enumerate(value)] if isinstance(value, list) else []
            for item_path, item in items or [(path, value)]:
                where = record.provenance.get(item_path)
                score = f"{item['score']:g}" if isinstance(item, dict) and "score" in item else ""
                rows.append((item_path, _shown(item), score, "" if where is None or where["page"] is None
                             else str(where["page"])))  # fmt: skip
    return rows


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if value == []:
        return "[]"
    if isinstance(value, dict) and "id" in value:
        return f"{value['id']}  ← “{value['text']}”"
    if isinstance(value, dict) and "bound" in value:
        return f"{value['percent']} {value['bound']}  ← “{value['text']}”"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def render_html(record: Record, marks: Sequence[Mark], images: Sequence[Path],
                page_sizes: Sequence[tuple[float, float]], vocabulary: Vocabulary) -> str:  # fmt: skip
    """The inspection page: images with clickable boxes beside the record's rows."""
    esc = html.escape
    pages = []
    for number, image in enumerate(images, 1):
        width, height = page_sizes[number - 1] if number <= len(page_sizes) else (595.0, 842.0)
        total = LEFT_GUTTER + width + RIGHT_GUTTER
        boxes = "".join(
            f'<div class="box {m.kind}" data-paths="{esc(" ".join(m.paths))}" title="{esc(m.label)}" style="'
            f"left:{(m.bbox[0] + LEFT_GUTTER) / total:.4%};top:{m.bbox[1] / height:.4%};"
            f'width:{(m.bbox[2] - m.bbox[0]) / total:.4%};height:{(m.bbox[3] - m.bbox[1]) / height:.4%}"></div>'
            for m in marks if m.page == number and m.paths
        )
        pages.append(f'<div class="page"><img src="{esc(image.name)}" alt="page {number}">{boxes}</div>')
    unmapped_at = {p for m in marks if m.kind == "unmapped" for p in m.paths}
    rows = "".join(
        f'<tr data-path="{esc(path)}" class="{_row_class(record, path, value, vocabulary)}"><td>{esc(path)}</td>'
        f"<td>{esc(value)}</td><td>{score}</td><td>{page}</td></tr>"
        for path, value, score, page in record_rows(record)
    )
    rows += "".join(
        f'<tr data-path="unmapped[{i}]" class="unmapped"><td>unmapped: {esc(u.field)}</td><td>{esc(u.text)}'
        f'{"" if f"unmapped[{i}]" in unmapped_at else " (not found on the page)"}</td>'
        f"<td>{u.best_score:g}</td><td></td></tr>"
        for i, u in enumerate(record.unmapped)
    )
    warnings = "".join(f'<li data-path="{esc(w.field)}"><b>{esc(w.field)}</b> {esc(w.code)}: {esc(w.message)}</li>'
                       for w in record.warnings) or "<li>none</li>"  # fmt: skip
    title = f"{record.source.file} — {record.city.name}, {record.city.country}"
    return _HTML.format(title=esc(title), pages="".join(pages), rows=rows, warnings=warnings,
                        status="partial" if record.warnings else "ok")  # fmt: skip


def _row_class(record: Record, path: str, value: str, vocabulary: Vocabulary) -> str:
    if value in ("—", "[]"):
        return "empty"
    colour, _ = field_colour(record, path, vocabulary)
    return "amber" if colour == AMBER else "green"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>inspect: {title}</title>
<style>
body {{ font: 13px/1.4 system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }}
#pages {{ flex: 3; overflow-y: auto; background: #ddd; padding: 8px; }}
#record {{ flex: 2; overflow-y: auto; padding: 8px 12px; }}
.page {{ position: relative; margin: 0 auto 12px; max-width: 1400px; box-shadow: 0 1px 4px #999; }}
.page img {{ width: 100%; display: block; }}
.box {{ position: absolute; border: 2px solid transparent; border-radius: 2px; }}
.box.hl {{ border-color: #ff00c8; background: rgba(255, 0, 200, .18); }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #e4e4e4; padding: 2px 6px; vertical-align: top; text-align: left; }}
td:first-child {{ font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }}
tr[data-path] {{ cursor: pointer; }} tr.hl td {{ background: #ffe3f7; }}
tr.green td:first-child {{ border-left: 4px solid #0d9940; }}
tr.amber td:first-child {{ border-left: 4px solid #f28c00; }}
tr.unmapped td:first-child {{ border-left: 4px solid #d91a1a; }}
tr.empty {{ color: #999; }}
li[data-path] {{ cursor: pointer; }}
.key span {{ display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }}
</style></head><body>
<div id="pages">{pages}</div>
<div id="record"><h2>{title}</h2><p>status: <b>{status}</b></p>
<p class="key"><span style="background:#0d9940"></span>score ≥ 90 <span style="background:#f28c00"></span>85–90 or
warned <span style="background:#d91a1a"></span>unmapped <span style="background:#8033bf"></span>section
<span style="background:#0059f2"></span>with <span style="background:#333"></span>without
<span style="background:#e6009a"></span>doubtful</p>
<h3>Warnings</h3><ul>{warnings}</ul>
<h3>Record</h3><p>Point at a row to highlight its boxes; click to scroll to them.</p>
<table><tr><th>field</th><th>value</th><th>score</th><th>page</th></tr>{rows}</table></div>
<script>
function covers(paths, p) {{
  return paths.split(" ").some(q => q === p || q.startsWith(p + "[") || q.startsWith(p + "."));
}}
function highlight(p, scroll) {{
  let first = null;
  document.querySelectorAll(".box").forEach(b => {{
    const on = p !== null && covers(b.dataset.paths, p);
    b.classList.toggle("hl", on);
    if (on && !first) first = b;
  }});
  document.querySelectorAll("[data-path]").forEach(r => r.classList.toggle("hl", r.dataset.path === p));
  if (scroll && first) first.scrollIntoView({{behavior: "smooth", block: "center"}});
}}
document.querySelectorAll("#record [data-path]").forEach(r => {{
  r.addEventListener("mouseenter", () => highlight(r.dataset.path, false));
  r.addEventListener("click", () => highlight(r.dataset.path, true));
}});
document.querySelectorAll(".box").forEach(b => b.addEventListener("click", () => {{
  const p = b.dataset.paths.split(" ")[0];
  const row = document.querySelector('#record tr[data-path="' + p + '"]');
  highlight(p, false);
  if (row) row.scrollIntoView({{behavior: "smooth", block: "center"}});
}}));
</script></body></html>
"""
