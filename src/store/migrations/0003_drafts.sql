-- A draft saved by `audit --save` is stored like any article but marked, so
-- that its errors do not fill `contested` (listed only when asked).
ALTER TABLE articles ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;
