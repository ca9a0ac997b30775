package io.newsroom.gateway.switches;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class FilterOnCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attributes = metadata.getAnnotationAttributes(ConditionalOnFilterOn.class.getName());
        String filter = attributes == null ? null : (String) attributes.get("value");
        return filter == null || FilterSwitches.isOn(context.getEnvironment(), filter);
    }
}
