package io.newsroom.article.editorial;

import io.newsroom.article.ArticleProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the sections configured in {@code newsroom.articles.sections}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownSection.Validator.class)
public @interface KnownSection {

    String message() default "is not a configured section";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's constraint validator factory, so the configured list is injected. */
    class Validator implements ConstraintValidator<KnownSection, String> {

        private final ArticleProperties properties;

        public Validator(ArticleProperties properties) {
            this.properties = properties;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || properties.sections().contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + properties.sections()).addConstraintViolation();
            return false;
        }
    }
}
