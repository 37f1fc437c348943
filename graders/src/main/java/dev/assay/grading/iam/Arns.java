package dev.assay.grading.iam;

import dev.assay.grading.iam.Template.Part;
import dev.assay.grading.iam.Template.Star;
import dev.assay.grading.iam.Template.Text;
import dev.assay.grading.iam.Template.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ARNs in policies: six colon-separated parts, {@code arn:partition:service:region:account:resource}. */
final class Arns {
    private Arns() {}

    /** The six parts of a pattern, split at the first five colons of its literal text; empty when fewer. */
    static Optional<List<List<Part>>> parts(List<Part> pattern) {
        List<List<Part>> parts = new ArrayList<>();
        List<Part> current = new ArrayList<>();
        for (Part part : pattern) {
            if (part instanceof Text text && parts.size() < 5) {
                String rest = text.text();
                int colon = rest.indexOf(':');
                while (parts.size() < 5 && colon >= 0) {
                    addText(current, rest.substring(0, colon));
                    parts.add(current);
                    current = new ArrayList<>();
                    rest = rest.substring(colon + 1);
                    colon = rest.indexOf(':');
                }
                addText(current, rest);
            } else {
                current.add(part);
            }
        }
        parts.add(current);
        return parts.size() == 6 ? Optional.of(parts) : Optional.empty();
    }

    private static void addText(List<Part> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(new Text(text));
        }
    }

    /**
     * ArnEquals and ArnLike (AWS documents they behave identically): each of the six parts matched on its own,
     * wildcards never crossing into the next part. Undecided when either side is not a six-part ARN.
     */
    static Truth conditionMatch(List<Part> pattern, String value) {
        String[] valueParts = value.split(":", 6);
        Optional<List<List<Part>>> patternParts = parts(pattern);
        if (valueParts.length != 6 || !value.startsWith("arn:") || patternParts.isEmpty()) {
            return Truth.UNKNOWN;
        }
        for (int i = 0; i < 6; i++) {
            if (!Glob.like(patternParts.get().get(i)).matches(valueParts[i])) {
                return Truth.FALSE;
            }
        }
        return Truth.TRUE;
    }

    /** The Resource element: {@code *} matches everything, an ARN pattern matches by segments. */
    static boolean resourceMatch(List<Part> pattern, String arn) {
        if (pattern.size() == 1 && pattern.get(0) instanceof Star) {
            return true;
        }
        return Glob.resource(pattern).matches(arn);
    }

    /** What IAM would refuse in a Resource or NotResource string; empty when it is {@code *} or a valid pattern. */
    static Optional<String> resourceProblem(Template resource) {
        List<Part> pattern = resource.parts();
        if (pattern.size() == 1 && pattern.get(0) instanceof Star) {
            return Optional.empty();
        }
        Optional<List<List<Part>>> parts = parts(pattern);
        if (parts.isEmpty() || !Template.text(parts.get().get(0)).equals("arn")) {
            return Optional.of("'" + resource + "' is not \"*\" or an ARN of six parts,"
                    + " arn:partition:service:region:account:resource (AWS: \"Missing ARN field\")");
        }
        List<Part> service = parts.get().get(2);
        if (service.isEmpty() || service.stream().anyMatch(p -> !(p instanceof Text))) {
            return Optional.of("'" + resource + "' has no service or a wildcard or variable in its service part;"
                    + " AWS documents that the service part cannot be a wildcard");
        }
        for (int i = 0; i < 5; i++) {
            if (parts.get().get(i).stream().anyMatch(Variable.class::isInstance)) {
                return Optional.of("'" + resource + "' has a policy variable before the resource part; AWS allows"
                        + " variables only after the fifth colon");
            }
        }
        return Optional.empty();
    }
}
