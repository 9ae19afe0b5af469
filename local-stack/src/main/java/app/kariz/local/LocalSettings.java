package app.kariz.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local stack is told through the environment. Internal ports default to ones no common laptop
 * service uses; port 0 means "any free port".
 *
 * @param dataDir      where Kafka's log and the MongoDB file live ({@code KARIZ_DATA_DIR}, default ./.kariz/data)
 * @param gatewayPort  the public API ({@code KARIZ_GATEWAY_PORT}, default 8080)
 * @param kafkaPort    the broker, for analytics consumers ({@code KARIZ_KAFKA_PORT}, default 19092)
 * @param mongoPort    the MongoDB wire server ({@code KARIZ_MONGO_PORT}, default 27118)
 * @param demoToken    the demo user's bearer token ({@code KARIZ_DEMO_TOKEN}); null lets the gateway make one
 * @param kafkaBootstrapServers an existing Kafka to use instead of the in-process broker
 *                     ({@code KARIZ_KAFKA_BOOTSTRAP_SERVERS}); null starts the in-process one
 * @param mongoUri     an existing MongoDB to use instead of the in-process server ({@code KARIZ_MONGO_URI})
 * @param adminToken   the platform administrator's bearer token ({@code KARIZ_ADMIN_TOKEN}); null turns the
 *                     platform administration endpoints off
 * @param internalSecret the key the gateway signs identity headers with and the services check them with
 *                     ({@code KARIZ_INTERNAL_SECRET}); null makes a random one for this run, as nothing outside
 *                     this JVM needs it
 * @param mongoInMemory whether the in-process MongoDB keeps its data in memory only ({@code KARIZ_MONGO_STORAGE=memory};
 *                     default {@code file}, journaled under {@code dataDir/mongo}): nothing survives a restart and
 *                     no write waits for the disk, which throw-away demos and tests want
 */
public record LocalSettings(Path dataDir, int gatewayPort, int kafkaPort, int mongoPort, String demoToken,
                            String kafkaBootstrapServers, String mongoUri, String adminToken,
                            String internalSecret, boolean mongoInMemory) {

    /** Everything in process, on the given ports. */
    public LocalSettings(Path dataDir, int gatewayPort, int kafkaPort, int mongoPort, String demoToken) {
        this(dataDir, gatewayPort, kafkaPort, mongoPort, demoToken, null, null, null, null, false);
    }

    public LocalSettings withAdminToken(String token) {
        return new LocalSettings(dataDir, gatewayPort, kafkaPort, mongoPort, demoToken, kafkaBootstrapServers,
                mongoUri, token, internalSecret, mongoInMemory);
    }

    public static LocalSettings fromEnvironment(Map<String, String> env) {
        return new LocalSettings(
                Path.of(env.getOrDefault("KARIZ_DATA_DIR", ".kariz/data")),
                Integer.parseInt(env.getOrDefault("KARIZ_GATEWAY_PORT", "8080")),
                Integer.parseInt(env.getOrDefault("KARIZ_KAFKA_PORT", "19092")),
                Integer.parseInt(env.getOrDefault("KARIZ_MONGO_PORT", "27118")),
                env.get("KARIZ_DEMO_TOKEN"),
                env.get("KARIZ_KAFKA_BOOTSTRAP_SERVERS"),
                env.get("KARIZ_MONGO_URI"),
                env.get("KARIZ_ADMIN_TOKEN"),
                env.get("KARIZ_INTERNAL_SECRET"),
                "memory".equalsIgnoreCase(env.getOrDefault("KARIZ_MONGO_STORAGE", "file")));
    }
}
