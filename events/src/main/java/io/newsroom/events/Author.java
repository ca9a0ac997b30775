package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Objects;

/** One name in a byline; {@code slug} addresses the author's page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Author(String name, String slug) {

    public Author {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }
}
