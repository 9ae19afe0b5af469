package app.kariz.deal.web;

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

    record MoveDealRequest(@NotBlank String stageId) {
    }

    record LoseDealRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Won and reopen take no fields; an empty record still rejects unknown ones. */
    record NoFields() {
    }
}
