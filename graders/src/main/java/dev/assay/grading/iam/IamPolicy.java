package dev.assay.grading.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An AWS IAM identity-based policy, read from its JSON document, and its decision for a request: an explicit
 * Deny in any matching statement wins, then any matching Allow allows, and anything else is an implicit deny.
 * Statements match by Action or NotAction, Resource or NotResource, and every Condition. Not modelled (and said
 * so in {@link #unsupported()}): policy variables such as {@code ${aws:username}}, Principal (resource policies),
 * permission boundaries, SCPs and session policies.
 */
public final class IamPolicy {

    /** A request to decide: an action such as {@code s3:GetObject}, a resource ARN, and context keys. */
    public record Request(String action, String resource, Map<String, List<String>> context) {}

    public enum Decision {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY;

        public boolean allowed() {
            return this == ALLOW;
        }
    }

    private record Statement(
            String sid,
            boolean allow,
            List<String> actions,
            boolean notAction,
            List<String> resources,
            boolean notResource,
            JsonNode condition) {}

    private final List<Statement> statements;
    private final List<String> unsupported;

    private IamPolicy(List<Statement> statements, List<String> unsupported) {
        this.statements = statements;
        this.unsupported = unsupported;
    }

    /** Reads a policy document; throws {@link IllegalArgumentException} with what is wrong and where. */
    public static IamPolicy parse(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("a policy is a JSON object with a Statement");
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
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonNode s = raw.get(i);
            String where = "Statement[" + i + "]"
                    + (s.hasNonNull("Sid") ? " (" + s.get("Sid").asText() + ")" : "");
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, not '" + effect + "'");
            }
            boolean notAction = s.has("NotAction");
            if (notAction == s.has("Action")) {
                throw new IllegalArgumentException(where + ": give exactly one of Action and NotAction");
            }
            boolean notResource = s.has("NotResource");
            if (notResource == s.has("Resource")) {
                throw new IllegalArgumentException(where + ": give exactly one of Resource and NotResource");
            }
            if (s.has("Principal") || s.has("NotPrincipal")) {
                unsupported.add(where + ": Principal is ignored (identity policies have none)");
            }
            String text = s.toString();
            if (text.contains("${")) {
                unsupported.add(where + ": policy variables are not substituted");
            }
            statements.add(new Statement(
                    s.path("Sid").asText(where),
                    effect.equals("Allow"),
                    strings(s.get(notAction ? "NotAction" : "Action"), where),
                    notAction,
                    strings(s.get(notResource ? "NotResource" : "Resource"), where),
                    notResource,
                    s.path("Condition")));
        }
        return new IamPolicy(List.copyOf(statements), List.copyOf(unsupported));
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode value : node) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(where + ": actions and resources are strings");
                }
                values.add(value.asText());
            }
        } else {
            throw new IllegalArgumentException(where + ": actions and resources are a string or a list of strings");
        }
        return values;
    }

    public List<String> unsupported() {
        return unsupported;
    }

    /** The decision, and the statements that made it. */
    public record Outcome(Decision decision, List<String> matched) {}

    public Outcome decide(Request request) {
        List<String> allows = new ArrayList<>();
        List<String> denies = new ArrayList<>();
        for (Statement statement : statements) {
            if (applies(statement, request)) {
                (statement.allow() ? allows : denies).add(statement.sid());
            }
        }
        if (!denies.isEmpty()) {
            return new Outcome(Decision.EXPLICIT_DENY, denies);
        }
        return allows.isEmpty() ? new Outcome(Decision.IMPLICIT_DENY, List.of()) : new Outcome(Decision.ALLOW, allows);
    }

    private static boolean applies(Statement statement, Request request) {
        boolean action = statement.actions().stream().anyMatch(p -> Wildcards.action(p, request.action()));
        if (action == statement.notAction()) {
            return false;
        }
        boolean resource = statement.resources().stream().anyMatch(p -> Wildcards.arn(p, request.resource()));
        if (resource == statement.notResource()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> operators = statement.condition().fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            if (!Conditions.holds(operator.getKey(), operator.getValue(), request.context())) {
                return false;
            }
        }
        return true;
    }
}
