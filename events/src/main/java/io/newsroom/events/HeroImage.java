package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.net.URI;
import java.util.Objects;

/** The lead picture. {@code caption} and {@code credit} may be {@code null}; alt text may not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeroImage(URI url, String altText, String caption, String credit) {

    public HeroImage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(altText, "altText");
    }
}
