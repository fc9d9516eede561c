\set n random(1, 60000)
SELECT id AS cid FROM bench_ids WHERE n = :n \gset
SELECT id, organization_id, full_name, name_search, date_of_birth, gender, citizen_id, ethnicity, religion, hometown, residence, occupation, sector, general_education, professional_education, political_theory, youth_union_member, area_category, village_elder, source, stage, stage_since, last_step_date, sympathizer_date, certificate_number, certificate_date, application_date, record_date, introducers, youth_union_committee, verification_result, verification_date, cell_resolution_date, grassroots_resolution_date, decision_extended, admission_decision_date, ceremony_date, new_member_certificate_date, recognition_resolution_date, failed_recognition_votes, recognition_escalated, official_date, party_age_from, ended_date, warnings, decision_due, ceremony_due, recognition_due, certificate_due, created_at, version AS v FROM candidate WHERE id = :cid \gset
WITH step AS (
    UPDATE candidate SET stage = 'SYMPATHIZER', stage_since = '2025-01-02', last_step_date = '2025-01-02', sympathizer_date = '2025-01-02',
           certificate_number = NULL, certificate_date = NULL, application_date = NULL, record_date = NULL,
           introducers = '[]', youth_union_committee = false, verification_result = NULL, verification_date = NULL,
           cell_resolution_date = NULL, grassroots_resolution_date = NULL, decision_extended = false,
           admission_decision_date = NULL, ceremony_date = NULL, new_member_certificate_date = NULL,
           recognition_resolution_date = NULL, failed_recognition_votes = 0, recognition_escalated = false,
           official_date = NULL, party_age_from = NULL, ended_date = NULL, warnings = '[]', decision_due = NULL,
           ceremony_due = NULL, recognition_due = NULL, certificate_due = NULL, version = :v + 1
     WHERE id = :cid AND version = :v
    RETURNING id),
history AS (
    INSERT INTO candidate_history (candidate_id, action, step_date, actor, decision, votes, evidence,
                                   policy_version, override, from_stage, to_stage, recorded_at)
    SELECT id, 'recognize-sympathizer', '2025-01-02', 'admin@national', NULL, NULL, '{}', '{"DATE_IN_FUTURE":"api-v1","DATE_ORDER":"api-v1","APPLICATION_ORDER":"06-HD/TW"}', NULL, 'MASS', 'SYMPATHIZER', now() FROM step),
audit AS (
    INSERT INTO audit_log (recorded_at, kind, actor, actor_roles, actor_organization_id, http_method,
                           http_path, idempotency_key, event_id, event_type, aggregate_type, aggregate_id)
    SELECT now(), 'CHANGE', 'admin@national', 'admin', CAST(NULL AS uuid), 'POST', '/api/v1/candidates/6d3ab761-abea-4b52-a24e-937361b8a7e7/actions/submit-application', NULL, gen_random_uuid(), 'ApplicationSubmitted', 'Candidate', :cid FROM step)
INSERT INTO outbox (id, topic, aggregatetype, aggregateid, type, payload, occurred_at)
SELECT gen_random_uuid(), 'party.candidate.v1', 'Candidate', :cid, 'SympathizerRecognized', CAST('{"date": "2025-12-01", "late": false, "stage": "APPLIED", "action": "submit-application", "gender": "MALE", "sector": "FARMER", "source": "YOUTH_UNION", "override": null, "religion": "Không", "ageOnDate": 25, "birthYear": 2000, "deadlines": [{"due": "2030-11-20", "kind": "CERTIFICATE_EXPIRY", "status": "OPEN"}], "ethnicity": "Tày", "recordedAt": "2026-12-07T17:29:43.672704502Z", "stageSince": "2025-12-01", "candidateId": "6d3ab761-abea-4b52-a24e-937361b8a7e7", "areaCategory": "NORMAL", "ceremonyDate": null, "officialDate": null, "partyAgeFrom": null, "previousStage": "TRAINED", "organizationId": "17e2fb81-7afa-4515-bc12-27653b7c8ee6", "politicalTheory": "NONE", "generalEducation": "12/12", "youthUnionMember": true, "recognitionEscalated": false, "admissionDecisionDate": null, "professionalEducation": "NONE"}' AS jsonb), now() FROM step;
