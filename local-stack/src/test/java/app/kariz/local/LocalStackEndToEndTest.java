package app.kariz.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The scenario on the local stack exactly as {@code java -jar kariz-local.jar} runs it: a real Kafka broker
 * in process and the embedded-mongo module (mongo-java-server's engine, journaled) — not a real MongoDB.
 */
class LocalStackEndToEndTest extends DealLifeScenario {

    @TempDir
    Path dataDir;

    @Test
    void aDealsWholeLifeThroughTheGatewaySurvivesARestart() throws Exception {
        playsADealsWholeLifeAndSurvivesARestart(new LocalSettings(dataDir, 0, 0, 0, TOKEN));
    }
}
