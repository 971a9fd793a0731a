-- claimtrack store, schema version 1.
-- Forward-only: never edit a released migration; add the next file instead.

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id         INTEGER PRIMARY KEY,
    -- What makes two ingests the same article: the URL, else the file path,
    -- else (stdin) the text hash.
    key        TEXT NOT NULL UNIQUE,
    outlet_id  INTEGER REFERENCES outlets(id),
    url        TEXT,
    path       TEXT,
    title      TEXT,
    author     TEXT,
    published  TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_outlet ON articles(outlet_id);

CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- 1, 2, ... per article
    text        TEXT NOT NULL,
    hash        TEXT NOT NULL,             -- SHA-256 of text, hex
    format      TEXT NOT NULL,             -- text | markdown | html
    words       INTEGER NOT NULL,
    matched     INTEGER NOT NULL DEFAULT 0, -- 1 once matched against the rest of the store
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (article_id, seq)
);
CREATE INDEX versions_hash ON versions(hash);

-- Full-text search over article text (external content: versions.text).
-- Rows are added by the application when it commits a batch of articles
-- (one FTS5 flush per batch, not per article); deletes are kept in step here.
CREATE VIRTUAL TABLE versions_fts USING fts5(text, content='versions', content_rowid='id');
CREATE TRIGGER versions_ad AFTER DELETE ON versions BEGIN
    INSERT INTO versions_fts(versions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE speakers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                    -- fullest form ("Alexander Bortnikov")
    kind TEXT NOT NULL,                    -- person | organisation | publication | document | anonymous
    UNIQUE (name, kind)
);

CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,              -- as written ("Gen. Alexander Bortnikov", "Bortnikov")
    PRIMARY KEY (speaker_id, alias)
);
CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);

CREATE TABLE quotes (
    id                 INTEGER PRIMARY KEY,
    version_id         INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    start              INTEGER NOT NULL,   -- byte offsets into versions.text
    end                INTEGER NOT NULL,
    text               TEXT NOT NULL,
    kind               TEXT NOT NULL,      -- direct | partial | nested | indirect
    speaker_id         INTEGER REFERENCES speakers(id),
    speaker_as_written TEXT,
    speaker_title      TEXT,
    cue                TEXT,
    via                TEXT
);
CREATE INDEX quotes_version ON quotes(version_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

-- Full-text search over quotes; rows added with their version's batch.
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE figures (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,              -- money | count | percent | duration | date | year | other
    value      REAL,
    high       REAL,
    unit       TEXT,
    qualifier  TEXT,
    counts     TEXT,
    date       TEXT,
    linked_to  INTEGER REFERENCES figures(id)
);
CREATE INDEX figures_version ON figures(version_id);

-- A claim: one thing said or one fact, as covered by several articles.
-- Rebuilt from `matches` after each matching run (ids are not stable).
CREATE TABLE claims (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,               -- quote | figure | narration
    summary   TEXT NOT NULL,               -- the words of its first item
    contested INTEGER NOT NULL DEFAULT 0,
    severity  TEXT,                        -- most serious reason, if contested
    reasons   TEXT NOT NULL DEFAULT '[]',  -- JSON array of reasons over its pairs
    articles  INTEGER NOT NULL,            -- how many articles cover it
    detail    TEXT NOT NULL                -- JSON: the claim as the matcher made it
);

CREATE VIRTUAL TABLE claims_fts USING fts5(summary, content='claims', content_rowid='id');
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, summary) VALUES ('delete', old.id, old.summary);
END;

-- A pair of items from two articles' latest versions that speak of the
-- same thing. Items are quotes, figures, or narration (the narrator's own
-- words), located by kind, index and byte range in their version.
CREATE TABLE matches (
    id        INTEGER PRIMARY KEY,
    claim_id  INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    a_version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    b_version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,               -- quote | figure (of the a side)
    label     TEXT NOT NULL,               -- restates | diverges
    reasons   TEXT NOT NULL DEFAULT '[]',  -- JSON array: value, unit, qualifier, attribution, speaker, wording, speaker_title
    score     REAL NOT NULL,
    detail    TEXT NOT NULL                -- JSON: the pair as the matcher made it (items, basis, word diff)
);
CREATE INDEX matches_a ON matches(a_version);
CREATE INDEX matches_b ON matches(b_version);
CREATE INDEX matches_claim ON matches(claim_id);

-- Rewrites: an article whose material largely comes from an earlier one.
CREATE TABLE lineage (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    share      REAL NOT NULL,              -- share of its sentences found in the source
    quote_share REAL NOT NULL,             -- share of its quotes found in the source
    detail     TEXT NOT NULL               -- JSON: the derivation as the matcher made it
);
