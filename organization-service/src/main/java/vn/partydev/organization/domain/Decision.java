package vn.partydev.organization.domain;

import java.time.LocalDate;

/** The document behind a change: number–symbol (số–ký hiệu, e.g. "06-QĐ/ĐUC"), date and issuing body. */
public record Decision(String number, LocalDate date, String issuer) {
}
