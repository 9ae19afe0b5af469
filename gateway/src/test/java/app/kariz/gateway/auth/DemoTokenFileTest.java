package app.kariz.gateway.auth;

import app.kariz.gateway.RunningGateway;
import app.kariz.gateway.StubService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Local mode without KARIZ_DEMO_TOKEN: the gateway makes up a token once and keeps using it. */
@ExtendWith(OutputCaptureExtension.class)
class DemoTokenFileTest {

    @TempDir
    Path home;

    private StubService deals;

    @BeforeEach
    void startService() {
        deals = new StubService("deal-service");
    }

    @AfterEach
    void stopService() {
        deals.close();
    }

    @Test
    void aGeneratedTokenIsWrittenPrintedAndReusedOnRestart(CapturedOutput output) throws IOException {
        Path tokenFile = home.resolve(".kariz").resolve("demo-token");

        String token;
        try (RunningGateway gateway = start(tokenFile)) {
            assertThat(tokenFile).isRegularFile();
            token = Files.readString(tokenFile).strip();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(output.getOut()).containsOnlyOnce(token);
            assertThatTokenIsAccepted(gateway, token);
        }

        try (RunningGateway restarted = start(tokenFile)) {
            assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
            assertThatTokenIsAccepted(restarted, token);
        }
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path tokenFile = home.resolve("fresh").resolve("demo-token");

        try (RunningGateway ignored = start(tokenFile)) {
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            assertThat(Files.getPosixFilePermissions(tokenFile.getParent()))
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void aConfiguredTokenWinsAndNoFileIsWritten() {
        Path tokenFile = home.resolve(".kariz").resolve("demo-token");

        try (RunningGateway gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.demo.token=configured-token-0123456789",
                "--kariz.demo.token-file=" + tokenFile)) {
            assertThat(tokenFile).doesNotExist();
            assertThatTokenIsAccepted(gateway, "configured-token-0123456789");
        }
    }

    private RunningGateway start(Path tokenFile) {
        return RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.demo.token=",
                "--kariz.demo.token-file=" + tokenFile);
    }

    private void assertThatTokenIsAccepted(RunningGateway gateway, String token) {
        gateway.client().get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertThat(deals.takeRequest().header("Kariz-User-Id")).hasValue("demo-user");
        gateway.client().get().uri("/api/v1/pipelines").headers(h -> h.setBearerAuth(token + "x")).exchange()
                .expectStatus().isUnauthorized();
    }
}
