package io.newsroom.comment.moderation;

import io.newsroom.comment.ModerationPolicy;
import io.newsroom.comment.articles.Article;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * The content rules a new comment passes through, strictest first: banned words make it spam;
 * suspect words, too many links, pre-moderation or a first-time commenter hold it.
 */
@Component
public class ModerationRules {

    /** Anything a reader would take for a link: a scheme URL or a bare www. address. */
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");

    private final ModerationProperties properties;
    private final WordList banned;
    private final WordList suspect;

    public ModerationRules(ModerationProperties properties) {
        this.properties = properties;
        this.banned = new WordList(properties.bannedWords());
        this.suspect = new WordList(properties.suspectWords());
    }

    public RuleVerdict assess(String body, Article article, boolean firstTimeCommenter) {
        var bannedWord = banned.firstIn(body);
        if (bannedWord.isPresent()) {
            return RuleVerdict.spam("banned word: " + bannedWord.get());
        }
        var suspectWord = suspect.firstIn(body);
        if (suspectWord.isPresent()) {
            return RuleVerdict.held("suspect word: " + suspectWord.get());
        }
        long links = LINK.matcher(body).results().count();
        if (links > properties.maxLinks()) {
            return RuleVerdict.held("too many links: " + links);
        }
        if (policyFor(article) == ModerationPolicy.PRE) {
            return RuleVerdict.held("pre-moderation");
        }
        if (firstTimeCommenter && properties.holdFirstTimeCommenters()) {
            return RuleVerdict.held("first-time commenter");
        }
        return RuleVerdict.VISIBLE;
    }

    public ModerationPolicy policyFor(Article article) {
        return article.moderationPolicy() != null ? article.moderationPolicy() : properties.policy();
    }
}
