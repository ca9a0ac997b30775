package io.newsroom.article.editorial;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the display name ({@code name} claim) of each editor who calls the editor API, so the revision history
 * can name the person and not only their user name. A person's token carries it (the OIDC provider's profile); a
 * machine client's does not, and stays known by its client id. Written only when a name is new or changed.
 */
@Component
class EditorNames implements HandlerInterceptor, WebMvcConfigurer {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    EditorNames(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/editor/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            String editor = token.getToken().getSubject();
            String name = token.getToken().getClaimAsString("name");
            if (editor != null && name != null && !name.isBlank() && name.length() <= 200 && !name.equals(known.get(editor))) {
                jdbc.sql("""
                                insert into editor_name (editor, display_name, seen_at) values (?, ?, ?)
                                on conflict (editor) do update set display_name = excluded.display_name, seen_at = excluded.seen_at""")
                        .params(editor, name.strip(), Timestamp.from(clock.instant()))
                        .update();
                known.put(editor, name);
            }
        }
        return true;
    }
}
