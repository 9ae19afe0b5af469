package app.kariz.view.agenda;

import app.kariz.support.web.Caller;
import app.kariz.support.web.InvalidInputException;
import app.kariz.support.web.ForbiddenException;
import app.kariz.view.access.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/agenda?assigneeId=&date=}: the assignee's (default: the caller's) overdue activities and
 * those due on {@code date} (default: today in the caller's time zone). A restricted viewer may ask only for
 * their own: asking for someone else's is refused (403) rather than answered empty, since an empty agenda would
 * look like a colleague with nothing to do.
 */
@RestController
public class AgendaController {

    private final Agendas agendas;

    public AgendaController(Agendas agendas) {
        this.agendas = agendas;
    }

    @GetMapping("/api/v1/agenda")
    public Agenda agenda(@RequestParam(required = false) String assigneeId,
                         @RequestParam(required = false) String date, Caller caller, Viewer viewer) {
        String assignee = assigneeId == null || assigneeId.isBlank() ? caller.userId() : assigneeId.strip();
        if (!viewer.seesActivityAssignedTo(assignee)) {
            throw new ForbiddenException("assigneeId", "Only your own agenda is visible to you");
        }
        return agendas.find(caller.organizationId(), assignee, date(date), caller.timeZone());
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
