package io.newsroom.auth.people;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The newsroom's sign-in form (Spring Security's form login posts to {@code /login}): one heading, labelled fields,
 * the reason a sign-in failed. Local only; in production the OIDC provider (Keycloak, ...) shows its own.
 */
@RestController
class SignInPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        boolean signedOut = request.getParameter("logout") != null;
        String message = failed ? "<p class=\"problem\" role=\"alert\">That user name and password do not match. Try again.</p>"
                : signedOut ? "<p class=\"notice\" role=\"status\">You are signed out.</p>" : "";
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Sign in — Newsroom</title>
                <link rel="stylesheet" href="/sign-in.css">
                </head>
                <body>
                <main>
                <h1>Newsroom</h1>
                <p class="lead">Sign in to the editor and moderation consoles.</p>
                %s
                <form method="post" action="/login">
                  <label for="username">User name</label>
                  <input id="username" name="username" autocomplete="username" required autofocus maxlength="100">
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign in</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(html);
    }
}
