package app.kariz.mongo.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** A durable embedded server in a process of its own, for a test to kill: prints its port, then serves. */
public final class DurableServerProcess {

    private DurableServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.durable(Path.of(args[0]), 0);
        System.out.println("PORT " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
