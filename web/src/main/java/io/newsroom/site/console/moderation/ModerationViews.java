package io.newsroom.site.console.moderation;

import io.newsroom.site.console.Console;
import io.newsroom.site.pages.Views;

import java.util.List;

/** What the moderation console's templates render. */
public final class ModerationViews {

    private ModerationViews() {
    }

    /**
     * A queue with the counts of all of them.
     *
     * @param article when the queue is narrowed to one article, its headline; else null
     */
    public record Queue(Console.Chrome chrome, String queue, String heading, List<Views.Link> tabs, List<Row> rows,
                        String nextUrl, String articleId, String article, String returnTo) {
    }

    /**
     * One comment. The author's email is shown here and nowhere else on the site.
     *
     * @param actions the decisions that apply to its status (APPROVE, REJECT, SPAM, REMOVE)
     */
    public record Row(String id, String author, String email, String posted, String postedIso, String body,
                      String status, String why, int reports, String articleHeadline, String articleUrl,
                      String settingsUrl, List<String> actions) {
    }

    /** An article's comment switches. */
    public record Article(Console.Chrome chrome, String articleId, String headline, String publicUrl, String queueUrl) {
    }
}
