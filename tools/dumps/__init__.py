"""Text dumps of snapshot PDFs as the tools people use produce them, each with its truth file.

`python -m tools.dumps PDF_DIR... --out DIR [--kinds k1,k2]` writes, for every `X.pdf` that has
`X.expected.json` beside it, one dump per kind (`X.<kind>.txt` or `.md`) and its truth
`X.<kind>.expected.json`. `python -m tools.dumps.run` generates every kind, runs the reader under
test (batch + eval) on each and prints a per-kind table. The kinds, the tool behind each and the
documented transformations are listed in `tools/dumps/README.md` and in `kinds.KINDS`.
"""
