package io.newsroom.article;

import io.newsroom.infra.http.HttpTestClient;
import io.newsroom.infra.http.HttpTestResponse;
import io.newsroom.infra.security.LocalIssuer;

/** article-service's own calls (an editor's token, {@code If-Match}) over the shared {@link HttpTestClient}. */
public final class Api {

    private final HttpTestClient http;

    public Api(int port) {
        this.http = HttpTestClient.loopback(port);
    }

    public static String editorToken(String subject) {
        return LocalIssuer.shared().token(subject, "EDITOR");
    }

    public HttpTestResponse get(String path, String... headers) {
        return http.get(path, headers);
    }

    /** {@code body} as JSON: a String as is, anything else written by Jackson. */
    public HttpTestResponse send(String method, String path, Object body, String... headers) {
        return http.request(method, path).headers(headers).json(body).send();
    }

    /** As editor {@code subject}, with {@code If-Match} when {@code etag} is not null; no body when it is null. */
    public HttpTestResponse edit(String method, String path, Object body, String subject, String etag) {
        var request = http.request(method, path).bearer(editorToken(subject)).json(body);
        return (etag == null ? request : request.header("If-Match", etag)).send();
    }
}
