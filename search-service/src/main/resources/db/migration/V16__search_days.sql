-- Searches per UTC day for the moderators' stats page (docs/search-service.md, "Moderator stats").
-- Searches are not stored: each instance counts in memory and adds its increments here every few
-- seconds with an upsert, so several instances add up. V15 is left free for another branch.
create table search_day (
    day      date   primary key,
    searches bigint not null check (searches >= 0)
);
