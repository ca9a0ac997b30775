package io.newsroom.edge.input;

/** Control characters: PostgreSQL cannot store NUL, Elasticsearch and terminals choke on the others. */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Any C0/C1 control character, line breaks and tabs included: none belongs in a URL's values. */
    static boolean any(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Control characters other than line break and tab, which text fields (bodies, comments) may carry. */
    static boolean inText(CharSequence value) {
        return PlainTextValidator.hasControlCharacter(value);
    }
}
