-- When the tracker observed the swarm counts stored in seeders/leechers/completed (tracker-stats).
-- Only newer observations are applied, so redelivered and reordered stats events are harmless.
alter table torrent add column stats_observed_at timestamptz;
