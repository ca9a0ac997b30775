package io.newsroom.site.console.editor;

import io.newsroom.site.console.Console;
import io.newsroom.site.pages.Views;

import java.util.List;
import java.util.Map;

/** What the editor console's templates render. */
public final class EditorViews {

    private EditorViews() {
    }

    /** A list of the desk: drafts, scheduled, published or taken down. */
    public record Desk(Console.Chrome chrome, String heading, List<Views.Link> tabs, List<Row> rows, String nextUrl) {
    }

    /** @param when the time that matters for the list: last change, due time or publication */
    public record Row(String url, String headline, String byline, String section, String when, String whenLabel) {
    }

    /**
     * The article form, with the workflow actions its status allows.
     *
     * @param id       null for a new draft
     * @param errors   a sentence per form field, or {@code form}
     * @param conflict not null when the save met someone else's newer version
     */
    public record Edit(Console.Chrome chrome, String heading, String action, ArticleForm form, Map<String, String> errors,
                       String id, String status, String statusLine, String publicUrl, List<String> sections,
                       List<String> zones, Actions actions, Conflict conflict) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** Which workflow forms the article's status allows. */
    public record Actions(boolean schedule, boolean unschedule, boolean publish, boolean unpublish, boolean correct,
                          String defaultPublishAt) {
        static final Actions NONE = new Actions(false, false, false, false, false, "");
    }

    /** Someone saved the article after the version this editor opened. */
    public record Conflict(String summary, List<Change> changes) {
    }

    /** @param theirs the value now saved (the other person's) */
    public record Change(String label, String theirs) {
    }

    public record Revisions(Console.Chrome chrome, String headline, String editUrl, List<Revision> rows) {
    }

    public record Revision(long version, String when, String iso, String action, String who, String changed, String note) {
    }

    public record MustRead(Console.Chrome chrome, List<Pick> picks, List<Candidate> candidates) {
    }

    /** A published article that could be picked. */
    public record Candidate(String articleId, String headline, String section) {
    }

    public record Pick(String articleId, String headline, String expires, int position, boolean first, boolean last) {
    }
}
