package vn.partydev.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The national dataset, deterministic for a seed: the tree (PROVINCIAL → ABOVE_GRASSROOTS đảng bộ xã/phường →
 * GRASSROOTS_COMMITTEE đảng bộ cơ sở → CELL chi bộ, and GRASSROOTS_CELL chi bộ cơ sở), the roster of each chi bộ
 * and the candidates who went through the pipeline, one per admission. The tree is held in memory (235,000 nodes
 * at the national scale, a few tens of MB); members and candidates are made on demand from their number, so that
 * the 5.6 million members never sit in memory and any part can be made again, identically, from the seed.
 *
 * <p>Shares (issue 6): ~37 % women, ~12 % ethnic minorities, ~65 % Đoàn viên (youth union), ~64 % aged 18–30 among
 * the people admitted; members carry the women share too.
 */
public final class Dataset {

    public enum Type { PROVINCIAL, ABOVE_GRASSROOTS, GRASSROOTS_COMMITTEE, GRASSROOTS_CELL, CELL }

    /** One organization; {@code parent} is the index in {@link #organizations()}, -1 for a province. */
    public record Org(int index, int parent, Type type, String kind, String code, String name, int province,
                      String communeName) {
        public boolean holdsMembers() {
            return type == Type.CELL || type == Type.GRASSROOTS_CELL;
        }
    }

    /** A member of a chi bộ's roster, as the import takes it. */
    public record Member(int unit, long number, String fullName, boolean female, LocalDate dateOfBirth,
                         String citizenId, String status, LocalDate admittedOn, LocalDate officialOn,
                         LocalDate statusSince) {
    }

    /** A candidate: the chi bộ, the person, and the year of the ceremony (0 = still in the pipeline). */
    public record Candidate(long number, int unit, String fullName, boolean female, LocalDate dateOfBirth,
                            String citizenId, String ethnicity, String religion, boolean youthUnion, String sector,
                            String professionalEducation, String areaCategory, String source, String occupation,
                            int ceremonyYear) {
    }

    public static final double WOMEN = 0.37;
    public static final double MINORITIES = 0.12;
    public static final double YOUTH_UNION = 0.65;
    public static final double AGED_18_30 = 0.64;

