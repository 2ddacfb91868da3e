-- category.updated events carry renames with their time; once one was applied, names from torrent
-- snapshots (which may be older, e.g. replayed or reindexed) no longer overwrite them.
alter table category add column names_updated_at timestamptz;
