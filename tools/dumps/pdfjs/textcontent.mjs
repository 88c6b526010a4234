// pdf.js text content as Firefox's PDF viewer copies it (Select All, Copy).
//
// The viewer's text layer (TextLayer in pdf.js) renders every text item of
// page.streamTextContent({includeMarkedContent: true, disableNormalization: true}) as a span with
// item.str and puts a <br> after every item with hasEOL; each page is its own block, so a selection
// over several pages reads as the pages joined by a newline. On "copy" the viewer writes
// removeNullCharacters(normalizeUnicode(selection.toString())) to the clipboard. This script does
// the same without a browser: items' str, "\n" after hasEOL, pages joined by "\n", then
// normalizeUnicode and NULs removed.
//
// Usage: node textcontent.mjs A.pdf B.pdf ...  -> JSON {"A.pdf": "text", ...} on stdout.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { getDocument, normalizeUnicode, version } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve("pdfjs-dist/package.json"));

async function pageText(page) {
  const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
  let text = "";
  for (const item of content.items) {
    if (typeof item.str !== "string") continue; // beginMarkedContent / endMarkedContent
    text += item.str;
    if (item.hasEOL) text += "\n";
  }
  return text;
}

async function documentText(file) {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({
    data,
    verbosity: 0,
    cMapUrl: path.join(root, "cmaps") + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, "standard_fonts") + path.sep,
  });
  const doc = await task.promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await pageText(await doc.getPage(n)));
    }
    return normalizeUnicode(pages.join("\n")).replaceAll("\u0000", "");
  } finally {
    await doc.destroy();
  }
}

const out = { "pdfjs-dist": version, texts: {} };
for (const file of process.argv.slice(2)) {
  out.texts[file] = await documentText(file);
}
process.stdout.write(JSON.stringify(out));