    /** The 34 provinces and cities since 2025, with the first three digits of their citizens' ids. */
    static final String[][] PROVINCES = {{"thành phố", "Hà Nội", "001"}, {"thành phố", "Huế", "046"},
            {"tỉnh", "Lai Châu", "012"}, {"tỉnh", "Điện Biên", "011"}, {"tỉnh", "Sơn La", "014"},
            {"tỉnh", "Lạng Sơn", "020"}, {"tỉnh", "Quảng Ninh", "022"}, {"tỉnh", "Thanh Hoá", "038"},
            {"tỉnh", "Nghệ An", "040"}, {"tỉnh", "Hà Tĩnh", "042"}, {"tỉnh", "Cao Bằng", "004"},
            {"tỉnh", "Tuyên Quang", "008"}, {"tỉnh", "Lào Cai", "010"}, {"tỉnh", "Thái Nguyên", "019"},
            {"tỉnh", "Phú Thọ", "025"}, {"tỉnh", "Bắc Ninh", "024"}, {"tỉnh", "Hưng Yên", "033"},
            {"thành phố", "Hải Phòng", "031"}, {"tỉnh", "Ninh Bình", "037"}, {"tỉnh", "Quảng Trị", "045"},
            {"thành phố", "Đà Nẵng", "048"}, {"tỉnh", "Quảng Ngãi", "051"}, {"tỉnh", "Gia Lai", "064"},
            {"tỉnh", "Khánh Hoà", "056"}, {"tỉnh", "Lâm Đồng", "068"}, {"tỉnh", "Đắk Lắk", "066"},
            {"thành phố", "Hồ Chí Minh", "079"}, {"tỉnh", "Đồng Nai", "075"}, {"tỉnh", "Tây Ninh", "072"},
            {"thành phố", "Cần Thơ", "092"}, {"tỉnh", "Vĩnh Long", "086"}, {"tỉnh", "Đồng Tháp", "087"},
            {"tỉnh", "Cà Mau", "096"}, {"tỉnh", "An Giang", "089"}};
    private static final String[] PLACE_A = {"Tân", "Phú", "An", "Hoà", "Thanh", "Vĩnh", "Long", "Bình", "Đông", "Tây",
            "Nam", "Bắc", "Quảng", "Xuân", "Hưng", "Minh", "Đức", "Tiến", "Thạnh", "Mỹ", "Kim", "Yên", "Hồng", "Trung"};
    private static final String[] PLACE_B = {"Lập", "Phú", "Hưng", "Bình", "Thịnh", "Lộc", "An", "Thuận", "Hoà",
            "Sơn", "Hải", "Thành", "Phước", "Tiến", "Lợi", "Khánh", "Đông", "Long", "Mỹ", "Điền", "Quang", "Nghĩa"};
    /** Kinds of tổ chức cơ sở đảng in a commune and their share, per mille. */
    private static final String[] KINDS = {"RESIDENTIAL", "SCHOOL", "AGENCY", "HEALTH", "STATE_ENTERPRISE",
            "PRIVATE_ENTERPRISE", "MILITARY", "POLICE", "OTHER"};
    private static final int[] KIND_PER_MILLE = {420, 190, 120, 50, 40, 90, 40, 35, 15};
    private static final String[] SCHOOLS = {"Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT"};
    private static final String[] SCHOOL_CELLS = {"Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên",
            "Tổ Lịch sử – Địa lý", "Tổ Ngoại ngữ", "Văn phòng", "Tổ Giáo dục thể chất"};
    private static final String[] AGENCY_CELLS = {"Văn phòng", "Phòng Kinh tế", "Phòng Văn hoá – Xã hội",
            "Trung tâm Phục vụ hành chính công", "Mặt trận Tổ quốc và các đoàn thể"};
    private static final String[] HEALTH_CELLS = {"Khoa Nội", "Khoa Ngoại", "Khoa Nhi", "Khoa Y tế công cộng",
            "Phòng khám đa khoa", "Trạm Y tế"};

    private final long seed;
    private final NationalShape shape;
    private final List<Org> organizations = new ArrayList<>();
    /** Indices of the chi bộ (CELL and GRASSROOTS_CELL) in {@link #organizations}, and their roster sizes. */
    private final int[] units;
    private final int[] rosterSize;
    /** First member number of each unit (prefix sums of {@link #rosterSize}). */
    private final long[] firstMember;

    public Dataset(NationalShape shape, long seed) {
        this.shape = shape;
        this.seed = seed;
        buildTree();
        List<Integer> holding = new ArrayList<>();
        for (Org org : organizations) {
            if (org.holdsMembers()) {
                holding.add(org.index());
            }
        }
        units = holding.stream().mapToInt(Integer::intValue).toArray();
        rosterSize = new int[units.length];
        firstMember = new long[units.length + 1];
        double[] weight = new double[units.length];
        double total = 0;
        for (int u = 0; u < units.length; u++) {
            SplittableRandom r = random(7, u);
            Org org = organizations.get(units[u]);
            weight[u] = (0.5 + r.nextDouble()) * ("RESIDENTIAL".equals(org.kind()) ? 1.3 : 0.85)
                    * (org.type() == Type.GRASSROOTS_CELL ? 0.8 : 1.0);
            total += weight[u];
        }
        long assigned = 0;
        for (int u = 0; u < units.length; u++) {
            rosterSize[u] = Math.max(8, (int) Math.floor(weight[u] / total * shape.members()));
            assigned += rosterSize[u];
        }
        for (int u = 0; assigned < shape.members(); u = (u + 1) % units.length) {
            rosterSize[u]++;
            assigned++;
        }
        for (int u = 0; u < units.length; u++) {
            firstMember[u + 1] = firstMember[u] + rosterSize[u];
        }
    }

    public NationalShape shape() {
        return shape;
    }

    public List<Org> organizations() {
        return organizations;
    }

