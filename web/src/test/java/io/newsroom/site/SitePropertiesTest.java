package io.newsroom.site;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/ configures the site with environment variables (base/apps/web/config.env; the pod CIDR the site trusts as its
 * proxy, the gateway, in each overlay): written that way, they bind.
 */
class SitePropertiesTest {

    @Test
    void theSettingsBindFromEnvironmentVariablesAsDeployWritesThem() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("deploy", Map.of(
                "NEWSROOM_SITE_GATEWAY_URL", "http://gateway:8080",
                "NEWSROOM_SITE_PUBLIC_URL", "https://news.example.com",
                "NEWSROOM_SITE_TRUSTED_PROXIES", "10.0.0.0/8,fd00::/8",
                "NEWSROOM_SITE_LOCALE", "en-US", "NEWSROOM_SITE_TWITTER_HANDLE", "")));
        SiteProperties site = new Binder(ConfigurationPropertySources.get(environment))
                .bind("newsroom.site", SiteProperties.class).get();
        assertThat(site.gatewayUrl()).isEqualTo(URI.create("http://gateway:8080"));
        assertThat(site.publicOrigin()).isEqualTo("https://news.example.com");
        assertThat(site.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(site.name()).as("defaults still apply").isEqualTo("Newsroom");
        assertThat(site.languageTag()).isEqualTo("en-US");
        assertThat(site.twitterSite()).as("no account unless one is configured").isNull();
    }

    @Test
    void theLanguageAndTheAccountAreWrittenEachWayTheirReadersWantThem() {
        SiteProperties site = bind(Map.of("NEWSROOM_SITE_LOCALE", "pt-BR", "NEWSROOM_SITE_TWITTER_HANDLE", "jornal_desk"));
        assertThat(site.languageTag()).as("<html lang>, RSS").isEqualTo("pt-BR");
        assertThat(site.ogLocale()).as("og:locale").isEqualTo("pt_BR");
        assertThat(site.language()).as("news sitemap").isEqualTo("pt");
        assertThat(site.twitterSite()).isEqualTo("@jornal_desk");
    }

    @Test
    void aHandleThatIsNotOneFailsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("NEWSROOM_SITE_TWITTER_HANDLE", "https://x.com/newsroom")))
                .hasRootCauseMessage("newsroom.site.twitter-handle must be an X/Twitter handle such as @newsroom "
                        + "(letters, digits, _; at most 15), was 'https://x.com/newsroom'");
    }

    private static SiteProperties bind(Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("deploy", variables));
        return new Binder(ConfigurationPropertySources.get(environment)).bind("newsroom.site", SiteProperties.class).get();
    }
}
