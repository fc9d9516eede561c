package vn.partydev.kit.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns Bean Validation violations into our bilingual {@link Violation}s. Hibernate Validator would give one
 * language per request; the contract wants both, so the common constraints are worded here once.
 */
final class ConstraintMessages {

    private ConstraintMessages() {
    }

    static Violation toViolation(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attrs = violation.getConstraintDescriptor().getAttributes();
        Text text = switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> Text.of("Trường này là bắt buộc.", "This field is required.");
            case "Size" -> Text.of(
                    "Độ dài phải từ " + attrs.get("min") + " đến " + attrs.get("max") + ".",
                    "Length must be between " + attrs.get("min") + " and " + attrs.get("max") + ".");
            case "Min", "DecimalMin" -> Text.of("Giá trị phải ≥ " + attrs.get("value") + ".",
                    "Must be at least " + attrs.get("value") + ".");
            case "Max", "DecimalMax" -> Text.of("Giá trị phải ≤ " + attrs.get("value") + ".",
                    "Must be at most " + attrs.get("value") + ".");
            case "PositiveOrZero" -> Text.of("Giá trị không được âm.", "Must not be negative.");
            case "Positive" -> Text.of("Giá trị phải lớn hơn 0.", "Must be greater than 0.");
            case "Pattern" -> Text.of("Giá trị không đúng định dạng.", "The value has the wrong format.");
            case "PastOrPresent", "Past" -> Text.of("Ngày không được ở tương lai.", "The date must not be in the future.");
            case "Email" -> Text.of("Địa chỉ email không hợp lệ.", "Not a valid e-mail address.");
            default -> Text.of(violation.getMessage(), violation.getMessage());
        };
        return Violation.ofField(constraint, fieldOf(violation.getPropertyPath()), text);
    }

    /** "establish.request.decision.number" → "decision.number": drops the method and parameter nodes. */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = path.iterator();
        boolean methodPath = false;
        int index = 0;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (index == 0 && node.getKind() == jakarta.validation.ElementKind.METHOD) {
                methodPath = true;
            } else if (!(methodPath && index == 1 && node.getKind() == jakarta.validation.ElementKind.PARAMETER
                    && isBodyLike(node.getName()))) {
                String name = node.getName();
                if (node.getIndex() != null && !parts.isEmpty()) {
                    int last = parts.size() - 1;
                    parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                }
                if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                    parts.add(name);
                }
            }
            index++;
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }

    /** Request bodies are named body/request/command by convention; query parameters keep their own name. */
    private static boolean isBodyLike(String name) {
        return name != null && (name.equals("body") || name.equals("request") || name.equals("command"));
    }
}
