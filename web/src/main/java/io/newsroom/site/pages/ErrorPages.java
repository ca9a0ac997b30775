package io.newsroom.site.pages;

import io.newsroom.site.api.ApiException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every error a reader can meet is a page of the site, never a stack trace or JSON. */
@RestController
@ControllerAdvice
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return switch (status) {
            case 404 -> page(HttpStatus.NOT_FOUND, "Page not found",
                    "There is no page at this address. Try a search, or start from the front page.");
            case 405 -> page(HttpStatus.METHOD_NOT_ALLOWED, "Not possible here", "This address cannot be used that way.");
            case 400 -> notQuiteRight();
            default -> page(HttpStatus.valueOf(status >= 400 && status < 600 ? status : 500), "Something went wrong",
                    "We could not show this page. Please try again in a moment.");
        };
    }

    /**
     * The API refused what the page asked for, or failed, or is unreachable. A 400 is the reader's address (a cursor or
     * filter typed or cut short), not an outage: the same page as for an address Spring cannot read, never a 503.
     */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e) {
        log.warn("Page without data: {}", e.getMessage());
        if (e.status() == 429) {
            return page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "You have opened many pages in a short time. Please wait a minute and try again.");
        }
        if (e.status() == 400) {
            return notQuiteRight();
        }
        return page(HttpStatus.SERVICE_UNAVAILABLE, "The news is unavailable for a moment",
                "We could not reach the newsroom's systems. Please try again in a minute.");
    }

    @ExceptionHandler(org.springframework.web.client.ResourceAccessException.class)
    ResponseEntity<String> unreachable(RuntimeException e) {
        return api(new ApiException(503, null, "gateway unreachable: " + e.getMessage()));
    }

    private ResponseEntity<String> notQuiteRight() {
        return page(HttpStatus.BAD_REQUEST, "That address is not quite right",
                "Part of the address could not be understood. Try a search, or start from the front page.");
    }

    private ResponseEntity<String> page(HttpStatus status, String heading, String message) {
        return pages.html(status, "error", pages.error(status.value(), heading, message), CacheControl.noStore());
    }
}
