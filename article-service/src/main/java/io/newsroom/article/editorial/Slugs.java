package io.newsroom.article.editorial;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** URL slugs made from headlines and names: "Israel Rebuffs Calls…" → "israel-rebuffs-calls". */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final int MAX_LENGTH = 80;

    /** Paths under /articles that are not articles: an article must never shadow them. */
    static final Set<String> RESERVED = Set.of("must-read", "lookup");

    private Slugs() {
    }

    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")          // accents: "café" → "cafe"
                .replace("'", "").replace("’", "") // "Israel's" → "israels", not "israel-s"
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > MAX_LENGTH) {
            ascii = ascii.substring(0, MAX_LENGTH);
            int lastHyphen = ascii.lastIndexOf('-');
            ascii = lastHyphen > MAX_LENGTH / 2 ? ascii.substring(0, lastHyphen) : ascii.replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "article" : ascii;
    }
}