    public int unitCount() {
        return units.length;
    }

    public Org unit(int u) {
        return organizations.get(units[u]);
    }

    public int rosterSize(int u) {
        return rosterSize[u];
    }

    public long memberCount() {
        return firstMember[units.length];
    }

    /** A random number stream for one thing: the seed, what it is for, and its number. */
    SplittableRandom random(long purpose, long number) {
        long x = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + number * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return new SplittableRandom(x);
    }

    private void buildTree() {
        int grassrootsCells = (int) Math.round(shape.grassroots() * NationalShape.GRASSROOTS_CELL_SHARE);
        int committees = shape.grassroots() - grassrootsCells;
        int[] communeOf = new int[shape.communes()];
        for (int p = 0; p < shape.provinces(); p++) {
            String[] province = PROVINCES[p % PROVINCES.length];
            String name = province[1] + (p >= PROVINCES.length ? " " + (p / PROVINCES.length + 1) : "");
            add(-1, Type.PROVINCIAL, "OTHER", "P" + (p + 1), "Đảng bộ " + province[0] + " " + name, p, name);
        }
        for (int c = 0; c < shape.communes(); c++) {
            int province = (int) ((long) c * shape.provinces() / shape.communes());
            SplittableRandom r = random(1, c);
            boolean ward = r.nextDouble() < 0.2;
            String place = VietnameseNames.pick(r, PLACE_A) + " " + VietnameseNames.pick(r, PLACE_B);
            communeOf[c] = organizations.size();
            add(province, Type.ABOVE_GRASSROOTS, "RESIDENTIAL", "X" + (c + 1),
                    "Đảng bộ " + (ward ? "phường " : "xã ") + place, province, place);
        }
        // Tổ chức cơ sở đảng, spread evenly over the communes; chi bộ cơ sở interleaved with đảng bộ cơ sở.
        int[] committeeIndex = new int[committees];
        int made = 0;
        for (int g = 0; g < shape.grassroots(); g++) {
            Org commune = organizations.get(communeOf[(int) ((long) g * shape.communes() / shape.grassroots())]);
            SplittableRandom r = random(2, g);
            String kind = KINDS[VietnameseNames.weighted(r, KIND_PER_MILLE)];
            boolean cell = (long) (g + 1) * grassrootsCells / shape.grassroots() > (long) g * grassrootsCells
                    / shape.grassroots();
            Type type = cell ? Type.GRASSROOTS_CELL : Type.GRASSROOTS_COMMITTEE;
            String name = (cell ? "Chi bộ " : "Đảng bộ ") + unitName(kind, commune.communeName(), g, r);
            Org org = add(commune.index(), type, kind, "G" + (g + 1), name, commune.province(),
                    commune.communeName());
            if (!cell && made < committees) {
                committeeIndex[made++] = org.index();
            }
        }
        for (int k = 0; k < shape.cells(); k++) {
            Org parent = organizations.get(committeeIndex[(int) ((long) k * made / shape.cells())]);
            SplittableRandom r = random(3, k);
            add(parent.index(), Type.CELL, parent.kind(), "C" + (k + 1), "Chi bộ " + cellName(parent.kind(), k, r),
                    parent.province(), parent.communeName());
        }
    }

    private Org add(int parent, Type type, String kind, String code, String name, int province, String commune) {
        Org org = new Org(organizations.size(), parent, type, kind, code, name, province, commune);
        organizations.add(org);
        return org;
    }

    private static String unitName(String kind, String commune, int g, SplittableRandom r) {
        return switch (kind) {
            case "RESIDENTIAL" -> (r.nextBoolean() ? "thôn " : "khu phố ") + (g % 17 + 1) + " xã " + commune;
            case "SCHOOL" -> VietnameseNames.pick(r, SCHOOLS) + " " + commune;
            case "AGENCY" -> "cơ quan Uỷ ban nhân dân " + commune;
            case "HEALTH" -> "Trung tâm Y tế khu vực " + commune;
            case "STATE_ENTERPRISE" -> "Công ty TNHH MTV Thuỷ lợi " + commune;
            case "PRIVATE_ENTERPRISE" -> "Công ty Cổ phần " + VietnameseNames.pick(r, PLACE_A) + " "
                    + VietnameseNames.pick(r, PLACE_B);
            case "MILITARY" -> "Ban Chỉ huy Quân sự " + commune;
            case "POLICE" -> "Công an " + commune;
            default -> "Hội Cựu chiến binh " + commune;
        };
    }

