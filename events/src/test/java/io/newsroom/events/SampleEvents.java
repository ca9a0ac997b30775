package io.newsroom.events;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** One realistic event of each type, with every nullable field filled so the full shape is on the wire. */
final class SampleEvents {

    static final UUID ARTICLE_ID = UUID.fromString("5f0c7a1e-3b2d-4c8e-9a41-7d2e6b9c0f13");
    static final UUID COMMENT_ID = UUID.fromString("b3e1d6a2-8f4c-4e0b-a5d7-2c9f1e6a4b80");

    private static final Instant PUBLISHED = Instant.parse("2026-11-03T07:30:00Z");
    private static final Dateline JERUSALEM = new Dateline("Jerusalem", ZoneId.of("Asia/Jerusalem"));
    private static final List<Author> BYLINE = List.of(new Author("Dana Levi", "dana-levi"));
    private static final HeroImage HERO = new HeroImage(URI.create("https://media.newsroom.io/2026/11/cairo-talks.jpg"),
            "Delegates at the talks", "Delegates arrive in Cairo.", "Newsroom/Staff");

    private SampleEvents() {
    }

    static ArticlePublished published() {
        return new ArticlePublished(ARTICLE_ID, 1, "ceasefire-talks-resume-in-cairo", "Ceasefire talks resume in Cairo",
                "Negotiators return to the table after a week of shuttle diplomacy.", JERUSALEM, BYLINE,
                "<p>Negotiators met again on Tuesday, officials said.</p>", "world", List.of("middle-east", "diplomacy"),
                HERO, true, false, PUBLISHED, PUBLISHED, List.of());
    }

    static ArticleUpdated corrected() {
        Instant corrected = Instant.parse("2026-11-03T11:02:00.123456Z");
        return new ArticleUpdated(ARTICLE_ID, 2, ArticleChange.CORRECTION, "ceasefire-talks-resume-in-cairo",
                "Ceasefire talks resume in Cairo", "Negotiators return to the table after a week of shuttle diplomacy.",
                JERUSALEM, BYLINE, "<p>Negotiators met again on Tuesday in Cairo, officials said.</p>", "world",
                List.of("middle-east"), HERO, true, true, PUBLISHED, corrected,
                List.of(new Correction(corrected, "An earlier version misstated the venue of the talks.")));
    }

    static ArticleUnpublished unpublished() {
        return new ArticleUnpublished(ARTICLE_ID, 3, "ceasefire-talks-resume-in-cairo", "Legal hold",
                Instant.parse("2026-11-04T08:00:00Z"));
    }

    static CommentPosted reply() {
        return new CommentPosted(COMMENT_ID, ARTICLE_ID, UUID.fromString("0d9b1c2e-6f7a-4b3c-8d5e-1a2b3c4d5e6f"),
                "Miriam", "Good to see the talks moving again.", Instant.parse("2026-11-03T10:05:00Z"),
                CommentVisibility.HELD, 12, 17);
    }

    static CommentModerated approval() {
        return new CommentModerated(COMMENT_ID, ARTICLE_ID, ModerationDecision.APPROVED,
                Instant.parse("2026-11-03T10:20:00Z"), 13, 18);
    }

    static List<NewsEvent> all() {
        return List.of(published(), corrected(), unpublished(), reply(), approval());
    }
}
