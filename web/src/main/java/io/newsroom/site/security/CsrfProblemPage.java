package io.newsroom.site.security;

import io.newsroom.site.pages.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** A form sent without (or with a stale) CSRF token: a page that says what to do, not a bare 403. */
@Component
class CsrfProblemPage implements AccessDeniedHandler {

    private final Pages pages;

    CsrfProblemPage(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (String.valueOf(request.getHeader("Accept")).contains("application/json")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.getWriter().write("{\"errors\":{\"form\":\"This page had been open too long to send from. "
                    + "Please reload the page and send your comment again.\"}}");
            return;
        }
        pages.writeError(response, HttpServletResponse.SC_FORBIDDEN, "Please reload the page",
                "This form could not be sent: the page had been open too long or came from another site. "
                        + "Go back, reload the article and send your comment again.");
    }
}
