package app.kariz.events.deal;

import java.time.LocalDate;

/** The fields of a deal a salesperson edits. Optional ones may be null. */
public record DealFields(String title, Money value, String ownerId, String personName, String organizationName,
                         LocalDate expectedCloseDate) {
}
