package io.newsroom.comment.moderation;

import io.newsroom.edge.input.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import static io.newsroom.edge.openapi.ApiDocs.PLAIN_TEXT;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM;
import static io.newsroom.edge.openapi.ApiDocs.PROBLEM_JSON;

/** Readers' "report this comment". Anonymous. */
@RestController
@Tag(name = "Reading")
class ReportController {

    record Report(@NotBlank @Size(max = 500) @PlainText @Schema(description = "Why the comment breaks the rules. " + PLAIN_TEXT)
                  String reason) {
    }

    private final ReaderReports reports;

    ReportController(ReaderReports reports) {
        this.reports = reports;
    }

    @PostMapping("/comments/{commentId}/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "reportComment", summary = "Report a comment",
            description = "One report per reader address counts; at the threshold the comment joins the REPORTED "
                    + "queue (it stays visible until a moderator decides).",
            security = {})
    @ApiResponse(responseCode = "202", description = "Report taken")
    @ApiResponse(responseCode = "400", description = "No reason, or markup in it",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No visible comment with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    void report(@PathVariable UUID commentId, @Valid @RequestBody Report report, HttpServletRequest request) {
        reports.report(commentId, report.reason(), request.getRemoteAddr());
    }
}
