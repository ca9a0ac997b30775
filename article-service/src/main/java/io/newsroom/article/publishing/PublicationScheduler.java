package io.newsroom.article.publishing;

import io.newsroom.article.editorial.Article;
import io.newsroom.article.editorial.Editorial;
import io.newsroom.article.mustread.MustRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The durable schedule: due times live in PostgreSQL, so a restart loses nothing, and every replica
 * runs this; the claim query makes each article fire exactly once. Ticks every
 * {@code newsroom.articles.scheduler-tick} (1 s), well inside the 5 s promise.
 */
@Component
@ConditionalOnProperty(name = "newsroom.articles.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class PublicationScheduler {

    private static final Logger log = LoggerFactory.getLogger(PublicationScheduler.class);
    private static final int BATCH = 50;

    private final Editorial editorial;
    private final MustRead mustRead;

    PublicationScheduler(Editorial editorial, MustRead mustRead) {
        this.editorial = editorial;
        this.mustRead = mustRead;
    }

    @Scheduled(fixedDelayString = "${newsroom.articles.scheduler-tick:1s}")
    void tick() {
        try {
            for (Article article : editorial.publishDue(BATCH)) {
                log.info("Published scheduled article {} ({}) due {}", article.id(), article.slug(), article.publishedAt());
            }
            mustRead.expire();
        } catch (RuntimeException e) { // e.g. database briefly unavailable: next tick retries
            log.warn("Scheduler tick failed: {}", e.toString());
        }
    }
}
