package vn.partydev.organization.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which status may follow which for a member already in the roster (Điều lệ Điều 5, 8; QĐ 294-QĐ/TW §6, §8):
 * a probationary member becomes official or is removed (xóa tên); an official member may be exempted (miễn
 * công tác và sinh hoạt đảng) and return; any live member may be removed, expelled (khai trừ), leave or die.
 * An ended membership does not come back: re-admission (kết nạp lại) is a new admission.
 */
public final class StatusTransitions {

    private static final Set<MemberStatus> ENDS = EnumSet.of(MemberStatus.REMOVED, MemberStatus.EXPELLED,
            MemberStatus.LEFT, MemberStatus.DECEASED);

    private StatusTransitions() {
    }

    public static boolean allowed(MemberStatus from, MemberStatus to) {
        if (from == null || to == null || from == to || !from.isLive()) {
            return false;
        }
        if (ENDS.contains(to)) {
            return true;
        }
        return switch (from) {
            case PROBATIONARY -> to == MemberStatus.OFFICIAL;
            case OFFICIAL -> to == MemberStatus.EXEMPT;
            case EXEMPT -> to == MemberStatus.OFFICIAL;
            default -> false;
        };
    }
}
