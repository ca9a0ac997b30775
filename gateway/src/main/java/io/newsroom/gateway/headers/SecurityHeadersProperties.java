package io.newsroom.gateway.headers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param contentSecurityPolicy the CSP sent on every response; the default suits a JSON API (nothing may load)
 *                              and the API reference page overrides it
 * @param hstsMaxAge            Strict-Transport-Security max-age
 * @param referrerPolicy        Referrer-Policy
 */
@ConfigurationProperties("newsroom.gateway.security-headers")
public record SecurityHeadersProperties(String contentSecurityPolicy, String docsContentSecurityPolicy,
                                        Duration hstsMaxAge, String referrerPolicy) {

    public SecurityHeadersProperties {
        contentSecurityPolicy = contentSecurityPolicy == null
                ? "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
                : contentSecurityPolicy;
        docsContentSecurityPolicy = docsContentSecurityPolicy == null
                ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
                : docsContentSecurityPolicy;
        hstsMaxAge = hstsMaxAge == null ? Duration.ofDays(365) : hstsMaxAge;
        referrerPolicy = referrerPolicy == null ? "no-referrer" : referrerPolicy;
    }
}
