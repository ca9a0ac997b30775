package io.newsroom.comment.moderation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Readers' "report this comment". Anonymous. */
@RestController
class ReportController {

    record Report(@NotBlank @Size(max = 500) String reason) {
    }

    private final ReaderReports reports;

    ReportController(ReaderReports reports) {
        this.reports = reports;
    }

    @PostMapping("/comments/{commentId}/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void report(@PathVariable UUID commentId, @Valid @RequestBody Report report, HttpServletRequest request) {
        reports.report(commentId, report.reason(), request.getRemoteAddr());
    }
}
