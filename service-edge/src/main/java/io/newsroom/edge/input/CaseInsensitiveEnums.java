package io.newsroom.edge.input;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Enum-valued request parameters in any case: {@code ?status=held} is {@code HELD}. An unknown value still
 * fails conversion (400 listing the accepted values).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class CaseInsensitiveEnums implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
        Class<T> type = enumType(targetType);
        return source -> convert(type, source);
    }

    private static <T extends Enum> @Nullable T convert(Class<T> type, String source) {
        String value = source.strip();
        if (value.isEmpty()) {
            return null;
        }
        for (T constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " named like that");
    }

    /** An enum constant with a body is a subclass; conversion needs the enum itself. */
    private static <T extends Enum> Class<T> enumType(Class<T> targetType) {
        Class<?> type = targetType;
        while (type != null && !type.isEnum()) {
            type = type.getSuperclass();
        }
        return (Class<T>) (type == null ? targetType : type);
    }
}
