"""Layout sweep: random City Innovation Snapshot PDFs from a seeded layout space, with truth.

Stages (one way): ``space`` samples a ``Layout`` (the design dimensions), ``content`` samples the
city's ``Content`` (what the document says), ``truth`` turns the content into the expected record,
``compose`` turns content + layout into blocks, and a producer module (``html_engine``,
``rl_engine``, ``fpdf_engine``, ``mupdf_engine``) renders the blocks into a PDF. ``runner`` renders
a corpus, runs ``snapshot-extract batch`` + ``eval`` and reports per producer and dimension value.
"""
