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
import java.time.LocalDate;

/**
 * A day a filter may name: years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. {@link LocalDate} itself goes
 * to year ±999 999 999, which Elasticsearch cannot parse (a 5xx before this bound).
 */
@Documented
@Constraint(validatedBy = PublicationDay.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicationDay {

    int FIRST_YEAR = 1900;
    int LAST_YEAR = 9999;

    String message() default "must be a day between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PublicationDay, LocalDate> {

        @Override
        public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
            return day == null || (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR);
        }
    }
}
