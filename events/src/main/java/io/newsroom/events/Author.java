package io.newsroom.events;

import java.util.Objects;

/** One name in a byline; {@code slug} addresses the author's page. */
public record Author(String name, String slug) {

    public Author {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
    }
}
