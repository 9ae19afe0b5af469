package app.kariz.view.agenda;

import app.kariz.kernel.ForbiddenException;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.access.Caller;
import app.kariz.view.card.PageLimit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/agenda?assigneeId=&date=&limit=&overdueCursor=&todayCursor=}: the assignee's (default: the
 * caller's) overdue activities and those due on {@code date} (default: today in the caller's time zone). A
 * restricted viewer may ask only for their own: asking for someone else's is refused (403) rather than answered
 * empty, since an empty agenda would look like a colleague with nothing to do.
 * <p>
 * Each list is a page of at most {@code limit} activities (default 100, at most 500) with the list's count and
 * its next cursor; {@code overdueCursor} and {@code todayCursor} (from {@code overdueNextCursor} and
 * {@code todayNextCursor}) each page their own list, independently of the other.
 */
@RestController
class AgendaController {

    private final Agendas agendas;

    public AgendaController(Agendas agendas) {
        this.agendas = agendas;
    }

    @GetMapping("/api/v1/agenda")
    public Agenda agenda(@RequestParam(required = false) String assigneeId,
                         @RequestParam(required = false) String date,
                         @RequestParam(required = false) String limit,
                         @RequestParam(required = false) String overdueCursor,
                         @RequestParam(required = false) String todayCursor, Caller caller) {
        String assignee = assigneeId == null || assigneeId.isBlank() ? caller.userId() : assigneeId.strip();
        if (!caller.sees(assignee)) {
            throw new ForbiddenException("assigneeId", "Only your own agenda is visible to you");
        }
        LocalDate day = date(date);
        int pageLimit = PageLimit.parse(limit, Agendas.DEFAULT_LIMIT, Agendas.MAX_LIMIT);
        AgendaCursor overdueAfter = AgendaCursor.parse(overdueCursor, AgendaCursor.Listing.OVERDUE);
        AgendaCursor todayAfter = AgendaCursor.parse(todayCursor, AgendaCursor.Listing.TODAY);
        return agendas.find(caller.organizationId(), assignee, day, caller.timeZone(), pageLimit, overdueAfter,
                todayAfter);
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "must be a date like 2026-11-27");
        }
    }
}
