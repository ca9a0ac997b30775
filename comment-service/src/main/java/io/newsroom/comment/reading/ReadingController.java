package io.newsroom.comment.reading;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Readers' side: an article's thread, one comment, and counts for article lists. Anonymous. */
@RestController

class ReadingController {

    record CommentCounts(Map<UUID, Long> counts) {
    }

    private final ThreadReading reading;

    ReadingController(ThreadReading reading) {
        this.reading = reading;
    }

    @GetMapping("/articles/{articleId}/comments")
    ThreadPage thread(@PathVariable UUID articleId,
                      @RequestParam(defaultValue = "oldest") @Pattern(regexp = "oldest|newest") String order,
                      @RequestParam(required = false) String after,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return reading.page(articleId, order.equals("newest"), after, limit);
    }

    @GetMapping("/comments/{commentId}")
    PublicComment comment(@PathVariable UUID commentId) {
        return reading.comment(commentId);
    }

    /** For Latest News lists: {@code ?articleIds=a,b,c}, up to 100. */
    @GetMapping("/comment-counts")
    CommentCounts counts(@RequestParam @NotEmpty @Size(max = 100) List<UUID> articleIds) {
        return new CommentCounts(reading.counts(articleIds.stream().distinct().toList()));
    }
}
