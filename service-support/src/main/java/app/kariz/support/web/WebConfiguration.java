package app.kariz.support.web;

import app.kariz.kernel.Change;
import app.kariz.support.json.EventJson;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The HTTP conventions of every service: strict JSON (an unknown field is an error, so a typo such as
 * {@code duedate} is reported instead of silently dropped), text trimmed, amounts as decimal strings, the
 * caller from the gateway's signed headers, and problem+json errors.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemHandling.class)
public class WebConfiguration implements WebMvcConfigurer {

    private final ZoneId defaultTimeZone;

    public WebConfiguration(@Value("${kariz.default-time-zone:Asia/Tehran}") ZoneId defaultTimeZone) {
        this.defaultTimeZone = defaultTimeZone;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver(defaultTimeZone));
    }

    /** First, so that even a refused request's answer and log line carry its id. */
    @Bean
    public FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Every API request must carry the gateway's signed identity ({@code kariz.identity.secret}); without a secret
     * the service refuses to start unless {@code kariz.identity.unsigned-headers-trusted=true} (tests only).
     */
    @Bean
    public FilterRegistrationBean<IdentityVerification> identityVerification(
            @Value("${kariz.identity.secret:}") String secret,
            @Value("${kariz.identity.unsigned-headers-trusted:false}") boolean unsignedHeadersTrusted) {
        FilterRegistrationBean<IdentityVerification> registration = new FilterRegistrationBean<>(
                IdentityVerification.configured(secret, unsignedHeadersTrusted, Clock.systemUTC()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Leading and trailing white space is never meaningful in a title, subject or note. */
    @Bean
    public SimpleModule trimmedText() {
        SimpleModule trimming = new SimpleModule("kariz-trimmed-text");
        trimming.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                return text == null ? null : text.strip();
            }
        });
        return trimming;
    }

    /** PATCH bodies tell an absent field (keep it) from an explicit null (clear it), see {@link Change}. */
    @Bean
    public SimpleModule partialUpdates() {
        return PartialUpdateJson.module();
    }

    /** {@code dueTime} is written {@code 14:30} in responses too, as the contract shows it. */
    @Bean
    public SimpleModule wallTimes() {
        return EventJson.wallTimes();
    }

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer karizJsonConventions() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .postConfigurer(mapper -> mapper.configOverride(BigDecimal.class)
                        .setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
    }
}
