package io.newsroom.gateway.forwarding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersTest {

    @Test
    void hostsThatCannotBreakAUrlAreAccepted() {
        assertThat(ForwardedHeaders.validHost("news.example")).isEqualTo("news.example");
        assertThat(ForwardedHeaders.validHost("localhost:8080")).isEqualTo("localhost:8080");
        assertThat(ForwardedHeaders.validHost("[2001:db8::1]:8443")).isEqualTo("[2001:db8::1]:8443");
    }

    @Test
    void hostsThatWouldBreakAUrlAreNot() {
        assertThat(ForwardedHeaders.validHost("evil.example/path")).isNull();
        assertThat(ForwardedHeaders.validHost("user@evil.example")).isNull();
        assertThat(ForwardedHeaders.validHost("a b")).isNull();
        assertThat(ForwardedHeaders.validHost("news.example:99999")).isNull();
        assertThat(ForwardedHeaders.validHost(":80")).isNull();
        assertThat(ForwardedHeaders.validHost("\"quoted\"")).isNull();
    }
}
