"""Sources someone typed or saved the snapshot in, turned into the markdown the line reader knows.

Each a rule on the whole dump, applied only where the dump shows that source several times:

* a rich-text file saved as text (``{\\rtf1 …``): its text, by the ``striprtf`` package (control
  words and font and colour tables dropped, ``\\u263?`` and ``\\'e9`` decoded, a table's cells one
  a line);
* an e-mail saved with its headers (``Content-Type``, ``Content-Transfer-Encoding``): its text
  body, decoded as the headers say (quoted-printable, base64, its charset) by the standard
  library's ``email`` package (``mail_text``);
* a forum post in BBCode: ``[b]…[/b]`` is bold, ``[*]`` a bullet, ``[url=…]`` its address, every
  other tag (``[size=4]``, ``[quote]``, ``[list]``) is dropped;
* a LaTeX source: ``\\section{…}`` and ``\\title{…}`` are headings, ``\\textbf{…}`` bold,
  ``\\item`` a bullet (``\\item[Mayor:] …`` a label and its value), ``\\url{…}`` its address, a
  tabular row's ``&`` parts cells, the preamble and ``\\begin``/``\\end`` lines are blank;
* an AsciiDoc source: ``= Title`` and ``== Section`` are headings, a block's ``.Title`` its own
  line, attribute lines (``:doctype: article``), block styles (``[sidebar]``) and delimiters
  (``****``) are blank (its ``Label:: value`` lists the line reader knows);
* a Confluence, Jira or Textile page: ``h1.`` to ``h6.`` are headings (Textile's attributes,
  ``h2(#id).``, and an ``{anchor:…}`` in one dropped), a block's ``bq.`` or ``p.`` left out
  (a ``*bold*`` run opening it its title, a line of its own), a ``||Label|value|`` row a table row, a macro's title
  (``{panel:title=…}``) its own line and every other macro tag blank, as is a line of HTML tags;
  HTML entities are decoded;
* a reStructuredText source (headings underlined): a field list's ``:Mayor: Jane Roe`` is a
  label and its value, an admonition's title (``.. admonition:: Spotlight | X``) its own line and
  every other directive line blank;
* a troff source (``-ms``, ``-man``): ``.TL``, ``.NH``, ``.SH`` and ``.SS`` make the next line a
  heading, ``.IP`` a bullet (``\\(bu``) or a label over its value, the other requests and comments
  are blank; font escapes (``\\fB``) dropped, named characters (``\\(em``) their letters;
* a Perl POD source: ``=head1`` to ``=head4`` are headings, ``=item`` a bullet (its text on its
  line or in the paragraph after it), ``B<…>`` bold, the other formatting codes their text
  (``L<text|url>`` its text), and the other commands (``=over``, ``=back``, ``=cut``) blank;
* an HTML page or a feed's entry (its markup escaped, ``&lt;h2&gt;``, or not) whose paragraphs, list
  items and headings are tags, not lines: each its own line (a heading ``##``, an item ``-``, a
  table cell set apart by ``|``), ``<strong>`` bold, entities decoded, scripts and styles dropped,
  by the standard library's ``html.parser``;
* MediaWiki's ``'''bold'''`` and ``''italic''``; DokuWiki's ``//italic//``, unformatted ``%%…%%``
  and forced line breaks (``\\\\``) in a page of wiki headings (``===== Heading =====``).
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from email.message import EmailMessage
from html.parser import HTMLParser

MIN_MARKS = 5  # a source shows this many of its marks before its rule applies
MIN_HEADINGS = 3  # AsciiDoc: this many "== Section" lines (its other marks are a chat's ":emoji:" too)

_MAIL_HEADER_RE = re.compile(rb"^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n")
_MIME_RE = re.compile(rb"^(?:Content-Type|Content-Transfer-Encoding|MIME-Version):", re.IGNORECASE | re.MULTILINE)

_BBCODE_RE = re.compile(r"\[(/?)([a-z*]+|h[1-6])(?:=([^\]]*))?\]", re.IGNORECASE)
_BBCODE_TAGS = {"b", "i", "u", "s", "size", "color", "colour", "font", "url", "quote", "list", "*", "center",
                "left", "right", "code", "spoiler", "h1", "h2", "h3", "h4", "h5", "h6", "img", "table", "tr", "td"}
_BBCODE_URL_RE = re.compile(r"\[url=([^\]]+)\][^\[]*\[/url\]|\[url\]([^\[]+)\[/url\]", re.IGNORECASE)
_BBCODE_BOLD_RE = re.compile(r"\[b\](.+?)\[/b\]", re.IGNORECASE)
_BBCODE_ITEM_RE = re.compile(r"^\s*\[\*\]\s*")

_LATEX_RE = re.compile(r"\\(section|subsection|subsubsection|paragraph|title|textbf|textit|emph|item|begin|end|url|href"
                       r"|documentclass|usepackage|maketitle)\b")
_LATEX_BLANK_RE = re.compile(r"^\s*\\(?:documentclass|usepackage|maketitle|begin|end|hline|centering|noindent"
                             r"|vspace|newpage|clearpage|author|date)\b.*$")
_LATEX_HEADING_RE = re.compile(r"^\s*\\(title|(?:sub)*section|paragraph)\*?\{(.*)\}\s*$")
_LATEX_LABEL_ITEM_RE = re.compile(r"^\s*\\item\s*\[([^\]]*)\]\s*")
_LATEX_ITEM_RE = re.compile(r"^\s*\\item\b\s*")
_LATEX_BOLD_RE = re.compile(r"\\textbf\{([^{}]*)\}")
_LATEX_HREF_RE = re.compile(r"\\href\{([^{}]*)\}\{[^{}]*\}")
_LATEX_COMMAND_RE = re.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}")  # \url{x}, \emph{x}: x
_LATEX_SPACING_RE = re.compile(r"\\\\(?:\[[^\]]*\])?|\\hline|\\[,;:!]")  # line breaks, rules, thin spaces
_LATEX_CELL_RE = re.compile(r"(?<!\\)&")
_LATEX_ESCAPED_RE = re.compile(r"\\([&%$#_{}])")

_ASCIIDOC_HEADING_RE = re.compile(r"^(=+)[^\S\n]+(\S.*?)[^\S\n]*$", re.MULTILINE)  # one line each
_ASCIIDOC_BLANK_RE = re.compile(r"^(?::[\w-]+:.*|\[[\w-]+(?:[,#.%][^\]]*)?\]|(\*|=|-|\.|_|\+)\1{3,})\s*$")
_ASCIIDOC_BLOCK_TITLE_RE = re.compile(r"^\.(?=[^\s.])")

# "h2. Heading"; Textile's may carry attributes: "h2(#what-is). Heading", "h3{color:red}. Heading"
_CONFLUENCE_HEADING_RE = re.compile(r"^h([1-6])(?:\([^)\n]*\)|\{[^}\n]*\}|\[[^\]\n]*\]|[<>=]+)*\.\s+", re.MULTILINE)
_HTML_TAG_LINE_RE = re.compile(r"^\s*(?:</?[a-zA-Z][^>]*>\s*)+$")  # Textile's raw "<div class=...>" lines
_CONFLUENCE_MACRO_RE = re.compile(r"^\s*\{(\w+)(?::([^}]*))?\}\s*$")  # {panel:title=Spotlight | X}, {panel}
_CONFLUENCE_TITLE_RE = re.compile(r"(?:^|\|)title=(.+?)(?=\|\w+=|$)")  # up to the next "|key=" (a title may hold "|")
_CONFLUENCE_ANCHOR_RE = re.compile(r"\{anchor(?::[^}]*)?\}")  # Jira's "h2. {anchor:what-is}What is ...?"
_TEXTILE_BLOCK_RE = re.compile(r"^(?:bq|p)(?:\([^)\n]*\))?\.\s+")  # "bq. *Spotlight | X* text": the block's text
_TEXTILE_BOLD_RE = re.compile(r"^\*([^*\s][^*\n]*)\*(?=\s|$)")

_RST_UNDERLINE_RE = re.compile(r"^([^\s\n].*)\n([=\-~^*#+\"'`])\2{2,}[^\S\n]*$", re.MULTILINE)
_RST_FIELD_RE = re.compile(r"^:([^:\n]{1,60}):(?:[^\S\n]+|$)", re.MULTILINE)
_RST_DIRECTIVE_RE = re.compile(r"^\.\. [\w-]+::[^\S\n]*(.*)$", re.MULTILINE)  # ".. admonition:: Title", ".. note::"

_TROFF_REQUEST_RE = re.compile(r"^\.(?:\\\"|[A-Za-z]{1,3}\b)", re.MULTILINE)  # ".PP", ".IP", '.\" comment'
_TROFF_HEADING = frozenset({"TL", "NH", "SH", "SS"})
_TROFF_ITEM_RE = re.compile(r'^\.IP\s+(?:"([^"]*)"|(\S+))?')
_TROFF_FONT_RE = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)")  # \fB, \fP, \f(CW, \f[B]
_TROFF_CHARS = {"\\(bu": "•", "\\(em": "—", "\\(en": "–", "\\(hy": "-", "\\-": "-", "\\&": "", "\\e": "\\",
                "\\(lq": "“", "\\(rq": "”", "\\(oq": "‘", "\\(cq": "’"}
MIN_REQUESTS = 10  # troff requests at least, each on a line of its own, for a dump to be a troff source

_POD_HEADING_RE = re.compile(r"^=head([1-4])[^\S\n]+", re.MULTILINE)
_POD_ITEM_RE = re.compile(r"^=item[^\S\n]*(?:[*\-]|\d+\.?)?[^\S\n]*(?:\n[^\S\n]*)*", re.MULTILINE)  # text after a blank
_POD_COMMAND_RE = re.compile(r"^=(?:over|back|cut|pod|encoding|begin|end|for)\b.*$", re.MULTILINE)
_POD_CODE_RE = re.compile(r"([BICFSLEXZ])(?:<<+\s(.*?)\s>>+|<([^<>]*)>)")  # B<bold>, C<< code >>

_HTML_BLOCK_RE = re.compile(r"<(?:p|li|h[1-6]|tr|td)\b[^<>\n]*>", re.IGNORECASE)  # tags that are lines, or cells
_ESCAPED_BLOCK_RE = re.compile(r"&lt;(?:p|li|h[1-6]|tr|td)\b.{0,200}?&gt;", re.IGNORECASE)
# a page saved whole (an export's note: "<?xml …?>", "<!DOCTYPE html>", then <div>s and <br>s)
_HTML_PAGE_RE = re.compile(r"^\s*(?:<\?xml[^<>]*>\s*)?(?:<!doctype html\b|<html\b)", re.IGNORECASE)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n]+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")

# a wiki heading between runs of "=" (a line each): MediaWiki's "=== Heading ===", DokuWiki's
# "===== Heading ====="; the line reader takes its text (group 2)
WIKI_HEADING_RE = re.compile(r"^(={1,6})[^\S\n]*([^=\s].*?)[^\S\n]*\1[^\S\n]*$", re.MULTILINE)
_DOKUWIKI_NOWIKI_RE = re.compile(r"%%(.*?)%%")  # DokuWiki's unformatted text: "https:%%//%%www.x.pt"
_DOKUWIKI_ITALIC_RE = re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")  # "//Education · Culture//", not "https://"
_DOKUWIKI_BREAK_RE = re.compile(r"[^\S\n]*\\\\(?:[^\S\n]+|(?=\n)|$)")  # its forced line break "\\ "

_WIKI_BOLD_RE = re.compile(r"'''(.+?)'''")
_WIKI_ITALIC_RE = re.compile(r"''(.+?)''")


def mail_text(data: bytes) -> str | None:
    """The text body of an e-mail saved with its MIME headers, decoded; None for any other dump."""
    head = _MAIL_HEADER_RE.match(data)
    if head is None or not _MIME_RE.search(head.group()):
        return None
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain",))
    if body is None:
        return None
    try:
        text = body.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken transfer encoding: read as it is
        return None
    return text if isinstance(text, str) else None


def typed_markup(text: str) -> str:
    """``text`` with an RTF, BBCode, LaTeX, AsciiDoc, Confluence, reStructuredText or wiki source
    turned into markdown (see the module docstring)."""
    if len(_ESCAPED_BLOCK_RE.findall(text)) >= MIN_MARKS:  # a feed's entry: its HTML escaped
        text = html.unescape(text)
    if _HTML_PAGE_RE.match(text) or sum(
            1 for line in text.split("\n") if len(_HTML_BLOCK_RE.findall(line)) >= 2) >= MIN_MARKS:
        text = _from_html(text)
    if text.startswith("{\\rtf"):
        from striprtf.striprtf import rtf_to_text  # only an RTF file pays its import

        text = rtf_to_text(text)  # type: ignore[no-untyped-call]  # (striprtf has no type hints)
    text = _typed_source(text)
    wiki_headings = sum(1 for heading in WIKI_HEADING_RE.finditer(text) if len(heading.group(1)) > 1)
    if wiki_headings >= MIN_HEADINGS and ("%%" in text or "\\\\" in text):  # DokuWiki
        text = _DOKUWIKI_ITALIC_RE.sub(r"\1", text)  # before "%%//%%" gives its "//" back to an address
        text = _DOKUWIKI_BREAK_RE.sub(" ", _DOKUWIKI_NOWIKI_RE.sub(r"\1", text))
    if text.count("'''") >= 2 * MIN_MARKS:
        text = _WIKI_ITALIC_RE.sub(r"\1", _WIKI_BOLD_RE.sub(r"**\1**", text))
    return text


def _typed_source(text: str) -> str:
    """``text`` turned from the one typed source it shows (BBCode, LaTeX, AsciiDoc, Confluence,
    reStructuredText, POD, troff) into markdown, else as it is."""
    if sum(1 for tag in _BBCODE_RE.finditer(text) if tag.group(2).lower() in _BBCODE_TAGS) >= MIN_MARKS:
        text = "\n".join(_from_bbcode(line) for line in text.split("\n"))
    elif len(_LATEX_RE.findall(text)) >= MIN_MARKS:
        text = "\n".join(_from_latex(line) for line in text.split("\n"))
    elif sum(1 for heading in _ASCIIDOC_HEADING_RE.finditer(text) if _asciidoc(heading)) >= MIN_HEADINGS:
        text = "\n".join(_from_asciidoc(line) for line in text.split("\n"))
    elif len(_CONFLUENCE_HEADING_RE.findall(text)) >= MIN_HEADINGS:
        text = "\n".join(_from_confluence(line) for line in text.split("\n"))
    elif sum(1 for heading in _RST_UNDERLINE_RE.finditer(text) if _underlines(heading)) >= MIN_HEADINGS:
        text = _RST_FIELD_RE.sub(r"\1: ", text) if ":" in text else text
        text = _RST_DIRECTIVE_RE.sub(r"\1", text)
    elif len(_POD_HEADING_RE.findall(text)) >= MIN_HEADINGS:
        text = _from_pod(text)
    elif len(_TROFF_REQUEST_RE.findall(text)) >= MIN_REQUESTS:
        text = _from_troff(text)
    return text


def _from_bbcode(line: str) -> str:
    bullet = "- " if _BBCODE_ITEM_RE.match(line) else ""
    line = _BBCODE_ITEM_RE.sub("", line)
    line = _BBCODE_URL_RE.sub(lambda match: match.group(1) or match.group(2), line)
    line = _BBCODE_BOLD_RE.sub(r"**\1**", line)
    line = _BBCODE_RE.sub(lambda tag: "" if tag.group(2).lower() in _BBCODE_TAGS else tag.group(), line)
    return bullet + line


def _asciidoc(heading: re.Match[str]) -> bool:
    """An AsciiDoc heading has no closing marks (MediaWiki's "== Heading ==" has)."""
    return not heading.group(2).endswith("=")


def _from_asciidoc(line: str) -> str:
    if _ASCIIDOC_BLANK_RE.match(line):
        return ""
    heading = _ASCIIDOC_HEADING_RE.match(line)
    if heading is not None and _asciidoc(heading):
        return "#" * len(heading.group(1)) + " " + heading.group(2)
    return _ASCIIDOC_BLOCK_TITLE_RE.sub("", line)


def _from_confluence(line: str) -> str:
    if _HTML_TAG_LINE_RE.match(line):
        return ""
    line = html.unescape(line) if "&" in line else line  # Textile escapes: "Anne&#45;Sophie"
    if macro := _CONFLUENCE_MACRO_RE.match(line):
        title = _CONFLUENCE_TITLE_RE.search(macro.group(2) or "")
        return title.group(1).strip() if title else ""
    line = _CONFLUENCE_ANCHOR_RE.sub("", line)
    if block := _TEXTILE_BLOCK_RE.match(line):  # a block opening in bold: its title, on a line of its own
        line = _TEXTILE_BOLD_RE.sub(r"**\1**\n", line[block.end() :]).replace("\n ", "\n")
    line = _CONFLUENCE_HEADING_RE.sub(lambda heading: "#" * int(heading.group(1)) + " ", line)
    return line.replace("||", "| ") if line.startswith("||") else line


def _from_troff(text: str) -> str:
    out: list[str] = []
    heading = False  # the next text line is a heading
    for line in text.split("\n"):
        if request := _TROFF_REQUEST_RE.match(line):
            name = request.group()[1:]
            heading = name in _TROFF_HEADING
            item = _TROFF_ITEM_RE.match(line) if name == "IP" else None
            label = _troff_text((item.group(1) or item.group(2) or "") if item else "")
            out.append("" if not label else "- " if label == "•" else label)
            continue
        line = _troff_text(line)
        out.append(("## " + line if heading else line) if line else "")
        heading = heading and not line
    joined = "\n".join(out).replace("- \n", "- ")  # a bullet's text on the line after its .IP
    return _BLANK_LINES_RE.sub("\n\n", joined)


def _troff_text(text: str) -> str:
    text = _TROFF_FONT_RE.sub("", text)
    for escape, letters in _TROFF_CHARS.items():
        text = text.replace(escape, letters)
    return text.strip()


def _from_pod(text: str) -> str:
    text = _POD_COMMAND_RE.sub("", text)
    text = _POD_HEADING_RE.sub(lambda heading: "#" * int(heading.group(1)) + " ", text)
    text = _POD_ITEM_RE.sub("- ", text)
    while _POD_CODE_RE.search(text):  # innermost first: B<I<x>>
        text = _POD_CODE_RE.sub(_pod_code, text)
    return text


def _pod_code(code: re.Match[str]) -> str:
    inner = code.group(2) if code.group(2) is not None else code.group(3)
    if code.group(1) == "B":
        return f"**{inner}**"
    if code.group(1) == "L":
        return inner.split("|", 1)[0]
    return "" if code.group(1) in "XZ" else inner


def _underlines(heading: re.Match[str]) -> bool:
    """A reStructuredText heading: its underline as long as its text at least."""
    text, underline = heading.group(0).split("\n")
    return len(underline.rstrip()) >= len(text.rstrip())


def _from_latex(line: str) -> str:
    if _LATEX_BLANK_RE.match(line):
        return ""
    if heading := _LATEX_HEADING_RE.match(line):
        return ("# " if heading.group(1) == "title" else "## ") + _latex_text(heading.group(2))
    if label := _LATEX_LABEL_ITEM_RE.match(line):
        return f"{label.group(1)} {_latex_text(line[label.end():])}"
    if item := _LATEX_ITEM_RE.match(line):
        return "- " + _latex_text(line[item.end():])
    if _LATEX_CELL_RE.search(line):
        return "| " + " | ".join(_latex_text(cell) for cell in _LATEX_CELL_RE.split(line)) + " |"
    return _latex_text(line)


def _latex_text(text: str) -> str:
    text = _LATEX_SPACING_RE.sub(" ", text)
    text = _LATEX_HREF_RE.sub(r"\1", _LATEX_BOLD_RE.sub(r"**\1**", text))
    while _LATEX_COMMAND_RE.search(text):
        text = _LATEX_COMMAND_RE.sub(r"\1", text)
    text = _LATEX_ESCAPED_RE.sub(r"\1", text).replace("---", "\u2014").replace("--", "\u2013").replace("~", " ")
    return text.strip()


class _HtmlLines(HTMLParser):
    """An HTML source's text, a line per paragraph, heading, list item, table row and any other
    element that is not inline (a feed's ``<id>``) (see the module docstring)."""

    INLINE = frozenset({"a", "span", "em", "i", "u", "s", "code", "small", "sub", "sup", "abbr", "mark", "font",
                        "img", "label", "q", "cite", "time", "strong", "b"})  # every other element is a line
    SKIPPED = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag not in self.INLINE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag not in self.INLINE and tag not in ("li", "td", "th"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_HTML_SPACE_RE.sub(" ", data))


def _from_html(text: str) -> str:
    parser = _HtmlLines()
    parser.feed(text)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip("\n")
