package vn.partydev.candidate.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person introducing the applicant (người giới thiệu, 3-KNĐ): an official member who has worked, studied or
 * lived with the applicant since {@code coWorkingSince}. A {@code replacement} (người thay thế when the first
 * introducer moved or was disciplined) is exempt from the 12 months (QĐ 24-QĐ/TW §3.2.2).
 */
public record Introducer(UUID memberId, LocalDate coWorkingSince, boolean replacement) {
}
