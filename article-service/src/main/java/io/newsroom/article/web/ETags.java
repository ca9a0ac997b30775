package io.newsroom.article.web;

import io.newsroom.edge.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An article's ETag is its version: {@code "7"}. Editors send it back in {@code If-Match}. */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^(W/)?\"(\\d{1,18})\"$");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws PreconditionRequiredException when the header is missing (428)
     * @throws PreconditionFailedException   when it names no version of ours (412)
     */
    public static long versionFromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        Matcher matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new PreconditionFailedException("If-Match must be the article's ETag, e.g. \"7\".");
        }
        return Long.parseLong(matcher.group(2));
    }

    /** Changes need {@code If-Match} (428), so no edit silently overwrites another. */
    public static class PreconditionRequiredException extends ErrorResponseException {
        PreconditionRequiredException() {
            super(HttpStatus.PRECONDITION_REQUIRED, Problems.detail(HttpStatus.PRECONDITION_REQUIRED,
                    "precondition-required", "If-Match required",
                    "Send If-Match with the ETag of the version you edited."), null);
        }
    }

    /** An {@code If-Match} that names no version of ours (412). */
    public static class PreconditionFailedException extends ErrorResponseException {
        PreconditionFailedException(String detail) {
            super(HttpStatus.PRECONDITION_FAILED, Problems.detail(HttpStatus.PRECONDITION_FAILED,
                    "precondition-failed", "Precondition failed", detail), null);
        }
    }
}
