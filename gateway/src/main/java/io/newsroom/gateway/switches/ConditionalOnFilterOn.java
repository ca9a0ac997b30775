package io.newsroom.gateway.switches;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** The bean exists unless its filter is listed in {@code newsroom.gateway.switched-off}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(FilterOnCondition.class)
public @interface ConditionalOnFilterOn {

    /** One of the {@link FilterSwitches} names. */
    String value();
}
