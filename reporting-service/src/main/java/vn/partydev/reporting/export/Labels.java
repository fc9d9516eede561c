package vn.partydev.reporting.export;

import java.util.Map;
import vn.partydev.reporting.domain.AgeBand;

/** Vietnamese labels for the codes the files show (the JSON keeps the codes). */
final class Labels {

    private static final Map<String, String> GENDER = Map.of("MALE", "Nam", "FEMALE", "Nữ");
    private static final Map<String, String> KIND = Map.of("RESIDENTIAL", "Khu dân cư", "SCHOOL", "Trường học",
            "AGENCY", "Cơ quan", "STATE_ENTERPRISE", "Doanh nghiệp nhà nước",
            "PRIVATE_ENTERPRISE", "Doanh nghiệp ngoài nhà nước", "MILITARY", "Quân sự", "POLICE", "Công an",
            "HEALTH", "Y tế", "OTHER", "Khác");
    private static final Map<String, String> STAGE = Map.ofEntries(Map.entry("OUTSTANDING_MASS", "Quần chúng ưu tú"),
            Map.entry("SYMPATHIZER", "Cảm tình đảng"), Map.entry("TRAINED", "Đã học lớp nhận thức"),
            Map.entry("APPLIED", "Đã có đơn"), Map.entry("VERIFIED", "Đã thẩm tra lý lịch"),
            Map.entry("CELL_PROPOSED", "Chi bộ đề nghị"), Map.entry("GRASSROOTS_PROPOSED", "Đảng ủy cơ sở đề nghị"),
            Map.entry("ADMISSION_DECIDED", "Có quyết định kết nạp"), Map.entry("PROBATIONARY", "Đảng viên dự bị"));
    private static final Map<String, String> SECTOR = Map.of("STATE_AGENCY", "Cán bộ, công chức",
            "PUBLIC_SERVICE", "Viên chức", "STATE_ENTERPRISE", "Doanh nghiệp nhà nước",
            "PRIVATE_ENTERPRISE", "Doanh nghiệp ngoài nhà nước", "FARMER", "Nông dân", "WORKER", "Công nhân",
            "STUDENT", "Học sinh, sinh viên", "ARMED_FORCES", "Lực lượng vũ trang", "OTHER", "Khác");
    private static final Map<String, String> TRAINING = Map.of("AWARENESS", "Bồi dưỡng nhận thức về Đảng",
            "NEW_MEMBER", "Bồi dưỡng đảng viên mới");

    private Labels() {
    }

    static String of(String key, Object value) {
        if (value == null) {
            return "";
        }
        String code = value.toString();
        String label = switch (key) {
            case "gender" -> GENDER.get(code);
            case "kind" -> KIND.getOrDefault(code, TRAINING.get(code));
            case "stage" -> STAGE.get(code);
            case "sector" -> SECTOR.get(code);
            case "youthUnion" -> Boolean.TRUE.equals(value) ? "Đoàn viên" : "Không phải đoàn viên";
            case "ageBand" -> {
                try {
                    yield AgeBand.valueOf(code).vietnamese();
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
            default -> null;
        };
        return label == null ? code : label;
    }
}
