package io.newsroom.site.pages;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** ETag, Last-Modified and Cache-Control for pages, and the 304 when the reader's copy is current. */
final class Caching {

    private Caching() {
    }

    /** A strong ETag over the rendered page (pages without per-reader parts). */
    static ResponseEntity<String> page(WebRequest request, String html, Instant lastModified, CacheControl cache) {
        return respond(request, html, tag(html), lastModified, cache);
    }

    static ResponseEntity<String> respond(WebRequest request, String html, String etag, Instant lastModified,
                                          CacheControl cache) {
        long modified = lastModified == null ? -1 : lastModified.toEpochMilli();
        if (request.checkNotModified(etag, modified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        var response = ResponseEntity.ok().contentType(Pages.HTML).eTag(etag).cacheControl(cache);
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        return response.body(html);
    }

    static String tag(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            // weak: the bytes differ once compressed (and Tomcat compresses no response with a strong ETag)
            return "W/\"" + HexFormat.of().formatHex(digest.digest()).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
