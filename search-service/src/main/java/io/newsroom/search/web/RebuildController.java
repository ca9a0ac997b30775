package io.newsroom.search.web;

import io.newsroom.search.rebuild.IndexRebuild;
import io.newsroom.search.rebuild.RebuildReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the index from the article topic (role ADMIN, see SecurityConfiguration). */
@RestController
class RebuildController {

    private final IndexRebuild rebuild;

    RebuildController(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Runs the rebuild and answers with its report, including the check against the topic. */
    @PostMapping("/admin/index/rebuild")
    RebuildReport rebuild() {
        return rebuild.rebuild();
    }

    @ExceptionHandler(IndexRebuild.AlreadyRunning.class)
    ProblemDetail alreadyRunning(IndexRebuild.AlreadyRunning e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
