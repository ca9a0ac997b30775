package io.newsroom.article.editorial;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Hands out slugs: each belongs to one article for good, so an old link can always redirect. */
@Repository
class ArticleSlugs {

    /** "headline", "headline-2" … "headline-50"; past that the conflict is reported, not guessed around. */
    private static final int MAX_SUFFIX = 50;

    private final JdbcClient jdbc;

    ArticleSlugs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The article that owns a slug, current or old. */
    Optional<UUID> owner(String slug) {
        return jdbc.sql("select article_id from article_slug where slug = ?").param(slug).query(UUID.class).optional();
    }

    /**
     * Claims the first free variant of {@code base} for the article (the article's own slugs count as free).
     *
     * @param exact the editor asked for this slug: no variants are tried
     */
    String claim(UUID articleId, String base, boolean exact, Instant now) {
        int attempts = exact ? 1 : MAX_SUFFIX;
        for (int n = 1; n <= attempts; n++) {
            String candidate = n == 1 ? base : suffixed(base, n);
            if (Slugs.RESERVED.contains(candidate)) {
                continue;
            }
            // ON CONFLICT DO NOTHING rather than catching a unique violation, which would abort the transaction.
            int inserted = jdbc.sql("insert into article_slug (slug, article_id, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(candidate, articleId, Timestamp.from(now)).update();
            if (inserted == 1 || owner(candidate).filter(articleId::equals).isPresent()) {
                return candidate;
            }
        }
        throw new SlugConflictException(base);
    }

    /** Drops a never-published article's other slugs: nobody can have linked to them. */
    void releaseAllBut(UUID articleId, String keep) {
        jdbc.sql("delete from article_slug where article_id = ? and slug <> ?").params(articleId, keep).update();
    }

    private static String suffixed(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > Slugs.MAX_LENGTH ? base.substring(0, Slugs.MAX_LENGTH - suffix.length()) : base;
        return head + suffix;
    }
}
