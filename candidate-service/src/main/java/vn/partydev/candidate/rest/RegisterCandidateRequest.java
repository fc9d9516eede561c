package vn.partydev.candidate.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateSource;
import vn.partydev.candidate.domain.Gender;
import vn.partydev.candidate.domain.PoliticalTheory;
import vn.partydev.candidate.domain.ProfessionalEducation;
import vn.partydev.candidate.domain.Sector;

/** {@code POST /api/v1/candidates}: register a quần chúng ưu tú in a chi bộ (fields of api.md and the 2-KNĐ). */
@Schema(name = "RegisterCandidate")
public record RegisterCandidateRequest(
        @Schema(description = "Chi bộ (CELL hoặc GRASSROOTS_CELL)") @NotNull UUID organizationId,
        @Schema(examples = "Nguyễn Thị Hồng Đào") @NotBlank @Size(max = 200) String fullName,
        @Schema(examples = "1998-04-12") @NotNull @Past LocalDate dateOfBirth,
        @NotNull Gender gender,
        @Schema(description = "Số căn cước, 12 chữ số", examples = "079198001234")
        @NotNull @Pattern(regexp = "\\d{12}", message = "phải gồm đúng 12 chữ số") String citizenId,
        @Schema(examples = "Kinh") @NotBlank @Size(max = 50) String ethnicity,
        @Schema(examples = "Không") @NotBlank @Size(max = 100) String religion,
        @Size(max = 300) String hometown,
        @Size(max = 300) String residence,
        @Size(max = 200) String occupation,
        @NotNull Sector sector,
        @Schema(examples = "12/12", description = "\"12/12\", \"9/12 bổ túc\", \"7/10\" hoặc \"biết đọc, biết viết\"")
        @NotBlank @Size(max = 50) String generalEducation,
        @NotNull ProfessionalEducation professionalEducation,
        @NotNull PoliticalTheory politicalTheory,
        @NotNull Boolean youthUnionMember,
        @Schema(description = "NORMAL (mặc định) hoặc DIFFICULT: miền núi, biên giới, hải đảo, vùng dân tộc thiểu số, ngư dân")
        AreaCategory areaCategory,
        @Schema(description = "Già làng, trưởng bản, người có uy tín ở vùng khó khăn (ngoại lệ học vấn: biết đọc, viết)")
        Boolean villageElder,
        @NotNull CandidateSource source) {
}
