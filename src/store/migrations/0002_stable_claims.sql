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