    private static String cellName(String kind, int k, SplittableRandom r) {
        return switch (kind) {
            case "RESIDENTIAL" -> (r.nextBoolean() ? "ấp " : "thôn ") + (k % 23 + 1);
            case "SCHOOL" -> VietnameseNames.pick(r, SCHOOL_CELLS);
            case "AGENCY" -> VietnameseNames.pick(r, AGENCY_CELLS);
            case "HEALTH" -> VietnameseNames.pick(r, HEALTH_CELLS);
            case "STATE_ENTERPRISE", "PRIVATE_ENTERPRISE" -> "Phân xưởng " + (k % 9 + 1);
            case "MILITARY" -> "Trung đội dân quân cơ động " + (k % 5 + 1);
            case "POLICE" -> "Tổ công tác số " + (k % 7 + 1);
            default -> "Tổ " + (k % 9 + 1);
        };
    }

    /**
     * Member {@code j} of unit {@code u}. Members 0 and 1 of every chi bộ have been official since before 2006, so
     * that they can introduce any candidate of the ten years.
     */
    public Member member(int u, int j, LocalDate today) {
        long number = firstMember[u] + j;
        SplittableRandom r = random(4, number);
        boolean female = r.nextDouble() < WOMEN;
        int admittedYear;
        if (j < 2) {
            admittedYear = 1995 + r.nextInt(10);
        } else {
            // Admissions over the last 60 years, more of them recent (the living roster).
            admittedYear = today.getYear() - (int) Math.floor(60 * Math.pow(r.nextDouble(), 1.2));
        }
        LocalDate admitted = LocalDate.of(admittedYear, 1 + r.nextInt(12), 1 + r.nextInt(28));
        if (admitted.isAfter(today)) {
            admitted = today.minusDays(1 + r.nextInt(60));
        }
        int ageAtAdmission = r.nextDouble() < AGED_18_30 ? 18 + r.nextInt(13) : 31 + r.nextInt(25);
        // Nobody on a living roster was born before 1936.
        ageAtAdmission = Math.max(18, Math.min(ageAtAdmission, admitted.getYear() - 1937));
        LocalDate born = admitted.minusYears(ageAtAdmission).minusDays(1 + r.nextInt(360));
        String ethnicity = VietnameseNames.ethnicity(r, MINORITIES);
        String name = VietnameseNames.fullName(r, female, ethnicity);
        String status;
        LocalDate official = null;
        LocalDate since = null;
        if (admitted.plusYears(1).isAfter(today)) {
            status = "PROBATIONARY";
        } else {
            official = admitted.plusYears(1);
            LocalDate seventy = born.plusYears(70);
            if (j >= 2 && seventy.isBefore(today) && r.nextDouble() < 0.3) {
                status = "EXEMPT"; // miễn sinh hoạt đảng: elderly members, on request
                since = seventy.isAfter(official) ? seventy : official;
            } else {
                status = "OFFICIAL";
            }
        }
        return new Member(u, number, name, female, born, citizenId(unit(u).province(), female, born, number),
                status, admitted, official, since);
    }

