package vn.partydev.candidate.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A working-day computation: with {@code days}, the deadline {@code due} ("within N working days of from");
 * with {@code to}, the number of {@code workingDays} after {@code from} up to and including {@code to}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkingDaysView(LocalDate from, Integer days, LocalDate due, LocalDate to, Integer workingDays) {
}
