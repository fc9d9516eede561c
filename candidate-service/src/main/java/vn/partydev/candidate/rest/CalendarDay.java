package vn.partydev.candidate.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dated, named day of the calendar: a holiday or a swapped working day. */
public record CalendarDay(
        @NotNull @Schema(example = "2025-01-29") LocalDate date,
        @NotBlank @Size(max = 200) @Schema(example = "Tết Nguyên đán (mùng 1)") String name) {
}
