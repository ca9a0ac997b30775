package io.newsroom.gateway.clientaddress;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver =
            new ClientAddressResolver(new TrustedProxies(List.of("10.0.0.0/8", "2001:db8:1::/48")));

    @Test
    void untrustedPeerIsTheClientWhateverItClaims() {
        assertThat(resolver.resolve(from("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedProxyVouchesForTheAddressItAppended() {
        assertThat(resolver.resolve(from("10.1.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void forgedEntriesLeftOfTheProxysEntryAreNeverReached() {
        assertThat(resolver.resolve(from("10.1.2.3", "1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void chainsOfTrustedProxiesAreWalked() {
        assertThat(resolver.resolve(from("10.1.2.3", "198.51.100.7, 10.9.9.9"))).isEqualTo("198.51.100.7");
        assertThat(resolver.resolve(from("2001:db8:1::5", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastTrustedHop() {
        assertThat(resolver.resolve(from("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
    }

    @Test
    void noTrustedProxiesMeansTheHeaderIsIgnored() {
        ClientAddressResolver strict = new ClientAddressResolver(new TrustedProxies(List.of()));
        assertThat(strict.resolve(from("10.1.2.3", "198.51.100.7"))).isEqualTo("10.1.2.3");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        return MockServerHttpRequest.get("/api/v1/articles")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }
}
