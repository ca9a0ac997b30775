package io.newsroom.article.editorial;

import io.newsroom.events.Author;
import io.newsroom.events.Dateline;
import io.newsroom.events.HeroImage;
import io.newsroom.edge.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import static io.newsroom.edge.openapi.ApiDocs.PLAIN_TEXT;

/**
 * What an editor writes: the request body of create and update (a full replacement of the copy).
 *
 * @param slug optional; by default the slug follows the headline until first publication and stays
 *             fixed after it, so an editor renames a published article's URL only on purpose
 * @param body HTML with links, emphasis, subheads, quotes and lists; anything else is stripped. Every other
 *             text field is plain text ({@link PlainText}): markup and control characters are refused.
 */
public record ArticleCopy(
        @NotBlank @Size(max = 200) @PlainText @Schema(description = "The headline. " + PLAIN_TEXT) String headline,
        @Size(max = 500) @PlainText @Schema(description = "The standfirst (excerpt under the headline). " + PLAIN_TEXT) String standfirst,
        @NotNull @Valid DatelineCopy dateline,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid BylineCopy> byline,
        @Size(max = 200_000) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        @Schema(description = "HTML, sanitized on input: paragraphs, subheads, quotes, lists, emphasis and http(s)/mailto "
                + "links survive; scripts, event handlers, styles and javascript: URLs are removed.")
        String body,
        @NotBlank @KnownSection String section,
        @Size(max = 20) @Schema(description = "Tags (trimmed, lower-cased). Each is plain text.")
        List<@NotBlank @Size(max = 60) @PlainText String> tags,
        @Valid HeroImageCopy heroImage,
        Boolean commentsEnabled,
        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug) {

    /** Text without C0 controls (NUL included) or DEL; line breaks and tabs are allowed. */
    static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    public record DatelineCopy(
            @NotBlank @Size(max = 100) @PlainText @Schema(description = "Where the story was filed, e.g. Jerusalem. " + PLAIN_TEXT) String place,
            @NotBlank @TimeZoneId String timeZone) {

        Dateline toDateline() {
            return new Dateline(place.strip(), ZoneId.of(timeZone));
        }
    }

    /** @param slug the author page's slug; made from the name when missing */
    public record BylineCopy(
            @NotBlank @Size(max = 100) @PlainText @Schema(description = "The author's name. " + PLAIN_TEXT) String name,
            @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug) {

        Author toAuthor() {
            return new Author(name.strip(), slug != null ? slug : Slugs.of(name));
        }
    }

    public record HeroImageCopy(
            @NotBlank @Size(max = 2000) @URL(regexp = "^(https?)://.*", message = "must be an http(s) URL") String url,
            @NotBlank @Size(max = 300) @PlainText @Schema(description = "Alternative text. " + PLAIN_TEXT) String altText,
            @Size(max = 500) @PlainText @Schema(description = "Caption. " + PLAIN_TEXT) String caption,
            @Size(max = 200) @PlainText @Schema(description = "Credit. " + PLAIN_TEXT) String credit) {

        HeroImage toHeroImage() {
            return new HeroImage(URI.create(url), altText, caption, credit);
        }
    }

    String standfirstOrEmpty() {
        return standfirst == null ? "" : standfirst.strip();
    }

    String bodyOrEmpty() {
        return body == null ? "" : body;
    }

    List<Author> authors() {
        return byline.stream().map(BylineCopy::toAuthor).toList();
    }

    HeroImage hero() {
        return heroImage == null ? null : heroImage.toHeroImage();
    }

    boolean commentsEnabledOrDefault() {
        return commentsEnabled == null || commentsEnabled;
    }

    /** Trimmed, inner whitespace collapsed, lower case, first occurrence kept: "  Climate  Change" → "climate change". */
    List<String> tagsOrEmpty() {
        if (tags == null) {
            return List.of();
        }
        var normalized = new LinkedHashSet<String>();
        for (String tag : tags) {
            normalized.add(tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        return List.copyOf(normalized);
    }

    /** The same copy with the body replaced (by its sanitized form). */
    ArticleCopy withBody(String sanitized) {
        return new ArticleCopy(headline, standfirst, dateline, byline, sanitized, section, tags, heroImage,
                commentsEnabled, slug);
    }
}
