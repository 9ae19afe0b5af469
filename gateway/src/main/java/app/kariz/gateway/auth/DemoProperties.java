package app.kariz.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code kariz.demo.*}: the local demo organisation and its administrator; the documented defaults live in
 * {@code gateway.properties}.
 *
 * @param token     the demo user's bearer token ({@code KARIZ_DEMO_TOKEN}); blank means: use {@code tokenFile}
 * @param tokenFile where the token is kept when none is configured; created with a random token if absent
 */
@ConfigurationProperties("kariz.demo")
public record DemoProperties(String token,
                             @DefaultValue(".kariz/demo-token") Path tokenFile,
                             @DefaultValue("demo") String organizationId,
                             @DefaultValue("demo-user") String userId,
                             @DefaultValue("Asia/Tehran") ZoneId timeZone) {
}
