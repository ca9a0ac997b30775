package io.newsroom.site.console;

import io.newsroom.site.assets.Assets;
import io.newsroom.site.pages.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What every console page shares: who is signed in, the navigation their roles open, the CSRF token for its forms,
 * the notice left by the last action, and how it is sent (HTML, never cached).
 */
@Component
public class Console {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.ENGLISH);

    private final Pages pages;
    private final Assets assets;

    Console(Pages pages, Assets assets) {
        this.pages = pages;
        this.assets = assets;
    }

    /**
     * @param person    the signed-in person's display name ({@code name} claim, else their user name)
     * @param current   "editor" or "moderation": the console this page belongs to
     * @param notice    what the last action did, or null; {@code problem} when it did not work
     */
    public record Chrome(String siteName, String css, String icon, String person, String username, boolean editor,
                         boolean moderator, String current, String csrfName, String csrfToken, String notice,
                         boolean problem, String lang) {
    }

    /** A console page that only says something. */
    public record Message(Chrome chrome, String heading, String text) {
    }

    public Chrome chrome(HttpServletRequest request, OidcUser user, String current) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        String notice = flash == null ? null : (String) flash.get("notice");
        boolean problem = flash != null && Boolean.TRUE.equals(flash.get("problem"));
        return new Chrome(pages.siteName(), assets.url("console.css"), assets.url("icon.svg"), name(user),
                user.getSubject(), has(user, "ROLE_EDITOR"), has(user, "ROLE_MODERATOR"), current,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(), notice, problem, pages.site().languageTag());
    }

    public static String name(OidcUser user) {
        return user.getFullName() != null ? user.getFullName() : user.getSubject();
    }

    /** The roles of the signed-in session (mapped from the ID token's roles claim; the OidcUser has the unmapped ones). */
    private static boolean has(OidcUser user, String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role::equals);
    }

    public ResponseEntity<String> page(String template, Object view) {
        return page(HttpStatus.OK, template, view);
    }

    public ResponseEntity<String> page(HttpStatusCode status, String template, Object view) {
        return pages.html(status, template, view, CacheControl.noStore());
    }

    /** 303 to a console page, with a notice for it (a session flash attribute: the console has a session). */
    public ResponseEntity<String> seeOther(String path, String notice, boolean problem, HttpServletRequest request,
                                           HttpServletResponse response) {
        if (notice != null) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("notice", notice);
            flash.put("problem", problem);
            flash.setTargetRequestPath(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
            RequestContextUtils.saveOutputFlashMap(path, request, response);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).cacheControl(CacheControl.noStore()).build();
    }

    public static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    public static String when(Instant instant) {
        return when(instant, ZoneId.of("UTC"));
    }
}
