package app.kariz.view.agenda;

import app.kariz.support.web.Caller;
import app.kariz.support.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/agenda?assigneeId=&date=}: the assignee's (default: the caller's) overdue activities and
 * those due on {@code date} (default: today in the caller's time zone).
 */
@RestController
public class AgendaController {

    private final Agendas agendas;

    public AgendaController(Agendas agendas) {
        this.agendas = agendas;
    }

    @GetMapping("/api/v1/agenda")
    public Agenda agenda(@RequestParam(required = false) String assigneeId,
                         @RequestParam(required = false) String date, Caller caller) {
        String assignee = assigneeId == null || assigneeId.isBlank() ? caller.userId() : assigneeId.strip();
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
