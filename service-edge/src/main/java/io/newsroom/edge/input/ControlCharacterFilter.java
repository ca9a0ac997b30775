package io.newsroom.edge.input;

import io.newsroom.edge.problem.FieldProblem;
import io.newsroom.edge.problem.ProblemWriter;
import io.newsroom.edge.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters (e.g. {@code %00}) in the path and in query parameters with a 400
 * {@code invalid-request} naming the parameter, before any controller, repository or search query sees
 * them. Runs right after the forwarded-header filter, before security: bad input is bad for everyone.
 */
public class ControlCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> errors = problems(request);
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            ProblemWriter.write(request, response, Problems.invalidRequest(
                    "The request contains control characters.", errors));
        }
    }

    private static List<FieldProblem> problems(HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (ControlCharacters.any(decodedPath(request))) {
            errors.add(new FieldProblem("path", "must not contain control characters"));
        }
        // Query parameters only: reading a form body here would consume it before the controller.
        if (request.getQueryString() != null) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException undecodable) {
                // Tomcat refuses a query it cannot decode (e.g. %FF is not UTF-8)
                errors.add(new FieldProblem("query", "is not valid UTF-8 percent-encoding"));
                return errors;
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                boolean bad = ControlCharacters.any(parameter.getKey());
                for (String value : parameter.getValue()) {
                    bad |= ControlCharacters.any(value);
                }
                if (bad) {
                    errors.add(new FieldProblem(clean(parameter.getKey()), "must not contain control characters"));
                }
            }
        }
        return errors;
    }

    private static String decodedPath(HttpServletRequest request) {
        try {
            return UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return request.getRequestURI();
        }
    }

    /** The parameter's name without the offending characters, so the problem never carries them back. */
    private static String clean(String name) {
        return name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
