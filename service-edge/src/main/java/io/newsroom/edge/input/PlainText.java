package io.newsroom.edge.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that is plain text (a headline, a standfirst, a name): no HTML markup and no control characters
 * other than line breaks and tabs. Clients render it as text; refusing markup at the door means a stored
 * {@code <script>} can never reach a client that forgot to escape. {@code null} is valid (pair with
 * {@code @NotBlank} where the field is required).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "is plain text: HTML markup and control characters are not allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
