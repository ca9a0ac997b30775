package io.newsroom.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code newsroom.site.*}.
 *
 * @param gatewayUrl     where the public API is: the site calls nothing else
 * @param publicUrl      the origin readers use (canonical URLs, feeds, sitemaps); normally the gateway's public address
 * @param trustedProxies peers whose X-Forwarded-For is believed (the gateway); anyone else is the reader
 * @param sections       the site's sections, in navigation order (the article-service's configured sections)
 * @param pageMaxAge     how long a shared cache may keep a list page
 * @param locale         the language (and region) the site is written in: {@code <html lang>}, {@code og:locale}, the
 *                       feeds' and the news sitemap's language; it translates nothing
 * @param twitterHandle  the publication's account on X/Twitter ({@code twitter:site} on every page), if it has one
 */
@ConfigurationProperties("newsroom.site")
public record SiteProperties(
        @DefaultValue("Newsroom") String name,
        @DefaultValue("http://localhost:8080") URI gatewayUrl,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies,
        @DefaultValue({"world", "politics", "business", "science", "technology", "health", "crime", "sport", "culture", "opinion"})
        List<String> sections,
        @DefaultValue("60s") Duration pageMaxAge,
        @DefaultValue("5s") Duration apiTimeout,
        @DefaultValue("en-US") Locale locale,
        @DefaultValue("") String twitterHandle) {

    private static final Pattern HANDLE = Pattern.compile("@?[A-Za-z0-9_]{1,15}");

    public SiteProperties {
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("newsroom.site.locale needs a language, e.g. en-US, was '" + locale + "'");
        }
        if (!twitterHandle.isEmpty() && !HANDLE.matcher(twitterHandle).matches()) {
            throw new IllegalArgumentException("newsroom.site.twitter-handle must be an X/Twitter handle such as "
                    + "@newsroom (letters, digits, _; at most 15), was '" + twitterHandle + "'");
        }
    }

    /** BCP 47, as {@code <html lang>} and RSS want it: {@code en-US}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** ISO 639, as the news sitemap wants it: {@code en}. */
    public String language() {
        return locale.getLanguage();
    }

    /** language_TERRITORY, as Open Graph wants it: {@code en_US}. */
    public String ogLocale() {
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    /** {@code @handle}, or null without one. */
    public String twitterSite() {
        return twitterHandle.isEmpty() ? null : twitterHandle.startsWith("@") ? twitterHandle : "@" + twitterHandle;
    }

    public String publicOrigin() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
