package vn.partydev.organization;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Bodies of POST /api/v1/reorganizations for the stories. */
final class Reorganizations {

    private Reorganizations() {
    }

    static final String DECISION = "{\"number\":\"120-QĐ/TU\",\"date\":\"2025-06-20\",\"issuer\":\"Tỉnh ủy Bình Phước\"}";

    static String ids(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static String dissolve(String effectiveOn, UUID... sources) {
        return "{\"kind\":\"DISSOLVE\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(List.of(sources)) + "}";
    }

    static String move(String effectiveOn, UUID source, UUID newParent) {
        return "{\"kind\":\"MOVE\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(List.of(source)) + ",\"newParentId\":\"" + newParent + "\"}";
    }

    static String rename(String effectiveOn, UUID source, String name) {
        return "{\"kind\":\"RENAME\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(List.of(source)) + ",\"name\":\"" + name + "\"}";
    }

    static String simple(String kind, String effectiveOn, UUID source) {
        return "{\"kind\":\"" + kind + "\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(List.of(source)) + "}";
    }

    static String merge(String effectiveOn, List<UUID> sources, String code, String name, String type, UUID parent) {
        return "{\"kind\":\"MERGE\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(sources) + ",\"targets\":[" + target(code, name, type, parent, null, null) + "]}";
    }

    static String target(String code, String name, String type, UUID parent, List<UUID> children, List<UUID> members) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"kind\":\"RESIDENTIAL\""
                + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"")
                + (children == null ? "" : ",\"childIds\":" + ids(children))
                + (members == null ? "" : ",\"memberIds\":" + ids(members)) + "}";
    }

    static String split(String effectiveOn, UUID source, String... targets) {
        return "{\"kind\":\"SPLIT\",\"effectiveOn\":\"" + effectiveOn + "\",\"decision\":" + DECISION
                + ",\"sourceIds\":" + ids(List.of(source)) + ",\"targets\":[" + String.join(",", targets) + "]}";
    }
}
