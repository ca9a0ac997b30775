package io.newsroom.events;

import java.time.ZoneId;
import java.util.Objects;

/** Where the story was filed ("Jerusalem") and that place's time zone, for local dates on the page. */
public record Dateline(String place, ZoneId timeZone) {

    public Dateline {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
