#!/usr/bin/env python3
"""Rebuild tests/html/{dev,test}/ from the two source snapshots and the
hand-checked article texts of claims/ (see README.md). Run from the repo root:
    python3 tests/html/make.py READABILITY_REPO GOOSE3_REPO
"""
import json, os, re, subprocess, sys

READABILITY, GOOSE = sys.argv[1], sys.argv[2]
MAX_BYTES = 400_000

# name: (split, source, expected date or None). Dates were read off each page
# (its date line, or its metadata, or its URL where the page shows none).
PAGES = {
    "aclu": ("dev", "r", "2018-04-05"),
    "ars-1": ("dev", "r", "2015-04-16"),
    "buzzfeed-1": ("dev", "r", "2015-04-21"),
    "citylab-1": ("dev", "r", "2019-04-30"),
    "cnn": ("dev", "r", "2016-02-01"),
    "engadget": ("dev", "r", "2017-11-03"),
    "gitlab-blog": ("dev", "r", "2024-06-25"),
    "iab-1": ("dev", "r", "2015-10-15"),
    "lwn-1": ("dev", "r", None),  # a weekly edition: edition and story dates differ
    "medicalnewstoday": ("dev", "r", "2017-07-27"),
    "nytimes-1": ("dev", "r", "2017-01-13"),
    "quanta-1": ("dev", "r", "2019-05-20"),
    "salon-1": ("dev", "r", "2015-02-01"),
    "seattletimes-1": ("dev", "r", "2019-04-28"),
    "simplyfound-1": ("dev", "r", "2016-02-29"),
    "spiceworks": ("dev", "r", "2020-07-10"),
    "theverge": ("dev", "r", "2023-06-07"),
    "tmz-1": ("dev", "r", "2015-02-26"),
    "wapo-1": ("dev", "r", "2015-03-18"),
    "wordpress": ("dev", "r", "2017-03-09"),
    "goose-aolNews": ("dev", "g", "2010-08-13"),
    "goose-espn": ("dev", "g", "2010-08-13"),
    "goose-issue115": ("dev", "g", "2014-06-03"),
    "goose-issue25": ("dev", "g", "2011-09-26"),
    "goose-issue28": ("dev", "g", "2011-10-05"),
    "goose-issue32": ("dev", "g", "2011-11-18"),
    "bbc-1": ("test", "r", "2015-07-24"),
    "cnet": ("test", "r", "2017-01-18"),
    "herald-sun-1": ("test", "r", "2015-03-13"),
    "nytimes-2": ("test", "r", "2016-07-29"),
    "telegraph": ("test", "r", "2017-11-16"),
    "wapo-2": ("test", "r", "2015-03-18"),
    "webmd-1": ("test", "r", "2015-02-23"),
    "webmd-2": ("test", "r", "2015-04-17"),
    "goose-cnn1": ("test", "g", "2010-08-13"),
    "goose-foxNews": ("test", "g", "2010-08-14"),
    "goose-huffingtonPost2": ("test", "g", "2011-10-06"),
    "goose-politico": ("test", "g", "2010-10-09"),
    "goose-testHuffingtonPost": ("test", "g", "2010-08-13"),
    "goose-time2": ("test", "g", "2011-08-24"),
}

# Readability's byline where it names the writers; None where it is a
# date, a site name or absent.
AUTHORS = {
    "aclu": "Daniel Kahn Gillmor", "ars-1": "Dan Goodin", "citylab-1": "Sarah Archer",
    "cnn": "Ahiza Garcia", "engadget": "Devindra Hardawar", "gitlab-blog": "Dave Steer",
    "iab-1": "Scott Cunningham", "lwn-1": "Nathan Willis", "medicalnewstoday": "Ana Sandoiu",
    "nytimes-1": "Jeffrey Gettleman", "quanta-1": "Joshua Sokol", "salon-1": "Joanna Rothkopf",
    "theverge": "Alex Heath", "wapo-1": "Erin Cunningham", "cnet": "Steven Musil",
    "herald-sun-1": "Joe Hildebrand", "nytimes-2": "Steven Davidoff Solomon",
    "wapo-2": "Steven Mufson", "webmd-1": "Brenda Goodman", "webmd-2": "Kelli Miller",
}


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", "HEAD:" + path],
                          check=True, capture_output=True).stdout


for name, (split, src, date) in PAGES.items():
    if src == "r":
        html = git_show(READABILITY, f"test/test-pages/{name}/source.html")
    else:
        html = git_show(GOOSE, f"tests/data/content/test_{name[len('goose-'):]}.html")
    assert len(html) <= MAX_BYTES, name
    text = open(f"claims/{split}/{name}.txt", encoding="utf-8").read()
    headline = " ".join(text.split("\n\n", 1)[0].split())
    out = f"tests/html/{split}"
    os.makedirs(out, exist_ok=True)
    open(f"{out}/{name}.html", "wb").write(html)
    open(f"{out}/{name}.txt", "w", encoding="utf-8").write(text)
    meta = {"title": headline, "published": date, "author": AUTHORS.get(name)}
    open(f"{out}/{name}.json", "w", encoding="utf-8").write(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
