package app.kariz.local;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.containers.MongoDBContainer;

import java.nio.file.Path;

/**
 * The same scenario against a real MongoDB replica set and a real Kafka broker in containers. Needs a Docker
 * engine, so it runs only with {@code ./mvnw verify -Pdocker}; the default build excludes the tag rather
 * than skipping silently.
 */
@Tag("docker")
@Testcontainers
class RealInfrastructureEndToEndTest extends DealLifeScenario {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @TempDir
    Path dataDir;

    @Test
    void aDealsWholeLifeOnRealMongoAndKafka() throws Exception {
        playsADealsWholeLifeAndSurvivesARestart(new LocalSettings(dataDir, 0, 0, 0, TOKEN,
                KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl(), null, null, false));
    }
}
