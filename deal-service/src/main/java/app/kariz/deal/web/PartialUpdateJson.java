package app.kariz.deal.web;

import app.kariz.deal.command.Change;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * PATCH bodies tell a field that is absent (keep it) from one that is {@code null} (clear it): record components
 * of type {@link Change} read an absent field as {@code Change.keep()}, {@code null} as {@code Change.to(null)}
 * and any other value as {@code Change.to(value)}, read as the component's type argument with the usual rules
 * (text trimmed, dates ISO-8601, unknown fields of nested objects rejected).
 */
@Configuration(proxyBeanMethods = false)
public class PartialUpdateJson {

    @Bean
    public SimpleModule partialUpdates() {
        SimpleModule module = new SimpleModule("kariz-partial-updates");
        module.addDeserializer(Change.class, new ChangeDeserializer(null));
        return module;
    }

    /** Raw {@code Change}: Jackson registers deserializers by class; the type argument comes from the property. */
    @SuppressWarnings("rawtypes")
    static final class ChangeDeserializer extends JsonDeserializer<Change> implements ContextualDeserializer {

        private final JsonDeserializer<Object> valueDeserializer;

        ChangeDeserializer(JsonDeserializer<Object> valueDeserializer) {
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JavaType type = property != null ? property.getType() : context.getContextualType();
            JavaType valueType = type.containedTypeOrUnknown(0);
            return new ChangeDeserializer(context.findContextualValueDeserializer(valueType, property));
        }

        @Override
        public Change deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Change.to(valueDeserializer.deserialize(parser, context));
        }

        /** An explicit JSON {@code null}. */
        @Override
        public Change getNullValue(DeserializationContext context) {
            return Change.to(null);
        }

        /** A field the body does not mention. */
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
