package io.newsroom.edge.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/** Checks {@link PlainText}: "5 < 6" and "AT&T" are text; "{@code <b>}", "{@code </p>}", "{@code <!--}" are markup. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    /** The start of a tag, comment, doctype or processing instruction, as an HTML parser would read it. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || (!MARKUP.matcher(value).find() && !hasControlCharacter(value));
    }

    static boolean hasControlCharacter(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
