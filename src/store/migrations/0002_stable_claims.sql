-- Claims become clusters with stable ids. A claim keeps its id from one
-- matching run to the next; a claim that joins another is kept as a row
-- that says where it went (`merged_into`), and one split off another says
-- where it came from (`split_from`). Only live claims are listed.
ALTER TABLE claims ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
ALTER TABLE claims ADD COLUMN merged_into INTEGER REFERENCES claims(id) ON DELETE SET NULL;
ALTER TABLE claims ADD COLUMN split_from INTEGER REFERENCES claims(id) ON DELETE SET NULL;

CREATE TRIGGER claims_au AFTER UPDATE OF summary ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, summary) VALUES ('delete', old.id, old.summary);
    INSERT INTO claims_fts(rowid, summary) VALUES (new.id, new.summary);
END;

-- Every item of a claim, one row each: quotes and figures by index in
-- their version, narration by sentence number. An item that repeats
-- another word for word (a reprint: the same quote, speaker, title and cue,
-- or the same figure with the same words around it) names the item it
-- repeats; only the first of a form is compared with other items.
CREATE TABLE claim_items (
    version_id  INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,             -- quote | figure | narration
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    reprint_of  INTEGER,                   -- version of the item it repeats
    reprint_idx INTEGER,                   -- that item's index
    PRIMARY KEY (version_id, kind, idx)
) WITHOUT ROWID;
CREATE INDEX claim_items_claim ON claim_items(claim_id);

-- The items of the claims made before, so their ids carry over.
INSERT OR IGNORE INTO claim_items (version_id, kind, idx, start, end, claim_id)
SELECT v.id, json_extract(i.value, '$.kind'), json_extract(i.value, '$.index'),
       json_extract(i.value, '$.start'), json_extract(i.value, '$.end'), c.id
FROM claims c, json_each(c.detail, '$.items') i
JOIN versions v ON v.article_id = json_extract(i.value, '$.article')
WHERE v.seq = (SELECT max(seq) FROM versions WHERE article_id = v.article_id);

-- The matching index, so that a run reads only the stored articles its new
-- ones may match: a sketch of each matched article's blocking keys (a few
-- per quote and figure, one per narration sentence; none for reprints) ...
CREATE TABLE blocking (
    key        INTEGER NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    PRIMARY KEY (key, version_id)
) WITHOUT ROWID;
-- ... and the first item of each form (a hash of what scoring reads), so
-- that a reprint finds the item it repeats.
CREATE TABLE forms (
    form       INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    idx        INTEGER NOT NULL
);
CREATE INDEX forms_version ON forms(version_id);

-- Facts about the store: `index` is `built`, or `missing` in a store made
-- before the index existed (the next matching run builds it).
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO store_meta (key, value)
SELECT 'index', CASE WHEN EXISTS (SELECT 1 FROM versions WHERE matched) THEN 'missing' ELSE 'built' END;
