package vn.partydev.candidate.domain;

import java.time.LocalDate;

/** A party document: number–symbol (số–ký hiệu, e.g. "12-NQ/CB"), date and issuing organization. */
public record Decision(String number, LocalDate date, String issuer) {
}
