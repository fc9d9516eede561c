package vn.partydev.load;

import java.util.SplittableRandom;

/**
 * Realistic Vietnamese full names with diacritics: họ weighted as in the population (Nguyễn ≈ 38 %, Trần ≈ 12 %,
 * Lê ≈ 9.5 %, …), a tên đệm by gender (Văn, Thị, …) and a tên; people of an ethnic minority get the naming
 * customs of their group (H'Mông "Giàng A Páo", Ê Đê "Y Khoa Niê" / "H'Hen Niê", Khmer "Thạch Thị Sa Rây", Tày/Thái
 * family names such as Nông, Lò, Cầm). Names need not be unique; citizen ids are.
 */
public final class VietnameseNames {

    /** Họ and their share of the Kinh population, per mille (the rest spread over the last, smaller ones). */
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Đào", "Mai", "Cao", "Lương", "Tạ",
            "Hà", "Lâm", "Châu", "Tô", "Trịnh", "Kiều", "Quách"};
    private static final int[] FAMILY_PER_MILLE = {384, 121, 95, 70, 31, 20, 45, 22, 17, 21, 20, 14, 13, 13, 10, 5,
            8, 8, 8, 7, 6, 6, 4, 5, 4, 3, 3, 4, 2, 2};
    private static final String[] MIDDLE_MALE = {"Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh",
            "Xuân", "Ngọc", "Đình", "Quốc", "Trung", "Hoàng", "Tuấn", "Mạnh", "Gia"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh",
            "Kim", "Phương", "Thuỳ", "Bích", "Mỹ", "Diệu", "Khánh", "Hoài", "Bảo"};
    private static final String[] GIVEN_MALE = {"Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải",
            "Hiếu", "Hoà", "Hùng", "Huy", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa",
            "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung",
            "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hưng", "Hiển", "Lực", "Thông", "Trọng", "Định", "Hậu", "Bảo"};
    private static final String[] GIVEN_FEMALE = {"An", "Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
            "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân",
            "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thuỷ", "Trang", "Trinh", "Tuyết",
            "Uyên", "Vân", "Vy", "Xuân", "Yến", "Nhàn", "Lụa", "Thoa", "Đào", "Diệp"};

    /** The larger ethnic minorities and their weight (share of the population, per ten thousand). */
    static final String[] MINORITIES = {"Tày", "Thái", "Mường", "H'Mông", "Khmer", "Nùng", "Dao", "Gia Rai", "Ê Đê",
            "Ba Na", "Xơ Đăng", "Cơ Ho", "Sán Chay", "Chăm", "S'tiêng", "Hoa"};
    private static final int[] MINORITY_WEIGHT = {185, 178, 151, 145, 132, 108, 93, 53, 41, 29, 22, 21, 20, 18, 10, 78};

    private static final String[] TAY_THAI_FAMILY = {"Nông", "Hoàng", "Lương", "Lò", "Quàng", "Cầm", "Hà", "Bế", "Ma",
            "Vi", "Lục", "Đinh", "Bùi", "Quách", "Triệu", "Lù"};
    private static final String[] HMONG_FAMILY = {"Giàng", "Sùng", "Thào", "Vàng", "Lù", "Mùa", "Hầu", "Lý", "Ly"};
    private static final String[] HMONG_MALE = {"Páo", "Chứ", "Dình", "Sính", "Pó", "Chử", "Sủ", "Tủa", "Nhè", "Dế"};
    private static final String[] HMONG_FEMALE = {"Mỷ", "Dợ", "Chua", "Dê", "Mai", "Sua", "Pà", "Xá", "Cở", "Lầu"};
    private static final String[] HIGHLAND_FAMILY = {"Niê", "Byă", "Ksor", "Rơ Châm", "Siu", "Mlô", "Êban", "Rơ Mah",
            "Kpă", "A Lăng"};
    private static final String[] HIGHLAND_GIVEN = {"Khoa", "Hen", "Bhin", "Blin", "Thuỷ", "Lang", "Bluin", "Đơk",
            "Ngọc", "Hoa", "Juen", "Drin"};
    private static final String[] KHMER_FAMILY = {"Thạch", "Sơn", "Danh", "Kim", "Lâm", "Chau", "Trương"};
    private static final String[] KHMER_GIVEN = {"Sóc", "Sa Rây", "Sô Phia", "Chanh Đa", "Sa Ly", "Sóc Kha", "Phol",
            "Sà Rươne", "Ty", "Rết", "Sa Vươn", "Kha Ni"};

    private VietnameseNames() {
    }

    /** "Kinh" or one of {@link #MINORITIES}, so that {@code minorityShare} of people belong to a minority. */
    public static String ethnicity(SplittableRandom random, double minorityShare) {
        if (random.nextDouble() >= minorityShare) {
            return "Kinh";
        }
        return MINORITIES[weighted(random, MINORITY_WEIGHT)];
    }

    /** A full name for a person of {@code ethnicity}. */
    public static String fullName(SplittableRandom random, boolean female, String ethnicity) {
        return switch (ethnicity) {
            case "H'Mông" -> pick(random, HMONG_FAMILY) + (female ? " Thị " : " A ")
                    + pick(random, female ? HMONG_FEMALE : HMONG_MALE);
            case "Ê Đê", "Gia Rai", "Ba Na", "Xơ Đăng", "Cơ Ho", "S'tiêng" -> (female ? "H'" : "Y ")
                    + pick(random, HIGHLAND_GIVEN) + " " + pick(random, HIGHLAND_FAMILY);
            case "Khmer" -> pick(random, KHMER_FAMILY) + (female ? " Thị " : " ") + pick(random, KHMER_GIVEN);
            case "Tày", "Thái", "Nùng", "Mường", "Dao", "Sán Chay" -> pick(random, TAY_THAI_FAMILY) + " "
                    + pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE) + " "
                    + pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
            default -> FAMILY[weighted(random, FAMILY_PER_MILLE)] + " "
                    + pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE) + " "
                    + pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
        };
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
