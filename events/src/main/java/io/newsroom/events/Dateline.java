package io.newsroom.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.ZoneId;
import java.util.Objects;

/** Where the story was filed ("Jerusalem") and that place's time zone, for local dates on the page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dateline(String place, ZoneId timeZone) {

    public Dateline {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
