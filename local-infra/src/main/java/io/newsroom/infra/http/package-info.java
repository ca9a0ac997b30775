/**
 * The one HTTP client of every module's tests: {@link io.newsroom.infra.http.HttpTestClient} sends exactly
 * what a test writes (JDK {@code HttpClient}, no redirects, no URI templating, HTTP/1.1) and hands back an
 * {@link io.newsroom.infra.http.HttpTestResponse}, never throwing on a 4xx/5xx.
 */
package io.newsroom.infra.http;
