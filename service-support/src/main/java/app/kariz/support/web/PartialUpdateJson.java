package app.kariz.support.web;

import app.kariz.kernel.Change;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;

import java.io.IOException;

/**
 * Lets PATCH bodies tell an absent field (keep it) from an explicit {@code null} (clear it): a record component of
 * type {@link Change} reads as {@code Change.keep()} when the body leaves it out, {@code Change.to(null)} for
 * {@code null}, and otherwise {@code Change.to(value)} with the value read as the type argument under the usual
 * rules (text trimmed, dates and wall times ISO-8601).
 */
final class PartialUpdateJson {

    private PartialUpdateJson() {
    }

    /** Registered with every service's object mapper by {@link WebConfiguration}; usable in plain mappers too. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("kariz-partial-updates");
        module.addDeserializer(Change.class, new ChangeDeserializer(null));
        return module;
    }

    /** Raw {@code Change}: deserializers are registered by class; the value type comes from the property. */
    @SuppressWarnings("rawtypes")
    static final class ChangeDeserializer extends JsonDeserializer<Change> implements ContextualDeserializer {

        private final JsonDeserializer<Object> values;

        ChangeDeserializer(JsonDeserializer<Object> values) {
            this.values = values;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JavaType changeType = property != null ? property.getType() : context.getContextualType();
            return new ChangeDeserializer(context.findContextualValueDeserializer(
                    changeType.containedTypeOrUnknown(0), property));
        }

        @Override
        public Change deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Change.to(values.deserialize(parser, context));
        }

        /** An explicit JSON {@code null}. */
        @Override
        public Change getNullValue(DeserializationContext context) {
            return Change.to(null);
        }

        /** A field the body leaves out. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return Change.keep();
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.CONSTANT;
        }
    }
}
