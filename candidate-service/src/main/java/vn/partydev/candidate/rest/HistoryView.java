package vn.partydev.candidate.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.HistoryEntity;

/** One step of the history: action, date, actor, document, votes, evidence, rule versions, override. */
public record HistoryView(String action, LocalDate date, String actor, Object decision, Object votes,
                          Object evidence, Object policyVersion, Object override, String fromStage, String toStage,
                          OffsetDateTime recordedAt) {

    public static HistoryView of(HistoryEntity h) {
        return new HistoryView(h.action, h.stepDate, h.actor, CandidateJson.read(h.decision),
                CandidateJson.read(h.votes), CandidateJson.read(h.evidence), CandidateJson.read(h.policyVersion),
                CandidateJson.read(h.override), h.fromStage, h.toStage, h.recordedAt);
    }
}
