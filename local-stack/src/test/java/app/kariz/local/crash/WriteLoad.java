package app.kariz.local.crash;

import app.kariz.local.GatewayClient;
import app.kariz.local.GatewayClient.Reply;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static app.kariz.local.crash.AcknowledgedWrites.TEHRAN;

/**
 * Client threads opening deals as fast as the stack answers, and scheduling an activity on about half of those
 * acknowledged (due today, in the future or already overdue, in Asia/Tehran), until {@link #stop} — typically
 * because the stack was just killed under them. Every 201 goes into the ledger of {@link AcknowledgedWrites}.
 */
final class WriteLoad {

    private static final List<String> TYPES = List.of("call", "meeting", "task", "consultation");

    private final GatewayClient api;
    private final String pipelineId;
    private final List<String> stageIds;
    private final AcknowledgedWrites writes;
    private final int round;
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();

    WriteLoad(GatewayClient api, String pipelineId, List<String> stageIds, AcknowledgedWrites writes, int round,
              int threadCount, long seed) {
        this.api = api;
        this.pipelineId = pipelineId;
        this.stageIds = stageIds;
        this.writes = writes;
        this.round = round;
        AtomicInteger named = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "crash-load-" + round + "-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int t = 0; t < threadCount; t++) {
            Random random = new Random(seed * 31 + t);
            int client = t;
            workers.add(threads.submit(() -> write(client, random)));
        }
    }

    /** The stack is about to be killed: from now on a write that gets no answer is no surprise. */
    void killing() {
        killed.set(true);
    }

    /**
     * Lets every client finish the request it is in (a killed stack answers none) and waits for them.
     *
     * @throws TimeoutException if a client is still busy after {@code deadline}
     */
    void stop(Duration deadline) throws Exception {
        stopping.set(true);
        long until = System.nanoTime() + deadline.toNanos();
        try {
            for (Future<?> worker : workers) {
                worker.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void write(int client, Random random) {
        AcknowledgedWrites.Tally tally = writes.tally(round);
        for (int n = 1; !stopping.get(); n++) {
            String dealId = openDeal(client, n, random, tally);
            if (dealId != null && random.nextBoolean()) {
                schedule(dealId, random, tally);
            }
        }
    }

    /** The new deal's id when it was acknowledged, null otherwise. */
    private String openDeal(int client, int n, Random random, AcknowledgedWrites.Tally tally) {
        String body = """
                {"title": "قرارداد پشتیبانی %d-%d-%d", "pipelineId": "%s", "stageId": "%s",
                 "value": {"amount": "%d.00", "currency": "IRR"}, "personName": "سارا احمدی"}"""
                .formatted(round, client, n, pipelineId, stageIds.get(random.nextInt(stageIds.size())),
                        1_000 + random.nextInt(1_000_000));
        Reply reply = send(() -> api.post("/api/v1/deals", body), tally, tally.unansweredDeals);
        if (reply == null) {
            return null;
        }
        if (reply.status() != 201) {
            tally.otherAnswer(reply.status());
            return null;
        }
        String dealId = reply.body().path("id").asText();
        writes.dealAcknowledged(dealId, round);
        return dealId;
    }

    private void schedule(String dealId, Random random, AcknowledgedWrites.Tally tally) {
        Due due = due(random);
        String body = """
                {"dealId": "%s", "type": "%s", "subject": "تماس پیگیری", "dueDate": "%s",%s
                 "timeZone": "Asia/Tehran"}"""
                .formatted(dealId, TYPES.get(random.nextInt(TYPES.size())), due.date(),
                        due.time() == null ? "" : " \"dueTime\": \"" + due.time() + "\",");
        Reply reply = send(() -> api.post("/api/v1/activities", body), tally, tally.unansweredActivities);
        if (reply != null && reply.status() == 201) {
            writes.activityAcknowledged(new AcknowledgedWrites.Activity(reply.body().path("id").asText(), dealId,
                    round, due.date(), due.time()));
            return;
        }
        if (reply != null) {
            tally.otherAnswer(reply.status());
        }
        writes.activityUnknown(dealId);
    }

    /** The answer, or null when there was none (counted). */
    private Reply send(Supplier<Reply> request, AcknowledgedWrites.Tally tally, AtomicInteger unanswered) {
        try {
            return request.get();
        } catch (UncheckedIOException noAnswer) {
            unanswered.incrementAndGet();
            if (!killed.get()) {
                tally.unansweredBeforeTheKill.incrementAndGet();
            }
            return null;
        }
    }

    private record Due(LocalDate date, LocalTime time) {
    }

    /**
     * A third each: due today and not overdue before the check (all day, or timed two hours ahead or more), in the
     * future (1–30 days), overdue (an earlier day, or earlier today); timed ones on the quarter hour.
     */
    private static Due due(Random random) {
        ZonedDateTime now = ZonedDateTime.now(TEHRAN);
        LocalDate today = now.toLocalDate();
        int hour = now.getHour();
        return switch (random.nextInt(3)) {
            case 0 -> hour <= 20 && random.nextBoolean()
                    ? new Due(today, LocalTime.of(hour + 2 + random.nextInt(22 - hour - 1), 15 * random.nextInt(4)))
                    : new Due(today, null);
            case 1 -> new Due(today.plusDays(1 + random.nextInt(30)),
                    random.nextBoolean() ? null : LocalTime.of(9 + random.nextInt(9), 15 * random.nextInt(4)));
            default -> hour >= 2 && random.nextBoolean()
                    ? new Due(today, LocalTime.of(random.nextInt(hour - 1), 15 * random.nextInt(4)))
                    : new Due(today.minusDays(1 + random.nextInt(14)), null);
        };
    }
}
