-- The markers of what a torrent's filters test (SearchText.filterMarkers): category, release group,
-- resolution and the trusted flag, as tsv lexemes a text search narrowed by those filters requires,
-- so the text index drops other matches before the heap is read. New snapshots carry them; this
-- adds them to the documents indexed before. The marker rules must stay those of SearchText.
update torrent_doc
set tsv = tsv || cast(concat_ws(' ',
        case when category_id is not null then '''category.' || category_id || ''':1A' end,
        case when release_group is not null
            then '''group.' || left(regexp_replace(lower(release_group), '[^a-z0-9]+', '-', 'g'), 100)
                 || ''':1A' end,
        case when resolution is not null
            then '''resolution.' || left(regexp_replace(lower(resolution), '[^a-z0-9]+', '-', 'g'), 100)
                 || ''':1A' end,
        case when trusted then '''flag.trusted'':1A' end) as tsvector)
where live;
