package io.newsroom.article.mustread;

import io.newsroom.article.InvalidFieldException;
import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.ArticleStatus;
import io.newsroom.article.editorial.Articles;
import io.newsroom.article.editorial.Editorial;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Must Read list: published articles in editorial order, each with an expiry. Picking or
 * dropping an article changes its public state (the {@code mustRead} flag of its events), so it
 * gets a new version and an event; reordering alone does not.
 */
@Service
@Transactional
public class MustRead {

    private final JdbcClient jdbc;
    private final Articles articles;
    private final Editorial editorial;
    private final Clock clock;

    MustRead(JdbcClient jdbc, Articles articles, Editorial editorial, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.editorial = editorial;
        this.clock = clock;
    }

    /** Replaces the whole list; nothing changes unless every pick is valid. */
    public void replace(List<Pick> picks, String editor) {
        Instant now = clock.instant();
        var wanted = new HashSet<UUID>();
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            String field = "picks[" + i + "].articleId";
            Editorial.requireWithinReach("picks[" + i + "].expiresAt", pick.expiresAt(), now);
            if (!wanted.add(pick.articleId())) {
                throw new InvalidFieldException(field, "is picked twice");
            }
            Article article = articles.find(pick.articleId())
                    .orElseThrow(() -> new InvalidFieldException(field, "no such article"));
            if (article.status() != ArticleStatus.PUBLISHED) {
                throw new InvalidFieldException(field, "is " + article.status() + "; only published articles can be picked");
            }
        }
        // Serializes concurrent list edits: the list is one editorial decision.
        jdbc.sql("select pg_advisory_xact_lock(7242002)").query(Object.class).list();
        Map<UUID, Boolean> before = picksAndWhetherActive(now);
        jdbc.sql("delete from must_read_pick").update();
        for (int i = 0; i < picks.size(); i++) {
            jdbc.sql("insert into must_read_pick (article_id, position, expires_at, picked_by, picked_at) values (?, ?, ?, ?, ?)")
                    .params(picks.get(i).articleId(), i, Timestamp.from(picks.get(i).expiresAt()), editor, Timestamp.from(now))
                    .update();
        }
        for (UUID id : wanted) {
            if (!before.getOrDefault(id, false)) {
                editorial.mustReadChanged(id, true, editor);
            }
        }
        // Expired picks not yet dropped by expire() were never announced as dropped: announce them now.
        for (UUID id : before.keySet()) {
            if (!wanted.contains(id)) {
                editorial.mustReadChanged(id, false, editor);
            }
        }
    }

    /** Drops expired picks (SKIP LOCKED: with several replicas each expiry is handled once). */
    public void expire() {
        List<UUID> expired = jdbc.sql("""
                        delete from must_read_pick where article_id in (
                            select article_id from must_read_pick where expires_at <= ? for update skip locked)
                        returning article_id""")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list();
        expired.forEach(id -> editorial.mustReadChanged(id, false, Editorial.SCHEDULER));
    }

    /** Every pick still in the table, and whether it is unexpired. */
    private Map<UUID, Boolean> picksAndWhetherActive(Instant now) {
        var picks = new HashMap<UUID, Boolean>();
        jdbc.sql("select article_id, expires_at > ? as active from must_read_pick").param(Timestamp.from(now))
                .query(rs -> {
                    picks.put(rs.getObject("article_id", UUID.class), rs.getBoolean("active"));
                });
        return picks;
    }

    /** The unexpired picks in editorial order, as editors see them (with expiries and who picked them). */
    @Transactional(readOnly = true)
    public List<EditorPick> picks() {
        return jdbc.sql("select article_id, expires_at, picked_by, picked_at from must_read_pick"
                        + " where expires_at > ? order by position")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new EditorPick(rs.getObject("article_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getString("picked_by"),
                        rs.getTimestamp("picked_at").toInstant()))
                .list();
    }

    /** A pick as the editor API lists it. */
    public record EditorPick(UUID articleId, Instant expiresAt, String pickedBy, Instant pickedAt) {
    }

    /** One entry of the list; its position is its place in the request. */
    public record Pick(@jakarta.validation.constraints.NotNull UUID articleId,
                       @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Future Instant expiresAt) {
    }
}
