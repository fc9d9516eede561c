package vn.partydev.organization.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Đảng số on a date. {@code official}, {@code probationary} and {@code exempt} count members at home (đảng số);
 * {@code hostedTemporarily} counts members hosted here on a temporary transfer (not in the đảng số);
 * {@code eligibleVoters} is the vote denominator: official members less those away on a temporary transfer,
 * exempt members excluded (add those present at the meeting).
 */
@Schema(name = "Headcount")
public record HeadcountView(UUID organizationId, LocalDate on, long official, long probationary,
                            long hostedTemporarily, long exempt, long eligibleVoters) {
}
