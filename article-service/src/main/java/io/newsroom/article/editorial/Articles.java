package io.newsroom.article.editorial;

import io.newsroom.edge.listing.KeysetCursor;
import io.newsroom.events.Author;
import io.newsroom.events.Correction;
import io.newsroom.events.Dateline;
import io.newsroom.events.EventJson;
import io.newsroom.events.HeroImage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The article table. Plain SQL: the queries are few and their shape (keyset, locks) matters. */
@Repository
public class Articles {

    /** Every column of {@code article}, for queries that map with {@link #ROW}. */
    public static final String COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.dateline_place, a.dateline_zone, a.byline, a.body, a.section,
            a.tags, a.hero_image, a.comments_enabled, a.status, a.scheduled_for, a.created_at, a.published_at,
            a.updated_at, a.unpublished_at, a.unpublish_reason, a.corrections, a.version""";

    public static final RowMapper<Article> ROW = Articles::map;

    private static final TypeReference<List<Author>> AUTHORS = new TypeReference<>() { };
    private static final TypeReference<List<Correction>> CORRECTIONS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    public Articles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Article> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from article a where a.id = ?").param(id).query(ROW).optional();
    }

    /** Reads the article and row-locks it until the transaction ends: changes of one article queue up. */
    Article lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from article a where a.id = ? for update").param(id).query(ROW)
                .optional().orElseThrow(() -> new ArticleNotFoundException(id));
    }

    public long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    /**
     * Scheduled articles by due time, the others most recently changed first, strictly after {@code after}
     * (keyset on the sort key and the id); one more than {@code limit} so the caller knows if a page follows.
     */
    List<Article> withStatus(ArticleStatus status, KeysetCursor after, int limit) {
        boolean scheduled = status == ArticleStatus.SCHEDULED;
        String key = scheduled ? "a.scheduled_for" : "a.updated_at";
        String direction = scheduled ? "" : " desc";
        var sql = new StringBuilder("select " + COLUMNS + " from article a where a.status = ?");
        var params = new java.util.ArrayList<Object>(List.of(status.name()));
        if (after != null) {
            sql.append(" and (").append(key).append(", a.id) ").append(scheduled ? ">" : "<").append(" (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by ").append(key).append(direction).append(", a.id").append(direction).append(" limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /**
     * Scheduled articles that are due, locked for this transaction. SKIP LOCKED lets another replica
     * take the others instead of waiting, and a row it already published is no longer SCHEDULED.
     */
    List<UUID> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from article where status = 'SCHEDULED' and scheduled_for <= ?
                        order by scheduled_for limit ? for update skip locked""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    void insert(Article article) {
        jdbc.sql("""
                        insert into article (id, slug, headline, standfirst, dateline_place, dateline_zone, byline, body,
                            section, tags, hero_image, comments_enabled, status, scheduled_for, created_at, published_at,
                            updated_at, unpublished_at, unpublish_reason, corrections, version)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(article.id(), article.slug(), article.headline(), article.standfirst(),
                        article.dateline().place(), article.dateline().timeZone().getId(), json(article.byline()),
                        article.body(), article.section(), article.tags().toArray(String[]::new),
                        article.heroImage() == null ? null : json(article.heroImage()), article.commentsEnabled(),
                        article.status().name(), ts(article.scheduledFor()), ts(article.createdAt()),
                        ts(article.publishedAt()), ts(article.updatedAt()), ts(article.unpublishedAt()),
                        article.unpublishReason(), json(article.corrections()), article.version())
                .update();
    }

    /** Writes the next state; the version check guards against a caller that did not {@link #lock}. */
    void update(Article article) {
        int rows = jdbc.sql("""
                        update article set slug = ?, headline = ?, standfirst = ?, dateline_place = ?, dateline_zone = ?,
                            byline = cast(? as jsonb), body = ?, section = ?, tags = ?, hero_image = cast(? as jsonb),
                            comments_enabled = ?, status = ?, scheduled_for = ?, published_at = ?, updated_at = ?,
                            unpublished_at = ?, unpublish_reason = ?, corrections = cast(? as jsonb), version = ?
                        where id = ? and version = ?""")
                .params(article.slug(), article.headline(), article.standfirst(), article.dateline().place(),
                        article.dateline().timeZone().getId(), json(article.byline()), article.body(),
                        article.section(), article.tags().toArray(String[]::new),
                        article.heroImage() == null ? null : json(article.heroImage()), article.commentsEnabled(),
                        article.status().name(), ts(article.scheduledFor()), ts(article.publishedAt()),
                        ts(article.updatedAt()), ts(article.unpublishedAt()), article.unpublishReason(),
                        json(article.corrections()), article.version(), article.id(), article.version() - 1)
                .update();
        if (rows != 1) {
            throw new IllegalStateException("Article " + article.id() + " was not at version " + (article.version() - 1));
        }
    }

    private static Article map(ResultSet rs, int row) throws SQLException {
        var mapper = EventJson.mapper();
        String hero = rs.getString("hero_image");
        return new Article(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                new Dateline(rs.getString("dateline_place"), ZoneId.of(rs.getString("dateline_zone"))),
                mapper.readValue(rs.getString("byline"), AUTHORS),
                rs.getString("body"),
                rs.getString("section"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                hero == null ? null : mapper.readValue(hero, HeroImage.class),
                rs.getBoolean("comments_enabled"),
                ArticleStatus.valueOf(rs.getString("status")),
                instant(rs, "scheduled_for"),
                instant(rs, "created_at"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                instant(rs, "unpublished_at"),
                rs.getString("unpublish_reason"),
                mapper.readValue(rs.getString("corrections"), CORRECTIONS),
                rs.getLong("version"));
    }

    static String json(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
