package app.kariz.local.crash;

import app.kariz.local.GatewayClient;
import app.kariz.local.GatewayClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Looks for every acknowledged write through the public API, the way a client would after the restart.
 *
 * <ul>
 *   <li><b>The owning services.</b> Neither has a read endpoint of its own, so each is asked for a write it must
 *   refuse without changing anything, and whose refusal shows it loaded the aggregate from its event store: a deal
 *   {@code PATCH} with an {@code If-Match} no version matches is {@code 412} for a deal the deal service has and
 *   {@code 404} for one it has not; postponing an activity to the year 2000 is {@code 422} "must be later" for an
 *   activity the activity service has and {@code 404} for one it has not.</li>
 *   <li><b>The views.</b> The whole deal list, page by page: every acknowledged deal exactly once, open, with the
 *   indicator its acknowledged activity (or the lack of one) gives, pointing at that activity; the board counting
 *   as many open deals as the list shows; and every acknowledged activity on {@code GET /api/v1/activities/{id}},
 *   open, with its due and state.</li>
 * </ul>
 * A write once found in its owning service, or an activity once found in the view, is not asked for again: nothing
 * but another crash can take it away, and each round makes a new check.
 */
final class SurvivalCheck {

    /** What one pass found wrong, each by the acknowledged deal or activity id, with what was seen instead. */
    record Findings(Map<String, String> missingInDealService, Map<String, String> missingInActivityService,
                    Map<String, String> missingInView, Map<String, Integer> duplicatedInView,
                    Map<String, String> wrongInView, String boardMismatch) {

        /** Ids of acknowledged deals and activities that are gone from their service or from the view. */
        Set<String> lost() {
            Set<String> lost = new TreeSet<>(missingInDealService.keySet());
            lost.addAll(missingInActivityService.keySet());
            lost.addAll(missingInView.keySet());
            return lost;
        }

        /** Every id something is wrong with. */
        Set<String> problems() {
            Set<String> problems = new TreeSet<>(lost());
            problems.addAll(duplicatedInView.keySet());
            problems.addAll(wrongInView.keySet());
            return problems;
        }

        /** Nothing is wrong but what {@code known} already names. */
        boolean settledExcept(Set<String> known) {
            return boardMismatch == null && known.containsAll(problems());
        }
    }

    private final GatewayClient api;
    private final String pipelineId;
    private final AcknowledgedWrites writes;
    private final ExecutorService pool;
    private final Set<String> inDealService = ConcurrentHashMap.newKeySet();
    private final Set<String> inActivityService = ConcurrentHashMap.newKeySet();
    private final Set<String> activityInView = ConcurrentHashMap.newKeySet();

    SurvivalCheck(GatewayClient api, String pipelineId, AcknowledgedWrites writes, ExecutorService pool) {
        this.api = api;
        this.pipelineId = pipelineId;
        this.writes = writes;
        this.pool = pool;
    }

    Findings check() throws Exception {
        List<AcknowledgedWrites.Deal> deals = writes.deals();
        List<AcknowledgedWrites.Activity> activities = writes.activities();
        Map<String, String> missingInDealService = probeAll(deals.stream().map(AcknowledgedWrites.Deal::id)
                .filter(id -> !inDealService.contains(id)).toList(), this::probeDealService, inDealService);
        Map<String, String> missingInActivityService = probeAll(activities.stream()
                .map(AcknowledgedWrites.Activity::id).filter(id -> !inActivityService.contains(id)).toList(),
                this::probeActivityService, inActivityService);

        Map<String, String> missingInView = new TreeMap<>();
        Map<String, String> wrongInView = new TreeMap<>();
        Map<String, AcknowledgedWrites.Activity> activityById = new HashMap<>();
        activities.forEach(activity -> activityById.put(activity.id(), activity));
        Map<String, String> activityProblems = probeAll(activities.stream().map(AcknowledgedWrites.Activity::id)
                .filter(id -> !activityInView.contains(id)).toList(),
                id -> activityInViewProblem(activityById.get(id)), activityInView);
        activityProblems.forEach((id, problem) -> (problem.startsWith("404") ? missingInView : wrongInView)
                .put(id, problem));

        Instant listingFrom = Instant.now();
        Map<String, List<JsonNode>> listed = listAllCards();
        Instant listingTo = Instant.now();
        Map<String, Integer> duplicated = new TreeMap<>();
        for (AcknowledgedWrites.Deal deal : deals) {
            List<JsonNode> cards = listed.getOrDefault(deal.id(), List.of());
            if (cards.isEmpty()) {
                missingInView.put(deal.id(), "not in the deal list");
                continue;
            }
            if (cards.size() > 1) {
                duplicated.put(deal.id(), cards.size());
            }
            String wrong = cardProblem(deal.id(), cards.get(0), listingFrom, listingTo);
            if (wrong != null) {
                wrongInView.put(deal.id(), wrong);
            }
        }
        long listedOpen = listed.values().stream().map(cards -> cards.get(0))
                .filter(card -> "OPEN".equals(card.path("status").asText())
                        && pipelineId.equals(card.path("pipelineId").asText())).count();
        int onBoard = boardCount();
        String boardMismatch = onBoard == listedOpen ? null
                : "the board counts %d open deals, the deal list shows %d".formatted(onBoard, listedOpen);
        return new Findings(missingInDealService, missingInActivityService, missingInView, duplicated, wrongInView,
                boardMismatch);
    }

    // ---- the owning services ---------------------------------------------------------------------------------

