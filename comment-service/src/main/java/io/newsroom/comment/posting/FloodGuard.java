package io.newsroom.comment.posting;

import io.newsroom.comment.Comments;
import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Refuses a comment when its email or client address already posted the allowed number within the
 * last minute. Counted from the comments table, so every replica sees the same counts.
 */
@Component
class FloodGuard {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Comments comments;
    private final PostingProperties.Flood limits;

    FloodGuard(Comments comments, PostingProperties properties) {
        this.comments = comments;
        this.limits = properties.flood();
    }

    void check(String email, String clientAddress, Instant now) {
        Instant since = now.minus(WINDOW);
        refuseIfFull(comments.postedByEmailSince(email, since), limits.perEmailPerMinute(), "this email address", now);
        refuseIfFull(comments.postedFromAddressSince(clientAddress, since), limits.perAddressPerMinute(),
                "your network address", now);
    }

    private static void refuseIfFull(Comments.Window window, int limit, String who, Instant now) {
        if (window.count() < limit) {
            return;
        }
        // The window frees a slot when its oldest comment is a minute old.
        long retryAfter = Math.max(1, Duration.between(now, window.oldest().plus(WINDOW)).toSeconds() + 1);
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "comment-flood", "Too many comments",
                "At most " + limit + " comments per minute from " + who + ". Try again in " + retryAfter + " s.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        throw problem;
    }
}
