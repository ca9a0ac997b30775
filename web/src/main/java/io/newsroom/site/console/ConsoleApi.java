package io.newsroom.site.console;

import io.newsroom.site.SiteProperties;
import io.newsroom.site.api.Api;
import io.newsroom.site.api.ApiException;
import io.newsroom.site.security.ReaderAddress;
import io.newsroom.site.signin.ConsoleSignIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * The consoles' door to the editor and moderator APIs: the gateway, as for the reader pages, but every call carries
 * the signed-in person's access token ({@link OAuth2ClientHttpRequestInterceptor}, renewed from the session's refresh
 * token when it has expired), so the services see and audit the person. A 401 from the gateway (token revoked, keys
 * rotated) forgets the token and sends the person to sign in again.
 */
@Component
public class ConsoleApi {

    private static final String API = "/api/v1";

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    ConsoleApi(SiteProperties properties, OAuth2AuthorizedClientManager clients, OAuth2AuthorizedClientRepository store,
               RestClient.Builder restClients) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.apiTimeout());
        var relay = new OAuth2ClientHttpRequestInterceptor(clients);
        relay.setClientRegistrationIdResolver(request -> ConsoleSignIn.REGISTRATION);
        relay.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(store));
        // Boot's builder: its calls are observed, so they carry the page request's trace to the gateway.
        this.http = restClients
                .baseUrl(properties.gatewayUrl().toString())
                .requestFactory(factory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", application/problem+json")
                .requestInterceptor(relay)
                .requestInterceptor((request, body, execution) -> {
                    ReaderAddress.current().ifPresent(a -> request.getHeaders().set("X-Forwarded-For", a));
                    return execution.execute(request, body);
                })
                .build();
    }

    /**
     * What the API answered.
     *
     * @param etag    the {@code ETag} (an article's version, for {@code If-Match}), or null
     * @param problem the RFC 9457 body of a 4xx, or null
     */
    public record Answer(int status, String etag, JsonNode body, Api.Problem problem) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer get(Function<org.springframework.web.util.UriBuilder, URI> uri) {
        return exchange(HttpMethod.GET, uri, null, null);
    }

    /** @param body serialized as JSON; null for none */
    public Answer send(HttpMethod method, Function<org.springframework.web.util.UriBuilder, URI> uri, Object body, String ifMatch) {
        return exchange(method, uri, body, ifMatch);
    }

    /** The answer of a call that must succeed; anything else is the console's error page. */
    public JsonNode require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new ApiException(answer.status(), answer.problem(), what);
        }
        return answer.body();
    }

    public JsonMapper json() {
        return json;
    }

    public static Function<org.springframework.web.util.UriBuilder, URI> path(String path, Object... variables) {
        return b -> b.path(API + path).build(variables);
    }

    private Answer exchange(HttpMethod method, Function<org.springframework.web.util.UriBuilder, URI> uri, Object body,
                            String ifMatch) {
        var request = http.method(method).uri(uri);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        Answer answer = request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = res.getStatusCode().value();
            String etag = res.getHeaders().getETag();
            JsonNode parsed = text.isBlank() ? NullNode.getInstance() : parse(text);
            Api.Problem problem = status / 100 == 2 ? null : problem(parsed);
            return new Answer(status, etag, parsed, problem);
        }, true);
        if (answer.status() == 401) {
            // the token was not accepted: sign in again (OAuth2AuthorizationRequestRedirectFilter redirects)
            throw new ClientAuthorizationRequiredException(ConsoleSignIn.REGISTRATION);
        }
        return answer;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return NullNode.getInstance();
        }
    }

    private Api.Problem problem(JsonNode body) {
        try {
            return body.isObject() ? json.treeToValue(body, Api.Problem.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
