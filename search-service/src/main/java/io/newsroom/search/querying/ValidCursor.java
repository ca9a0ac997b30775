package io.newsroom.search.querying;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@code cursor} parameter: absent, or the {@code nextCursor} of a previous page of the same list. */
@Documented
@Constraint(validatedBy = ValidCursor.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCursor {

    /** Which list the cursor belongs to. */
    Kind value();

    String message() default "is not a cursor of this list (pass back nextCursor unchanged)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind { SEARCH, LATEST }

    class Validator implements ConstraintValidator<ValidCursor, String> {

        private Kind kind;

        @Override
        public void initialize(ValidCursor annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String cursor, ConstraintValidatorContext context) {
            if (cursor == null || cursor.isEmpty()) {
                return true;
            }
            return switch (kind) {
                case SEARCH -> Cursors.searchOffset(cursor).isPresent();
                case LATEST -> Cursors.latestPosition(cursor).isPresent();
            };
        }
    }
}
