-- Repeat candidates are found through the word index on every ranking: a GIN index's pending list
-- (fast update) is read in full by every search until a vacuum merges it, which after a bulk load
-- of recommendations made each search take hundreds of milliseconds. Entries go straight into the
-- index instead; writes of single recommendations hardly notice.
ALTER INDEX "Recommendation_searchVector_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Recommendation_searchVector_idx"'::regclass);
