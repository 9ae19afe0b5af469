package app.kariz.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP/1.1 connection kept alive across many requests that alternate between answers routed to a service and
 * answers the gateway writes itself (401 and 404 problems, the OpenAPI document). Each request gets a bounded wait
 * for its answer: a connection on which the gateway stops reading shows up as a timeout, counted, and the test goes
 * on over a new connection.
 * <p>
 * Reactor Netty queues a request that arrives before the previous request's handling has terminated; when the
 * gateway answered the queued request at once, the connection read nothing more and the next request hung
 * (reactor/reactor-netty#4361, worked around in {@link app.kariz.gateway.server.KeepAliveConfiguration}). Without the
 * workaround the pipelined test hangs in about half (Reactor Netty 1.2.11) or all (1.2.18) of its rounds that end in
 * an immediate answer; the kept-alive one now and then (0 to 4 requests of 4,000 to 6,000). More rounds of the
 * latter: {@code -Dkariz.test.keep-alive-rounds=3000}.
 */
class KeepAliveTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";
    private static final int ROUNDS = Integer.getInteger("kariz.test.keep-alive-rounds", 300);
    private static final int PIPELINED_ROUNDS = 40;
    private static final int ANSWER_TIMEOUT_MILLIS = 2000;

    private static final Exchange ROUTED = get("routed", "/api/v1/pipelines", TOKEN, 200);
    /** Answers the gateway writes itself; all but the 404 after a token lookup at once, on the connection's thread. */
    private static final List<Exchange> OWN_ANSWERS = List.of(
            get("unauthenticated", "/api/v1/pipelines", null, 401),
            get("unknown operation", "/api/v1/nowhere", TOKEN, 404),
            get("OpenAPI document", "/api/v1/openapi.json", null, 200),
            get("unknown operation without a token", "/api/v1/nowhere", null, 401));

    private static StubService deals;
    private static StubService activities;
    private static StubService views;
    private static RunningGateway gateway;

    /** A request and the status it is answered with. */
    private record Exchange(String name, String request, int expectedStatus) {
    }

    @BeforeAll
    static void start() {
        deals = new StubService("deal-service");
        activities = new StubService("activity-service");
        views = new StubService("pipeline-view-service");
        gateway = RunningGateway.start(
                "--kariz.gateway.deal-service-uri=" + deals.uri(),
                "--kariz.gateway.activity-service-uri=" + activities.uri(),
                "--kariz.gateway.view-service-uri=" + views.uri(),
                "--kariz.demo.token=" + TOKEN,
                // Many requests in a few seconds with one token: not what is tested here.
                "--kariz.gateway.rate-limit.per-second=100000",
                "--kariz.gateway.rate-limit.burst=100000");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        deals.close();
        activities.close();
        views.close();
    }

    @Test
    void aConnectionKeptAliveAnswersEveryRequestWhateverAnsweredTheOneBefore() throws IOException {
        List<String> hangs = new ArrayList<>();
        int connections = 1;
        Socket socket = connect();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Exchange own = OWN_ANSWERS.get(round % OWN_ANSWERS.size());
                for (Exchange exchange : List.of(ROUTED, own)) {
                    try {
                        write(socket, exchange);
                        assertThat(readAnswer(socket, exchange)).as("round %d, %s", round, exchange.name())
                                .isEqualTo(exchange.expectedStatus());
                    } catch (SocketTimeoutException hung) {
                        hangs.add("round " + round + ", " + exchange.name());
                        socket.close();
                        socket = connect();
                        connections++;
                    }
                }
            }
        } finally {
            socket.close();
        }
        assertThat(hangs).as("requests not answered within %d ms, of %d", ANSWER_TIMEOUT_MILLIS, 2 * ROUNDS)
                .isEmpty();
        assertThat(connections).as("connections used").isEqualTo(1);
    }

    /**
     * The same, made certain: a request sent right behind a routed one (pipelined) always waits in Reactor Netty
     * until the routed answer is done, and is then answered at once when the gateway answers it itself.
     */
    @Test
    void aRequestAfterAPipelinedAnswerOfTheGatewayIsAnswered() throws IOException {
        List<String> hangs = new ArrayList<>();
        Socket socket = connect();
        try {
            for (int round = 0; round < PIPELINED_ROUNDS; round++) {
                Exchange own = OWN_ANSWERS.get(round % OWN_ANSWERS.size());
                try {
                    write(socket, ROUTED, own);
                    assertThat(readAnswer(socket, ROUTED)).as("round %d, routed", round).isEqualTo(200);
                    assertThat(readAnswer(socket, own)).as("round %d, %s", round, own.name())
                            .isEqualTo(own.expectedStatus());
                    write(socket, ROUTED);
                    assertThat(readAnswer(socket, ROUTED)).as("round %d, routed after %s", round, own.name())
                            .isEqualTo(200);
                } catch (SocketTimeoutException hung) {
                    hangs.add("round " + round + ", after " + own.name());
                    socket.close();
                    socket = connect();
                }
            }
        } finally {
            socket.close();
        }
        assertThat(hangs).as("requests not answered within %d ms, of %d", ANSWER_TIMEOUT_MILLIS, 3 * PIPELINED_ROUNDS)
                .isEmpty();
    }

    private static Exchange get(String name, String path, String token, int expectedStatus) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return new Exchange(name, request, expectedStatus);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port());
        socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Sends the requests in one go, the second right behind the first. */
    private static void write(Socket socket, Exchange... exchanges) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (Exchange exchange : exchanges) {
            requests.append(exchange.request());
        }
        OutputStream out = socket.getOutputStream();
        out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a whole answer; its status. */
    private static int readAnswer(Socket socket, Exchange exchange) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> {
                }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (contentLength > 0) {
            skip(in, contentLength);
        }
        assertThat(close).as("%s answered with Connection: close", exchange.name()).isFalse();
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The gateway closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("The gateway closed the connection mid-answer");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
