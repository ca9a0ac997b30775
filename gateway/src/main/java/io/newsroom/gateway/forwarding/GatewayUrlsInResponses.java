package io.newsroom.gateway.forwarding;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.newsroom.gateway.routing.ServiceUrls;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Safety net for defect "internal URLs leak": a service's answer whose {@code Location}, {@code Content-Location},
 * {@code Link} or {@code WWW-Authenticate} (its {@code resource_metadata}) points at the service's own base URL
 * ({@code newsroom.gateway.services.*}) gets the gateway URL instead ({@code <client origin>/api/v1/...}).
 * Services build gateway URLs from the forwarded headers themselves; this only catches what slips through.
 * Costs one {@code indexOf} per listed header per response; nothing is copied unless something is rewritten.
 */
@Component
public class GatewayUrlsInResponses implements HttpHeadersFilter, Ordered {

    private static final List<String> URL_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION,
            HttpHeaders.LINK, HttpHeaders.WWW_AUTHENTICATE);

    private final List<String> serviceBases;
    private final ForwardedHeaders forwarded;

    public GatewayUrlsInResponses(ServiceUrls services, ForwardedHeaders forwarded) {
        this.serviceBases = Stream.of(services.article(), services.comment(), services.search())
                .map(GatewayUrlsInResponses::base).distinct().toList();
        this.forwarded = forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = null;
        for (String name : URL_HEADERS) {
            List<String> values = input.get(name);
            if (values == null) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String rewritten = rewrite(value, exchange);
                if (rewritten != value) {
                    if (output == null) {
                        output = HttpHeaders.copyOf(input);
                    }
                    List<String> replaced = new java.util.ArrayList<>(output.get(name));
                    replaced.set(i, rewritten);
                    output.put(name, replaced);
                }
            }
        }
        return output == null ? input : output;
    }

    /** The same instance when nothing points at a service. */
    String rewrite(String value, ServerWebExchange exchange) {
        String result = value;
        String gateway = null;
        for (String base : serviceBases) {
            int from = 0;
            int at;
            while ((at = result.indexOf(base, from)) >= 0) {
                int end = at + base.length();
                if (end < result.length() && !isBoundary(result.charAt(end))) {
                    from = end;
                    continue;
                }
                if (gateway == null) {
                    gateway = forwarded.of(exchange).origin() + ForwardedHeaders.API_PREFIX;
                }
                result = result.substring(0, at) + gateway + result.substring(end);
                from = at + gateway.length();
            }
        }
        return result;
    }

    private static boolean isBoundary(char c) {
        return c == '/' || c == '?' || c == '#' || c == '"' || c == '>' || c == ',' || c == ';' || c == ' ';
    }

    /** {@code http://localhost:8081} from {@code http://LOCALHOST:8081/}: scheme and authority, lower case. */
    static String base(URI uri) {
        String text = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            text += path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
        return text;
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
