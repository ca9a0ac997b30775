package io.newsroom.infra.spring;

/** The property that chooses where the test infrastructure comes from; see the package documentation. */
public final class InfraProvider {

    /** {@code local} (default) or {@code testcontainers}. */
    public static final String PROPERTY = "newsroom.infra.provider";

    private InfraProvider() {
    }
}
