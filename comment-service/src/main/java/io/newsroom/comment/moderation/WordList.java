package io.newsroom.comment.moderation;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds listed words or phrases as whole words, ignoring case. Text is NFKC-normalized first so
 * full-width or ligature look-alikes ("ｖｉａｇｒａ") do not slip through.
 */
final class WordList {

    private final Pattern pattern;

    WordList(List<String> words) {
        List<String> cleaned = words.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        this.pattern = cleaned.isEmpty() ? null : Pattern.compile(
                cleaned.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?<!\\w)(?:", ")(?!\\w)")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** The first listed word found, as written in the text. */
    Optional<String> firstIn(String text) {
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
