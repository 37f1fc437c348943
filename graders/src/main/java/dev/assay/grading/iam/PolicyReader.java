package dev.assay.grading.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an identity policy document the way IAM validates one, refusing (with what and where) what IAM would
 * refuse: elements it does not know, a Principal, a Version other than 2008-10-17 or 2012-10-17, Sids that are
 * not alphanumeric or not unique, Effect other than Allow or Deny, actions without a service prefix, resources
 * that are neither {@code *} nor a six-part ARN, and every fault of a Condition ({@link ConditionReader}).
 */
final class PolicyReader {
    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACTION = Pattern.compile("\\*|[^:\\s]+:[^:\\s]+");

    private final List<String> notes = new ArrayList<>();
    private final Set<String> sids = new HashSet<>();
    private boolean variables;

    /** The statements of {@code document}; throws {@link IllegalArgumentException} naming what IAM refuses. */
    List<Statement> read(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("a policy is a JSON object with a Statement");
        }
        unknownElements(document, POLICY_ELEMENTS, "the policy");
        JsonNode version = document.get("Version");
        if (version != null
                && !(version.isTextual() && Set.of("2012-10-17", "2008-10-17").contains(version.asText()))) {
            throw new IllegalArgumentException(
                    "Version must be \"2012-10-17\" (or the old \"2008-10-17\"), not " + version);
        }
        variables = version != null && version.asText().equals("2012-10-17");
        if (!variables && document.toString().contains("${")) {
            notes.add("without \"Version\": \"2012-10-17\" IAM reads ${...} as plain text, not as a policy variable");
        }
        if (document.has("Id")) {
            notes.add("Id is an element of resource policies; the grammar leaves it out of identity policies");
        }
        JsonNode statementNode = document.path("Statement");
        List<JsonNode> raw = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(raw::add);
        } else if (statementNode.isObject()) {
            raw.add(statementNode);
        } else {
            throw new IllegalArgumentException("the policy has no Statement (an object or a list of them)");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            statements.add(statement(raw.get(i), i));
        }
        return List.copyOf(statements);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private Statement statement(JsonNode s, int index) {
        String where = "Statement[" + index + "]";
        if (!s.isObject()) {
            throw new IllegalArgumentException(where + ": a statement is a JSON object");
        }
        unknownElements(s, STATEMENT_ELEMENTS, where);
        String sid = sid(s, "Statement[" + index + "]");
        String at = sid.isEmpty() ? where : where + " (" + sid + ")";
        if (s.has("Principal") || s.has("NotPrincipal")) {
            throw new IllegalArgumentException(
                    at + ": an identity policy names no Principal (IAM: \"Policy document should not specify a"
                            + " principal\")");
        }
        String effect = s.path("Effect").isTextual() ? s.get("Effect").asText() : String.valueOf(s.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(at + ": Effect must be Allow or Deny, not '" + effect + "'");
        }
        boolean notAction = exactlyOne(s, "Action", at);
        boolean notResource = exactlyOne(s, "Resource", at);
        List<Template> actions = new ArrayList<>();
        for (String action : strings(s.get(notAction ? "NotAction" : "Action"), at)) {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException(at + ": action '" + action
                        + "' is not \"*\" or service:action (IAM: \"Actions must be prefaced by a vendor\")");
            }
            actions.add(Template.parse(action, false));
        }
        List<Template> resources = new ArrayList<>();
        for (String resource : strings(s.get(notResource ? "NotResource" : "Resource"), at)) {
            Template template = template(resource, at);
            Arns.resourceProblem(template).ifPresent(problem -> {
                throw new IllegalArgumentException(at + ": " + problem);
            });
            resources.add(template);
        }
        List<ConditionTest> conditions = new ConditionReader(variables).read(s.get("Condition"), at);
        String name = sid.isEmpty() ? "Statement[" + index + "]" : sid;
        return new Statement(name, effect.equals("Allow"), actions, notAction, resources, notResource, conditions);
    }

    private String sid(JsonNode s, String where) {
        JsonNode node = s.get("Sid");
        if (node == null) {
            return "";
        }
        if (!node.isTextual() || !SID.matcher(node.asText()).matches()) {
            throw new IllegalArgumentException(
                    where + ": Sid " + node + " must be letters and digits only (A-Z, a-z, 0-9), as IAM requires");
        }
        if (!node.asText().isEmpty() && !sids.add(node.asText())) {
            throw new IllegalArgumentException(
                    where + ": Sid '" + node.asText() + "' is used twice; IAM needs unique Sids");
        }
        return node.asText();
    }

    private Template template(String text, String where) {
        try {
            return Template.parse(text, variables);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void unknownElements(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        where + ": '" + name + "' is not a policy element IAM knows (it takes " + known + ")");
            }
        });
    }

    /** Whether the statement uses the Not form; throws unless exactly one of {@code X} and {@code NotX} is given. */
    private static boolean exactlyOne(JsonNode s, String element, String where) {
        boolean not = s.has("Not" + element);
        if (not == s.has(element)) {
            throw new IllegalArgumentException(where + ": give exactly one of " + element + " and Not" + element);
        }
        return not;
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode value : node) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(where + ": actions and resources are strings, not " + value);
                }
                values.add(value.asText());
            }
        } else {
            throw new IllegalArgumentException(where + ": actions and resources are a string or a non-empty list");
        }
        return values;
    }
}
