package io.newsroom.site.signin;

import io.newsroom.site.pages.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** A signed-in person on a console that is not theirs, or a form sent with a stale token: a page, never a bare 403. */
@Component
class ConsoleDenied implements AccessDeniedHandler {

    private final Pages pages;

    ConsoleDenied(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            pages.writeError(response, HttpServletResponse.SC_FORBIDDEN, "Please reload the page",
                    "This form could not be sent: the page had been open too long or came from another site. "
                            + "Nothing was changed. Go back, reload the page and try again.");
            return;
        }
        pages.writeError(response, HttpServletResponse.SC_FORBIDDEN, "Not your desk",
                "Your account does not have access to this console. If you need it, ask an administrator "
                        + "to give you the role.");
    }
}
