package io.newsroom.article.editorial;

/** The editor changed an older version than the current one (412): reload, merge, retry. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    StaleVersionException(long expected, long current) {
        super("The article changed meanwhile: you edited version " + expected + ", the current one is " + current);
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