    /** Null when the deal service has the deal. */
    private String probeDealService(String dealId) {
        Reply reply = api.patch("/api/v1/deals/" + dealId, "{\"title\": \"crash probe\"}", "\"no-such-version\"");
        return reply.status() == 412 ? null : answer(reply);
    }

    /** Null when the activity service has the activity. */
    private String probeActivityService(String activityId) {
        Reply reply = api.post("/api/v1/activities/" + activityId + "/postpone",
                "{\"dueDate\": \"2000-01-01\", \"timeZone\": \"Asia/Tehran\"}");
        boolean refusedAsEarlier = reply.status() == 422
                && reply.body().path("errors").path(0).path("message").asText().startsWith("must be later");
        return refusedAsEarlier ? null : answer(reply);
    }

    // ---- the views -------------------------------------------------------------------------------------------

    private String activityInViewProblem(AcknowledgedWrites.Activity activity) {
        Instant from = Instant.now();
        Reply reply = api.get("/api/v1/activities/" + activity.id());
        Instant to = Instant.now();
        if (reply.status() != 200) {
            return answer(reply);
        }
        JsonNode body = reply.body();
        String seen = "%s on deal %s due %s %s, %s".formatted(body.path("status").asText(),
                body.path("dealId").asText(), body.path("dueDate").asText(), body.path("dueTime").asText(null),
                body.path("state").asText(null));
        boolean right = "OPEN".equals(body.path("status").asText())
                && activity.dealId().equals(body.path("dealId").asText())
                && activity.dueDate().toString().equals(body.path("dueDate").asText())
                && Objects.equals(activity.wallTime(), body.path("dueTime").asText(null))
                && indicatorFits(activity, body.path("state").asText(null), from, to);
        return right ? null : "expected OPEN on deal %s due %s %s, %s; the view shows %s".formatted(
                activity.dealId(), activity.dueDate(), activity.wallTime(), activity.indicatorAt(from), seen);
    }

    /** Null when the card is right for what was acknowledged on its deal. */
    private String cardProblem(String dealId, JsonNode card, Instant from, Instant to) {
        String status = card.path("status").asText();
        String indicator = card.path("indicator").asText(null);
        String next = card.path("nextActivity").path("id").asText(null);
        int open = card.path("openActivityCount").asInt(-1);
        String seen = "%s, %s, next activity %s, %d open".formatted(status, indicator, next, open);
        if (!"OPEN".equals(status)) {
            return "expected OPEN; the card shows " + seen;
        }
        if (!writes.indicatorKnown(dealId)) {
            return indicator == null ? "expected an indicator; the card shows " + seen : null;
        }
        AcknowledgedWrites.Activity activity = writes.activityOf(dealId).orElse(null);
        if (activity == null) {
            return "NO_ACTIVITY".equals(indicator) && next == null && open == 0 ? null
                    : "expected NO_ACTIVITY, no next activity, 0 open; the card shows " + seen;
        }
        boolean right = activity.id().equals(next) && open == 1 && indicatorFits(activity, indicator, from, to);
        return right ? null : "expected %s, next activity %s, 1 open; the card shows %s".formatted(
                activity.indicatorAt(from), activity.id(), seen);
    }

    /** The state is computed when read: it may be the one at either end of the reading. */
    private static boolean indicatorFits(AcknowledgedWrites.Activity activity, String seen, Instant from,
                                         Instant to) {
        return activity.indicatorAt(from).equals(seen) || activity.indicatorAt(to).equals(seen);
    }

    /** Every card of the deal list (all statuses, newest first), by deal id: more than one is a duplicate. */
    private Map<String, List<JsonNode>> listAllCards() {
        Map<String, List<JsonNode>> cards = new HashMap<>();
        String cursor = null;
        do {
            String path = "/api/v1/deals?limit=200" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply page = api.get(path);
            if (page.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer(page));
            }
            page.body().path("deals").forEach(card -> cards.computeIfAbsent(card.path("id").asText(),
                    id -> new ArrayList<>()).add(card));
            cursor = page.body().path("nextCursor").asText(null);
        } while (cursor != null);
        return cards;
    }

    private int boardCount() {
        Reply board = api.get("/api/v1/pipelines/" + pipelineId + "/board?limit=1");
        if (board.status() != 200) {
            throw new IllegalStateException("The board answered " + answer(board));
        }
        int count = 0;
        for (JsonNode stage : board.body().path("stages")) {
            count += stage.path("count").asInt();
        }
        return count;
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    /**
     * Runs {@code probe} on every id on the pool; those it finds put in {@code found}, the others returned with
     * what the probe saw instead.
     */
    private Map<String, String> probeAll(List<String> ids, Function<String, String> probe, Set<String> found)
            throws Exception {
        List<Callable<String>> tasks = ids.stream().<Callable<String>>map(id -> () -> {
            try {
                return probe.apply(id);
            } catch (UncheckedIOException noAnswer) {
                return "no answer: " + noAnswer.getCause();
            }
        }).toList();
        List<Future<String>> results = pool.invokeAll(tasks);
        Map<String, String> missing = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String problem = results.get(i).get();
            if (problem == null) {
                found.add(ids.get(i));
            } else {
                missing.put(ids.get(i), problem);
            }
        }
        return missing;
    }

    private static String answer(Reply reply) {
        String detail = reply.body().path("detail").asText("");
        return reply.status() + (detail.isEmpty() ? "" : " " + detail);
    }
}
