-- Who rewrites an article: the web app's article page asks by source.
CREATE INDEX IF NOT EXISTS lineage_source ON lineage(source_id);
