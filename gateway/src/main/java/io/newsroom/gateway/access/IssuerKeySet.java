package io.newsroom.gateway.access;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's public keys for the gateway's reactive decoder, kept as the services keep theirs (service-edge's
 * {@code IssuerKeys}): fetched again once they are older than {@code cacheTtl}, so a key the issuer withdraws stops
 * being accepted within that time (Spring's reactive JWKS source keeps a key set until a token names an unknown key id,
 * i.e. for ever); kept in use for up to {@code outageTolerance} while the issuer cannot be reached, so an auth-server
 * restart is not an outage of every editor and moderator. A token naming a key id not in the set fetches at once (the
 * issuer rotated its keys) and, if the issuer cannot answer, fails as unverifiable (503), never as a forgery (401).
 * Concurrent tokens share one fetch; no fetch ever runs on behalf of a token whose key is cached and fresh.
 */
final class IssuerKeySet implements Function<SignedJWT, Flux<JWK>> {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final WebClient issuer;
    private final String jwkSetUri;
    private final Duration cacheTtl;
    private final Duration outageTolerance;
    private final Clock clock;
    private final AtomicReference<Fetched> last = new AtomicReference<>();
    private final AtomicReference<Mono<Fetched>> fetching = new AtomicReference<>();

    IssuerKeySet(WebClient issuer, String jwkSetUri, Duration cacheTtl, Duration outageTolerance, Clock clock) {
        this.issuer = issuer;
        this.jwkSetUri = jwkSetUri;
        this.cacheTtl = cacheTtl;
        this.outageTolerance = outageTolerance;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        return keysFor(selector).flatMapIterable(Function.identity());
    }

    private Mono<List<JWK>> keysFor(JWKSelector selector) {
        Fetched known = last.get();
        if (known != null) {
            List<JWK> found = selector.select(known.keys());
            if (!found.isEmpty()) {
                if (age(known).compareTo(cacheTtl) < 0) {
                    return Mono.just(found);
                }
                // Stale: ask again (the key may be withdrawn), but through an outage the known key still holds.
                return fetch().map(fresh -> selector.select(fresh.keys()))
                        .onErrorResume(failure -> age(known).compareTo(outageTolerance) < 0 ? Mono.just(found) : Mono.error(failure));
            }
        }
        // Nothing known, or a key id the set does not list: only the issuer can say.
        return fetch().map(fresh -> selector.select(fresh.keys()));
    }

    /** One fetch at a time; tokens arriving meanwhile wait for the same answer. */
    private Mono<Fetched> fetch() {
        return Mono.defer(() -> {
            Mono<Fetched> running = fetching.get();
            if (running != null) {
                return running;
            }
            Mono<Fetched> fetch = issuer.get().uri(jwkSetUri).accept(MediaType.APPLICATION_JSON)
                    .retrieve().bodyToMono(String.class)
                    .timeout(FETCH_TIMEOUT)
                    .map(this::parse)
                    .doOnNext(last::set)
                    // before the answer goes on: a token decoded right after it must not be handed this finished fetch
                    .doOnTerminate(() -> fetching.set(null))
                    .cache();
            return fetching.compareAndSet(null, fetch) ? fetch : fetch();
        });
    }

    private Fetched parse(String body) {
        try {
            return new Fetched(JWKSet.parse(body), clock.instant());
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's JWKS at " + jwkSetUri + " cannot be parsed", e);
        }
    }

    private Duration age(Fetched fetched) {
        return Duration.between(fetched.at(), clock.instant());
    }
}
