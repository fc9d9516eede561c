package vn.partydev.candidate.domain;

import java.time.LocalDate;

/** One of a candidate's time limits: its kind, the day it falls due and where it stands today. */
public record Deadline(Kind kind, LocalDate due, Status status) {

    public enum Kind { DECISION, CEREMONY, RECOGNITION, CERTIFICATE_EXPIRY }

    public enum Status { OPEN, DUE_SOON, OVERDUE, MET }
}