    /**
     * Candidate number {@code n}: the first {@code admissions()} are the people admitted, year by year (ceremony in
     * {@code firstYear + n / admissionsPerYear}); those after are still in the pipeline today.
     */
    public Candidate candidate(long n, int firstYear) {
        SplittableRandom r = random(5, n);
        int ceremonyYear = n < shape.admissions() ? firstYear + (int) (n / shape.admissionsPerYear()) : 0;
        // A chi bộ with probability proportional to its roster: larger chi bộ admit more.
        long pick = (long) (r.nextDouble() * memberCount());
        int u = unitOfMember(pick);
        Org org = unit(u);
        boolean female = r.nextDouble() < WOMEN;
        String ethnicity = VietnameseNames.ethnicity(r, MINORITIES);
        int meetingYear = ceremonyYear == 0 ? LocalDate.now().getYear() : ceremonyYear;
        int age = r.nextDouble() < AGED_18_30 ? 19 + r.nextInt(12) : 31 + r.nextInt(20);
        LocalDate born = LocalDate.of(meetingYear - age, 1 + r.nextInt(12), 1 + r.nextInt(28));
        boolean youth = age <= 30 ? r.nextDouble() < YOUTH_UNION / AGED_18_30 * 0.98 : r.nextDouble() < 0.02;
        String sector = switch (org.kind()) {
            case "SCHOOL", "HEALTH" -> "PUBLIC_SERVICE";
            case "AGENCY" -> "STATE_AGENCY";
            case "MILITARY", "POLICE" -> "ARMED_FORCES";
            case "STATE_ENTERPRISE" -> "STATE_ENTERPRISE";
            case "PRIVATE_ENTERPRISE" -> "PRIVATE_ENTERPRISE";
            default -> r.nextDouble() < 0.5 ? "FARMER" : (r.nextDouble() < 0.5 ? "WORKER" : "OTHER");
        };
        String occupation = switch (sector) {
            case "PUBLIC_SERVICE" -> "SCHOOL".equals(org.kind()) ? "Giáo viên" : "Bác sĩ";
            case "STATE_AGENCY" -> "Công chức";
            case "ARMED_FORCES" -> "MILITARY".equals(org.kind()) ? "Dân quân thường trực" : "Chiến sĩ công an";
            case "STATE_ENTERPRISE", "PRIVATE_ENTERPRISE" -> "Công nhân";
            case "FARMER" -> "Nông dân";
            case "WORKER" -> "Lao động tự do";
            default -> "Kinh doanh";
        };
        String education = switch (sector) {
            case "PUBLIC_SERVICE", "STATE_AGENCY" -> r.nextDouble() < 0.15 ? "MASTER" : "UNIVERSITY";
            case "ARMED_FORCES" -> "INTERMEDIATE";
            case "FARMER", "WORKER", "OTHER" -> r.nextDouble() < 0.5 ? "NONE" : "VOCATIONAL";
            default -> r.nextDouble() < 0.5 ? "COLLEGE" : "VOCATIONAL";
        };
        String religion = r.nextDouble() < 0.9 ? "Không" : (r.nextBoolean() ? "Phật giáo" : "Công giáo");
        String source = youth ? "YOUTH_UNION" : switch (r.nextInt(5)) {
            case 0 -> "WOMEN_UNION";
            case 1 -> "TRADE_UNION";
            case 2 -> "FARMERS_UNION";
            case 3 -> "VETERANS_UNION";
            default -> "CELL";
        };
        if ("WOMEN_UNION".equals(source) && !female) {
            source = "TRADE_UNION";
        }
        return new Candidate(n, u, VietnameseNames.fullName(r, female, ethnicity), female, born,
                citizenId(org.province(), female, born, memberCount() + n), ethnicity, religion, youth, sector,
                education, "Kinh".equals(ethnicity) ? "NORMAL" : "DIFFICULT", source, occupation, ceremonyYear);
    }

    private int unitOfMember(long member) {
        int lo = 0;
        int hi = units.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstMember[mid] <= member) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * A 12-digit số định danh cá nhân: the province's three digits, the century-and-gender digit (0/1 for the
     * 1900s, 2/3 for the 2000s), then 8 digits of the person's number in the dataset (unique by construction; the
     * real number carries the year of birth there, which would not leave room for 5.6 million unique values).
     */
    static String citizenId(int province, boolean female, LocalDate born, long person) {
        int centuryGender = (born.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
        return PROVINCES[province % PROVINCES.length][2] + centuryGender + String.format("%08d", person % 100_000_000L);
    }
}
