package io.newsroom.gateway.limits;

import java.net.URI;

import io.newsroom.gateway.errors.ProblemResponses;
import io.newsroom.gateway.errors.ProblemTypes;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers requests whose target no service should see, before routing, security or rate limits: a target over
 * {@code newsroom.gateway.request-target.max-length} (414), and paths with empty segments ({@code //}; without this
 * check they met a bare 400 further in) or dot segments ({@code ..}, {@code .},
 * also encoded as {@code %2e}), encoded slashes or backslashes ({@code %2F}, {@code %5C}, {@code \}), NUL or
 * other control characters (raw or encoded), broken percent-escapes or percent-escapes that are not UTF-8
 * ({@code %FF}) — 400 {@code invalid-request}. The query is checked for broken escapes, invalid UTF-8 and characters
 * RFC 3986 does not allow unencoded in a query ({@code [ ] { } | \ ^ " < >}, space, non-ASCII): given one of those,
 * the routing filter would re-encode the whole query, turning a client's {@code %2e} into {@code %252e} on the way to
 * the service. The services judge the values. One pass over the raw target, no regex, no allocation on the good path.
 */
@Component
@Order(RequestTargetFilter.ORDER)
public class RequestTargetFilter implements WebFilter {

    static final int ORDER = -220;

    private final long maxLength;
    private final ProblemResponses problems;

    public RequestTargetFilter(RequestTargetProperties properties, ProblemResponses problems) {
        this.maxLength = properties.maxLength().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI uri = exchange.getRequest().getURI();
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        long length = (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
        if (length > maxLength) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG,
                    "The request target of %d characters exceeds the limit of %d.".formatted(length, maxLength));
        }
        String pathProblem = path == null ? null : checkPath(path);
        String queryProblem = pathProblem == null && query != null ? checkQuery(query) : null;
        if (pathProblem != null || queryProblem != null) {
            ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.BAD_REQUEST,
                    pathProblem != null ? pathProblem : queryProblem);
            problem.setType(ProblemTypes.INVALID_REQUEST);
            return problems.write(exchange, problem);
        }
        return chain.filter(exchange);
    }

    /** Null when the path is acceptable, otherwise the reason (never echoing the path). */
    static String checkPath(String path) {
        int length = path.length();
        int segmentStart = 0;
        int dots = 0;           // dots (raw or %2e) in the current segment, while it holds nothing else
        boolean onlyDots = true;
        int utf8Pending = 0;    // continuation bytes still expected
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (i > 0 && i == segmentStart) {
                    return "The path contains an empty segment ('//').";
                }
                if (utf8Pending > 0) {
                    return "The path contains a percent-escape that is not UTF-8.";
                }
                if (i > segmentStart && onlyDots && dots <= 2) {
                    return "The path contains a '.' or '..' segment.";
                }
                segmentStart = i + 1;
                dots = 0;
                onlyDots = true;
                continue;
            }
            int b;
            if (c == '%') {
                b = escaped(path, i);
                if (b < 0) {
                    return "The path contains a broken percent-escape.";
                }
                i += 2;
                if (b == '/' || b == '\\') {
                    return "The path contains an encoded slash or backslash.";
                }
            } else {
                if (c == '\\') {
                    return "The path contains a backslash.";
                }
                if (c > 0x7E) {
                    return "The path contains characters that are not percent-encoded.";
                }
                b = c;
            }
            if (b < 0x20 || b == 0x7F) {
                return "The path contains a control character.";
            }
            if (utf8Pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    return "The path contains a percent-escape that is not UTF-8.";
                }
                utf8Pending--;
            } else if (b >= 0x80) {
                utf8Pending = utf8Lead(b);
                if (utf8Pending < 0) {
                    return "The path contains a percent-escape that is not UTF-8.";
                }
            }
            if (b == '.') {
                dots++;
            } else {
                onlyDots = false;
            }
        }
        if (utf8Pending > 0) {
            return "The path contains a percent-escape that is not UTF-8.";
        }
        if (length > segmentStart && onlyDots && dots <= 2) {
            return "The path contains a '.' or '..' segment.";
        }
        return null;
    }

    static String checkQuery(String query) {
        int utf8Pending = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                if (utf8Pending > 0) {
                    return "The query contains a percent-escape that is not UTF-8.";
                }
                if (!isQueryCharacter(c)) {
                    return "The query contains characters that are not percent-encoded.";
                }
                continue;
            }
            int b = escaped(query, i);
            if (b < 0) {
                return "The query contains a broken percent-escape.";
            }
            i += 2;
            if (utf8Pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    return "The query contains a percent-escape that is not UTF-8.";
                }
                utf8Pending--;
            } else if (b >= 0x80) {
                utf8Pending = utf8Lead(b);
                if (utf8Pending < 0) {
                    return "The query contains a percent-escape that is not UTF-8.";
                }
            }
        }
        return utf8Pending > 0 ? "The query contains a percent-escape that is not UTF-8." : null;
    }

    /** RFC 3986 {@code query}: unreserved, sub-delims, {@code : @ / ?} (and {@code %}, handled by the caller). */
    private static boolean isQueryCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    /** Continuation bytes after a UTF-8 lead byte, or -1 for bytes that never start a sequence (overlongs too). */
    private static int utf8Lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 1;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 2;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 3;
        }
        return -1;
    }

    private static int escaped(String text, int percent) {
        if (percent + 2 >= text.length()) {
            return -1;
        }
        int high = Character.digit(text.charAt(percent + 1), 16);
        int low = Character.digit(text.charAt(percent + 2), 16);
        return high < 0 || low < 0 ? -1 : (high << 4) | low;
    }
}
