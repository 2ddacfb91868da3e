-- Text searches ranked among (or sorted by) the best-seeded matches. A GIN index cannot return
-- matches in seeders order, so taking the 1 000 best-seeded of 18 000 matches cost one heap visit
-- per match. These partial GIN indexes split the live rows into seeders bands (disjoint, together
-- all live rows); SearchRepository reads the bands best first and stops once it has enough, so a
-- search visits about the rows it needs (docs/search-service.md). The bounds must stay equal to
-- SearchRepository.SEEDER_BANDS; SeedersBandsIT checks each predicate against its band condition.
create index torrent_doc_tsv_s256 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 256;
create index torrent_doc_tsv_s128 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 128 and seeders < 256;
create index torrent_doc_tsv_s64 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 64 and seeders < 128;
create index torrent_doc_tsv_s32 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 32 and seeders < 64;
create index torrent_doc_tsv_s16 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 16 and seeders < 32;
create index torrent_doc_tsv_s8 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 8 and seeders < 16;
create index torrent_doc_tsv_s4 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 4 and seeders < 8;
create index torrent_doc_tsv_s2 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 2 and seeders < 4;
create index torrent_doc_tsv_s1 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders >= 1 and seeders < 2;
create index torrent_doc_tsv_s0 on torrent_doc using gin (tsv) with (fastupdate = off)
    where live and seeders < 1;

-- JIT compilation pays off for long analytical queries, never for these millisecond searches: the
-- banded search's plan carries estimates for bands it seldom reaches (a sequential scan of the
-- zero-seeders band for a common word), which put its cost above jit_above_cost, and compiling it
-- took ~440 ms of a 7 ms search. Off for every session of this database (the service's pool and
-- psql alike); a session may still turn it on.
do $$
begin
    execute format('alter database %I set jit = off', current_database());
end $$;
