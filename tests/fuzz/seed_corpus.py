#!/usr/bin/env python3
"""Write the starting fuzz corpus: the seed articles, pieces of them, and
mutated copies (truncated, unbalanced, NUL bytes, CRLF, right-to-left text,
malformed HTML, Markdown, extreme figures). Run once from the repository
root; the fuzzers then add what they find (see tests/fuzz/README.md)."""
import glob, hashlib, html, json, os, re

root = "tests/fuzz/corpus"
seeds = sorted(glob.glob("seeds/*.txt"))
texts = [open(p, "rb").read() for p in seeds]


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    os.makedirs(f"{root}/{target}", exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(f"{root}/{target}/{name}", "wb") as f:
        f.write(data)


def chunks(t, n=3):
    paras = t.split(b"\n\n")
    for i in range(0, len(paras), n):
        yield b"\n\n".join(paras[i : i + n])


QUOTES = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a-\u2013\u2014\u2212"
for t in texts:
    s = t.decode()
    put("extract", t)
    for c in chunks(t):
        put("extract", c)
    put("extract", t[: len(t) // 2 + 1])  # cut mid-character, mid-quote
    put("extract", s.replace("\u201d", ""))  # no closing quotes
    put("extract", s.replace("\u201c", '"').replace("\u201d", '"'))
    put("extract", s.replace("\n", "\r\n"))
    put("extract", s.replace(" said", "\0said"))
    put("extract", s[:2000].replace("the", "\u05e9\u05dc\u05d5\u05dd"))
    put("extract", t[:1500] + b"\xff\xfe\xc3(" + t[1500:3000])
    put("extract", s[:1000].replace(" ", QUOTES, 40))
put("extract", "\u201c" * 3000)
put("extract", '"a said " ' * 300)
put("extract", "\u201cOne, \u2018two, \u201cthree,\u201d she said,\u2019 he said,\u201d they said." * 20)
put("extract", "According to officials, " * 100 + "it was.")
put("extract", "He said that she said that " * 100)

for i, t in enumerate(texts):
    s = t.decode()
    paras = [p for p in s.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paras)
    title = html.escape(paras[0][:120])
    doc = (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Outlet {i}">'
        f'<meta property="article:published_time" content="2021-05-1{i}T10:00:00Z">'
        f"<style>p {{ color: red }}</style></head><body><nav><a href=/>Home</a></nav>"
        f"<article>{body}</article><script>var x = '\u201cnot a quote\u201d';</script>"
        f"<footer>Share</footer></body></html>"
    )
    put("html", doc)
    put("html", doc[: len(doc) // 2])  # truncated mid-tag or mid-text
    put("html", doc.replace("</p>", ""))  # unclosed paragraphs
    put("html", doc.replace("\u201c", "&ldquo;").replace("\u201d", "&#8221;"))
    put("html", doc.replace("<p>", "<p><!-- ", 3))  # unterminated comments
    md = f"# {paras[0]}\n\n" + "\n\n".join(
        re.sub(r"(\w+ \w+)", r"**\1**", p, count=1) for p in paras[1:]
    )
    put("html", md + "\n\n```\ncode \u201cquote\u201d\n```\n[link](http://x)")
put("html", "<div>" * 2000 + "text" + "</div>" * 2000)
put("html", "<p>" + "<b>" * 500 + "\u201cDeep,\u201d he said.")
put("html", "<![CDATA[ \u201ca\u201d ]]><p a='1\" b=>x</p><<<>>>&amp;&#x0;&#99999999;&bogus;")
put("html", "<title>May 14, 2021</title><meta property=og:title content='&lt;b&gt;'><p>x")
put("html", "<textarea><p>\u201cnot text,\u201d</textarea><plaintext><p>\u201cplain\u201d")

for path in sorted(glob.glob("claims/*.json")):
    gold = json.load(open(path))
    text = open("seeds/" + os.path.basename(path)[:-5] + ".txt", "rb").read()
    for f in gold["figures"]:
        put("figures", f["text"])
        put("figures", text[max(0, f["start"] - 80) : f["end"] + 80])
for s in [
    "nearly 1e999 rubles",
    "$1,000,000,000,000,000,000,000,000,000 trillion",
    "99999999999999999999999999999999 percent",
    "between 2009-11 and 2012\u20132017",
    "October 31, 2016; 31 October 2016; 2016-10-31; Feb 30, 2021",
    "more than -0.000000000000001 billion",
    "\u00a3\u20ac$\u00a5 3.5.5 million,, 1,2,3,4 thousand",
    "at least seven, nearly three billion rubles ($45 million), 122 partner countries",
    "0x1F 1_000 \u0663\u0664 \u00bd of \u2153 a dozen dozen",
]:
    put("figures", s)

# html_shapes: each shape is (kind, repeat count / 4 as u16 LE, fragment
# length, fragment); see claimtrack::fuzz::build_shapes.
def shape(kind, n, frag=b""):
    return bytes([kind]) + (n // 4).to_bytes(2, "little") + bytes([len(frag)]) + frag


text = "\u201cWe are ready,\u201d Bortnikov said, citing $45 million.".encode()
for data in [
    shape(0, 60000, b"x") + shape(2, 4, text),  # 60,000 a="1" attributes
    shape(0, 200000, b"") + shape(2, 4, text),  # the same, denser
    shape(0, 60000, b"ab") + shape(0, 60000, b"abc"),  # unquoted, single-quoted
    shape(1, 100000, b"") + shape(2, 4, text) + shape(6, 100000),  # deep nesting
    shape(1, 50000, b" class='x'") + shape(2, 4, text),  # deep and never closed
    shape(3, 200000, b"&amp;\"") + shape(2, 4, text),  # a long attribute value
    shape(4, 200000, b" a='b'") + shape(2, 4, text),  # a long tag name
    shape(5, 100000, b"-- <p a=\"1\">") + shape(2, 4, text),  # a long comment
    shape(5, 100000, b"x") + shape(2, 4, text),  # an unterminated comment
]:
    put("html_shapes", data)
for k in range(6):  # every attribute form, each a wide tag
    put("html_shapes", shape(0, 60000, b"x" * k) + shape(2, 4, text))
for kind in range(1, 7):  # every shape small, between article text
    put("html_shapes", shape(2, 4, text) + shape(kind, 8, "<b>\u201cq\u201d</b>".encode()) + shape(2, 4, text))
