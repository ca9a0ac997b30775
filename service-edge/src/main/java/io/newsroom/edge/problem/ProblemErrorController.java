package io.newsroom.edge.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.net.URI;

/**
 * Replaces Boot's BasicErrorController: what reaches the error page (Tomcat refusing invalid UTF-8 such as
 * {@code %FF} in a query, a request the firewall rejects, an exception from a filter) is a problem+json
 * like every other error, without Boot's timestamp, exception or internal path, whatever the Accept header.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problem(request);
        problem.setInstance(URI.create(instance(request)));
        ProblemWriter.write(request, response, problem);
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof ErrorResponse error) {
            return error.getBody();
        }
        if (exception instanceof RequestRejectedException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request URL is not acceptable.");
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Requested directly (GET /error) there is no error: nothing lives here.
        int status = code instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        return ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail(status));
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (e.g. invalid characters or encoding in the URL).";
            case 404 -> "Nothing lives at this path.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URL is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The service failed to answer; try again later." : "The request was refused.";
        };
    }

    /**
     * The path the client asked for: the failed request's URI, under the context path the forwarded prefix
     * gives this (wrapped) request, e.g. {@code /api/v1/articles}.
     */
    private static String instance(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path)) {
            return request.getRequestURI();
        }
        String servletContext = request.getServletContext().getContextPath();
        String withinApplication = path.startsWith(servletContext) ? path.substring(servletContext.length()) : path;
        // After an exception the container records the forwarded (wrapped) URI, prefix included already.
        String prefix = request.getContextPath();
        return !prefix.isEmpty() && withinApplication.startsWith(prefix + "/") ? withinApplication
                : prefix + withinApplication;
    }
}
