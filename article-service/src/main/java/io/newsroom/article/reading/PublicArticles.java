package io.newsroom.article.reading;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.Articles;
import io.newsroom.events.EventJson;
import io.newsroom.events.HeroImage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read-only queries for the public API. */
@Repository
class PublicArticles {

    /** Teasers read only their own columns: Latest News never loads bodies. */
    private static final String TEASER_COLUMNS = "a.id, a.slug, a.headline, a.standfirst, a.section, a.published_at, a.hero_image";

    private static final RowMapper<Teaser> TEASER = (rs, n) -> {
        String hero = rs.getString("hero_image");
        return new Teaser(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("section"), Articles.instant(rs, "published_at"),
                hero == null ? null : EventJson.mapper().readValue(hero, HeroImage.class));
    };

    private final JdbcClient jdbc;

    PublicArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article a slug (current or old) belongs to, in whatever status. */
    Optional<Article> bySlug(String slug) {
        return jdbc.sql("select " + Articles.COLUMNS + " from article_slug s join article a on a.id = s.article_id where s.slug = ?")
                .param(slug).query(Articles.ROW).optional();
    }

    /** Newest first, strictly after {@code after}; asks for one more than {@code limit} so the caller knows if a next page exists. */
    List<Teaser> latest(LatestNewsFilter filter, KeysetCursor after, int limit) {
        var sql = new StringBuilder("select " + TEASER_COLUMNS + " from article a where a.status = 'PUBLISHED'");
        var params = new ArrayList<Object>();
        if (filter.section() != null) {
            sql.append(" and a.section = ?");
            params.add(filter.section());
        }
        if (filter.tag() != null) {
            sql.append(" and a.tags @> array[?]::text[]");
            params.add(filter.tag());
        }
        if (filter.author() != null) {
            sql.append(" and a.byline @> cast(? as jsonb)");
            params.add(EventJson.mapper().writeValueAsString(List.of(Map.of("slug", filter.author()))));
        }
        if (after != null) {
            sql.append(" and (a.published_at, a.id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by a.published_at desc, a.id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(TEASER).list();
    }

    /** Unexpired picks of published articles, in editorial order. */
    List<Teaser> mustRead(Instant now) {
        return jdbc.sql("select " + TEASER_COLUMNS + """
                         from must_read_pick p join article a on a.id = p.article_id
                        where p.expires_at > ? and a.status = 'PUBLISHED' order by p.position""")
                .param(Timestamp.from(now)).query(TEASER).list();
    }

    /** Published articles among {@code ids}, in the order asked. */
    List<Article> byIds(List<UUID> ids) {
        return jdbc.sql("select " + Articles.COLUMNS + """
                         from unnest(cast(? as uuid[])) with ordinality as wanted(id, n)
                        join article a on a.id = wanted.id where a.status = 'PUBLISHED' order by wanted.n""")
                .param(ids.toArray(UUID[]::new)).query(Articles.ROW).list();
    }

    record LatestNewsFilter(String section, String tag, String author) {
    }
}
