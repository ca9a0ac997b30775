package io.newsroom.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code newsroom.site.*}.
 *
 * @param gatewayUrl     where the public API is: the site calls nothing else
 * @param publicUrl      the origin readers use (canonical URLs, feeds, sitemaps); normally the gateway's public address
 * @param trustedProxies peers whose X-Forwarded-For is believed (the gateway); anyone else is the reader
 * @param sections       the site's sections, in navigation order (the article-service's configured sections)
 * @param pageMaxAge     how long a shared cache may keep a list page
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
        @DefaultValue("5s") Duration apiTimeout) {

    public String publicOrigin() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
