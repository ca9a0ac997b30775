package io.newsroom.site.console;

import io.newsroom.site.pages.Pages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console}: the desk the person's roles open, or a page saying they have none. */
@Controller
class ConsoleHome {

    private final Console console;
    private final Pages pages;

    ConsoleHome(Console console, Pages pages) {
        this.console = console;
        this.pages = pages;
    }

    @GetMapping("/console")
    ResponseEntity<String> home(HttpServletRequest request, @AuthenticationPrincipal OidcUser user) {
        Console.Chrome chrome = console.chrome(request, user, "");
        if (chrome.editor()) {
            return ResponseEntity.status(303).location(java.net.URI.create("/console/editor")).build();
        }
        if (chrome.moderator()) {
            return ResponseEntity.status(303).location(java.net.URI.create("/console/moderation")).build();
        }
        return pages.html(org.springframework.http.HttpStatus.FORBIDDEN, "error", pages.error(403, "Not your desk",
                "Your account has no newsroom role yet. Ask an administrator for the editor or moderator role."),
                org.springframework.http.CacheControl.noStore());
    }
}
