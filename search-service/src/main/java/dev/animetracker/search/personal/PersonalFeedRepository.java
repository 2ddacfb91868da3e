package dev.animetracker.search.personal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the personal feed: a user's matches of live torrents, newest first. */
@Repository
class PersonalFeedRepository {

  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  PersonalFeedRepository(JdbcClient jdbc, JsonMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  List<PersonalFeed.Match> page(long userId, int offset, int limit) {
    return jdbc.sql(
            """
            select m.torrent_id, m.matched_at, m.matched_by from watch_match m
            join torrent_doc d on d.id = m.torrent_id and d.live
            where m.user_id = :u
            order by m.matched_at desc, m.torrent_id desc offset :offset limit :limit
            """)
        .param("u", userId)
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new PersonalFeed.Match(
                    rs.getLong("torrent_id"),
                    rs.getTimestamp("matched_at").toInstant(),
                    mapper.readValue(
                        rs.getString("matched_by"),
                        new TypeReference<List<PersonalFeed.MatchedBy>>() {})))
        .list();
  }

  long count(long userId) {
    return jdbc.sql(
            """
            select count(*) from watch_match m join torrent_doc d on d.id = m.torrent_id and d.live
            where m.user_id = :u
            """)
        .param("u", userId)
        .query(Long.class)
        .single();
  }
}
