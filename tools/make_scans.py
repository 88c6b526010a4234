"""Render image-only "scans" of the PDF fixtures and write their truth files (``make scans``).

Usage::

    python tools/make_scans.py [--out fixtures/scans] [--all] [--only NAME ...]

Contract:

* every scan is a fixture PDF of ``fixtures/pdf`` rendered as a page image the way a scanner
  gives it: at ``dpi``, turned by ``rotation`` degrees (at most 1, as scanners do), in colour
  or grey-scale, compressed as JPEG (``quality``) or PNG (``quality`` 0), placed on a page of
  the original size; the PDF holds no text;
* ``<out>/<name>.pdf`` + ``<out>/<name>.expected.json``: the PDF's truth with ``source``
  adapted (file name, sha256 of the scan, page count, ``ocr: true``); a grey-scale scan loses
  the grid colours, so its ``outcomes.with/without_sufficient_data`` are null, each with a
  ``no_grid_colours`` warning;
* the committed set (``SCANS``) is small: a few MB over a representative subset (150, 200 and
  300 dpi, both rotations, JPEG levels, one grey-scale). ``--all`` writes the full matrix (every
  fixture at 150, 200 and 300 dpi, plus a grey-scale 300 dpi one) for measurement, to a
  temporary folder, not to ``fixtures/``;
* output is byte-deterministic: no dates, a fixed document ID, the same encoder settings.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
PDF_FIXTURES = REPO / "fixtures" / "pdf"
WITH, WITHOUT = "with_sufficient_data", "without_sufficient_data"


@dataclass(frozen=True)
class Scan:
    """One image-only rendering of ``fixture`` (a ``fixtures/pdf`` slug)."""

    fixture: str
    dpi: int
    rotation: float  # degrees, counter-clockwise
    quality: int  # JPEG quality; 0: lossless PNG
    grey: bool = False

    @property
    def name(self) -> str:
        kind = "grey" if self.grey else ("png" if self.quality == 0 else f"q{self.quality}")
        return f"{self.fixture}-{self.dpi}dpi-{kind}"


# The committed set: every producer, one and two columns, A4 and Letter, fill- and text-coded
# grids, both rotation directions, three resolutions, JPEG from light to heavy, one grey-scale.
SCANS = (
    Scan("enschede", 300, 0.4, 75),
    Scan("malmo", 200, -0.7, 75),
    Scan("bogota", 150, 0.3, 80),
    Scan("krakow", 300, -1.0, 80, grey=True),
    Scan("sao-paulo", 150, 1.0, 70),
    Scan("dusseldorf", 200, -0.3, 60),
    Scan("reykjavik", 300, 0.8, 70),
)


def full_matrix(slugs: Sequence[str]) -> list[Scan]:
    """Every fixture at 150, 200 and 300 dpi (rotation in [-1, 1], varied by fixture and
    resolution), plus one grey-scale 300 dpi scan each."""
    scans = []
    for index, slug in enumerate(slugs):
        for step, dpi in enumerate((150, 200, 300)):
            rotation = round(((index * 7 + step * 3) % 21 - 10) / 10, 1)
            scans.append(Scan(slug, dpi, rotation, (85, 75, 65)[(index + step) % 3]))
        scans.append(Scan(slug, 300, round((index % 5 - 2) / 4, 2), 80, grey=True))
    return scans


def page_image(page: Any, scan: Scan) -> Image.Image:
    """The page as the scanner saw it: rendered at ``scan.dpi``, turned, maybe grey."""
    pixmap = page.get_pixmap(dpi=scan.dpi, alpha=False)
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    if scan.rotation:
        image = image.rotate(scan.rotation, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    return image.convert("L") if scan.grey else image


def encode(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    if quality:
        image.save(buffer, format="JPEG", quality=quality, optimize=True, dpi=(0, 0))
    else:
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_scan(pdf: bytes, scan: Scan) -> bytes:
    """An image-only PDF: each page of ``pdf`` as an image on a page of the same size."""
    out = pymupdf.open()  # type: ignore[no-untyped-call]
    with pymupdf.open(stream=pdf, filetype="pdf") as source:  # type: ignore[no-untyped-call]
        for page in source:
            image = encode(page_image(page, scan), scan.quality)
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(target.rect, stream=image)  # type: ignore[no-untyped-call]
    out.set_metadata({"producer": "tools/make_scans.py", "creator": "tools/make_scans.py"})
    data: bytes = out.tobytes(garbage=3, deflate=True, no_new_id=True)  # type: ignore[no-untyped-call]
    out.close()  # type: ignore[no-untyped-call]
    return data


def scan_truth(truth: dict[str, Any], scan: Scan, data: bytes, pages: int) -> dict[str, Any]:
    """The fixture's truth for its scan (see the module docstring)."""
    result: dict[str, Any] = json.loads(json.dumps(truth))
    result["source"] = {"file": f"{scan.name}.pdf", "sha256": hashlib.sha256(data).hexdigest(),
                        "format": "pdf", "pages": pages, "ocr": True}
    if scan.grey:
        result["outcomes"][WITH] = result["outcomes"][WITHOUT] = None
        warnings = [w for w in result["warnings"] if w["code"] != "no_grid_colours"]
        warnings += [{"field": f"outcomes.{name}", "code": "no_grid_colours"} for name in (WITH, WITHOUT)]
        result["warnings"] = sorted(warnings, key=lambda w: (w["field"], w["code"]))
    return result


def write_scan(scan: Scan, out: Path) -> int:
    pdf = (PDF_FIXTURES / f"{scan.fixture}.pdf").read_bytes()
    truth = json.loads((PDF_FIXTURES / f"{scan.fixture}.expected.json").read_text(encoding="utf-8"))
    data = render_scan(pdf, scan)
    (out / f"{scan.name}.pdf").write_bytes(data)
    record = scan_truth(truth, scan, data, truth["source"]["pages"])
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    (out / f"{scan.name}.expected.json").write_text(text, encoding="utf-8")
    return len(data)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "fixtures" / "scans",
                        help="folder for <name>.pdf and <name>.expected.json")
    parser.add_argument("--all", action="store_true",
                        help="the full matrix (every fixture at 150/200/300 dpi + grey) instead of the committed set")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these scans (by name)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    slugs = sorted(path.stem for path in PDF_FIXTURES.glob("*.pdf"))
    scans = full_matrix(slugs) if args.all else list(SCANS)
    if args.only:
        scans = [scan for scan in scans if scan.name in args.only]
        if not scans:
            print(f"error: no scan named {args.only}", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for scan in scans:
        size = write_scan(scan, args.out)
        total += size
        print(f"{scan.name}.pdf: {size:>8} bytes, rotated {scan.rotation:+g} deg")
    print(f"{len(scans)} scans, {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
