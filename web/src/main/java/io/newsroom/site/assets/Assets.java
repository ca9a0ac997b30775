package io.newsroom.site.assets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's CSS, JavaScript and icons, served by the site itself under fingerprinted names
 * ({@code /assets/site.3f2a9c1e.css}): a changed file gets a new URL, so every URL can be cached for a year.
 */
@RestController
public class Assets {

    private static final String[] FILES = {"site.css", "site.js", "console.css", "icon.svg", "hero-sample.svg"};
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Map<String, Asset> byFingerprintedName = new LinkedHashMap<>();
    private final Map<String, String> urlByName = new LinkedHashMap<>();

    Assets() {
        for (String file : FILES) {
            try {
                byte[] bytes = new ClassPathResource("assets/" + file).getContentAsByteArray();
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
                int dot = file.lastIndexOf('.');
                String name = file.substring(0, dot) + "." + hash + file.substring(dot);
                byFingerprintedName.put(name, new Asset(bytes, type(file)));
                urlByName.put(file, "/assets/" + name);
            } catch (IOException e) {
                throw new UncheckedIOException("asset " + file + " missing from the jar", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The current URL of {@code site.css}, {@code site.js}, ... */
    public String url(String file) {
        String url = urlByName.get(file);
        if (url == null) {
            throw new IllegalArgumentException("no asset " + file);
        }
        return url;
    }

    public int size(String file) {
        String url = url(file);
        return byFingerprintedName.get(url.substring("/assets/".length())).bytes().length;
    }

    /** Pictures under stable names (sample hero image for demos and tests); a day's cache. */
    @GetMapping("/media/{name}")
    ResponseEntity<byte[]> media(@PathVariable String name) {
        if (!name.endsWith(".svg") || !urlByName.containsKey(name)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(new byte[0]);
        }
        String url = urlByName.get(name);
        Asset asset = byFingerprintedName.get(url.substring("/assets/".length()));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(asset.type()).body(asset.bytes());
    }

    @GetMapping("/assets/{name}")
    ResponseEntity<byte[]> asset(@PathVariable String name) {
        Asset asset = byFingerprintedName.get(name);
        if (asset == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(new byte[0]);
        }
        return ResponseEntity.ok().cacheControl(FOREVER).contentType(asset.type()).body(asset.bytes());
    }

    private static MediaType type(String file) {
        if (file.endsWith(".css")) {
            return new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);
        }
        if (file.endsWith(".js")) {
            return new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
        }
        return MediaType.valueOf("image/svg+xml");
    }

    private record Asset(byte[] bytes, MediaType type) {
    }
}
