package app.kariz.deal.web;

import app.kariz.kernel.Change;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the deal endpoints; syntax is checked here, business rules in the aggregate. */
final class DealRequests {

    private DealRequests() {
    }

    record OpenDealRequest(@NotBlank @Size(max = 255) String title,
                           @NotBlank String pipelineId,
                           @NotBlank String stageId,
                           @Valid MoneyRequest value,
                           @Size(max = 255) String ownerId,
                           @Size(max = 255) String personName,
                           @Size(max = 255) String organizationName,
                           LocalDate expectedCloseDate) {
    }

    record MoneyRequest(@NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal amount,
                        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like IRR")
                        String currency) {
    }

    /**
     * A partial update: an absent field is kept, an explicit {@code null} (or blank text) clears an optional one.
     * The lengths, amount and currency are checked by the deal aggregate, which names the same fields.
     */
    record UpdateDealRequest(Change<String> title,
                             Change<MoneyRequest> value,
                             Change<String> ownerId,
                             Change<String> personName,
                             Change<String> organizationName,
                             Change<LocalDate> expectedCloseDate) {
    }

    record MoveDealRequest(@NotBlank String stageId) {
    }

    record LoseDealRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Won and reopen take no fields; an empty record still rejects unknown ones. */
    record NoFields() {
    }
}
