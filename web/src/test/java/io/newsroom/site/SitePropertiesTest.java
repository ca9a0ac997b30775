package io.newsroom.site;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
                "NEWSROOM_SITE_TRUSTED_PROXIES", "10.0.0.0/8,fd00::/8")));
        SiteProperties site = new Binder(ConfigurationPropertySources.get(environment))
                .bind("newsroom.site", SiteProperties.class).get();
        assertThat(site.gatewayUrl()).isEqualTo(URI.create("http://gateway:8080"));
        assertThat(site.publicOrigin()).isEqualTo("https://news.example.com");
        assertThat(site.trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(site.name()).as("defaults still apply").isEqualTo("Newsroom");
    }
}
