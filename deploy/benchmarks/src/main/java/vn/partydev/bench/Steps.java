package vn.partydev.bench;

import java.util.List;

/**
 * The pipeline steps the benchmark takes on each candidate, in order, with the dates of the candidate
 * service's story test (a teacher's path in 2024, away from Tết). The first three touch only
 * candidate-service's own database; assign-introducers asks organization-service for both introducers.
 */
final class Steps {

    record Step(String action, String bodyTemplate) {
        /** The body for a candidate of a chi bộ whose two official members are {@code m1} and {@code m2}. */
        String body(Fixture.Cell cell) {
            return bodyTemplate.replace("$M1", cell.member1().toString()).replace("$M2", cell.member2().toString());
        }
    }

    static final List<Step> ALL = List.of(
            new Step("recognize-sympathizer", """
                    {"date":"2024-03-05","decision":{"number":"05-NQ/CB","date":"2024-03-05","issuer":"Chi bộ Giáo viên"},
                     "helpers":[{"memberId":"$M1"}]}"""),
            new Step("complete-awareness-course", """
                    {"date":"2024-04-10","certificateNumber":"CN-NTVĐ 123/2024","certificateDate":"2024-04-10"}"""),
            new Step("submit-application", """
                    {"date":"2024-05-08","applicationDate":"2024-05-06","recordDate":"2024-05-08"}"""),
            new Step("assign-introducers", """
                    {"date":"2024-05-10","introducers":[{"memberId":"$M1","coWorkingSince":"2021-09-01"},
                     {"memberId":"$M2","coWorkingSince":"2022-03-01"}],"youthUnionCommittee":false}"""),
            new Step("record-verification", """
                    {"date":"2024-06-20","result":"QUALIFIED","certifyingCommittee":"Đảng ủy Trường THPT (benchmark)"}"""));

    private Steps() {
    }
}
