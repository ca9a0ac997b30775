package io.newsroom.infra;

import java.util.function.Supplier;

/**
 * A lazily started JVM-wide instance. A failed start is remembered, so the next hundred tests fail fast
 * with the original cause instead of each waiting minutes for the same failure again.
 */
final class SharedInstance<T> {

    private final Supplier<T> starter;
    private T instance;
    private RuntimeException failure;

    SharedInstance(Supplier<T> starter) {
        this.starter = starter;
    }

    synchronized T get() {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new IllegalStateException("Did not start earlier in this JVM: " + failure.getMessage(), failure);
        }
        try {
            instance = starter.get();
            return instance;
        }
        catch (RuntimeException ex) {
            failure = ex;
            throw ex;
        }
    }
}
