package io.newsroom.edge.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem straight to the servlet response, for the places outside Spring MVC's message
 * converters: security's 401/403, filters, the error page. JSON through Jackson (never concatenated) as
 * UTF-8 bytes on the output stream: {@code getWriter()} would make Tomcat add {@code charset=ISO-8859-1}.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        ProblemTypes.complete(problem, request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = JSON.writeValueAsBytes(asMap(problem));
        if ("HEAD".equals(request.getMethod())) {
            response.setContentLength(body.length);
            return;
        }
        response.setHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** RFC 9457 members first, then the extension members (e.g. {@code errors}) at the top level. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", String.valueOf(problem.getType()));
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            json.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }
}
