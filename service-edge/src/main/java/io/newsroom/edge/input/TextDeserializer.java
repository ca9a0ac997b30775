package io.newsroom.edge.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Jackson's own String deserializer (coercion rules included), refusing control characters other than
 * line break and tab in every string of every request body: no NUL ever reaches PostgreSQL or Elasticsearch.
 */
class TextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && ControlCharacters.inText(value)) {
            throw new ControlCharacterException(parser);
        }
        return value;
    }
}
