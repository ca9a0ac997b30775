package io.newsroom.gateway.routing;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests a configured rule (access, rate limit, body limit) applies to: any of the methods (all when
 * none are given) and any of the path patterns ({@code /api/v1/articles/*}{@code /comments}, {@code /api/v1/**}).
 */
public final class RequestRule {

    private final Set<HttpMethod> methods;
    private final List<PathPattern> paths;

    public RequestRule(List<String> methods, List<String> paths) {
        this.methods = methods == null ? Set.of()
                : Set.copyOf(methods.stream().map(HttpMethod::valueOf).toList());
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("a request rule needs at least one path pattern");
        }
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    public boolean matches(ServerHttpRequest request) {
        if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : paths) { // a loop, not a stream: this runs several times per request
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (methods.isEmpty() ? "*" : methods) + " " + paths;
    }
}
