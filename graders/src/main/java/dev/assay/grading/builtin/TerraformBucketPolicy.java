package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.terraform.Evaluator;
import dev.assay.grading.terraform.Instance;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.Node;
import dev.assay.grading.terraform.Refers;
import dev.assay.grading.terraform.Truth;
import dev.assay.grading.terraform.Value;
import dev.assay.grading.terraform.VariableFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * bucketPolicy: cloudfront-only. Every aws_s3_bucket_policy (at least one) is on a bucket of the module, lets the
 * CloudFront service read under an AWS:SourceArn condition naming a distribution of the module, and lets no one
 * else (no principal "*", no NotPrincipal). The policy is read from an aws_iam_policy_document data source, from
 * jsonencode(...), or from JSON text the files decide; anything else is "cannot tell".
 */
final class TerraformBucketPolicy {
    /** A statement: Allow or Deny, whether it lets anyone in, the services it names, its condition keys. */
    private record Statement(String effect, boolean anyone, List<String> services, List<String> conditions) {}

    /** A policy's statements, or why they cannot be read ({@code why} not empty). */
    private record Statements(List<Statement> list, String why) {
        static Statements unreadable(String why) {
            return new Statements(List.of(), why);
        }
    }

    private final Module module;

    TerraformBucketPolicy(Module module) {
        this.module = module;
    }

    String check() {
        List<String> problems = new ArrayList<>();
        boolean unknown = false;
        int policies = 0;
        for (Block block : module.resources("aws_s3_bucket_policy")) {
            for (Instance instance : Instance.of(module, block)) {
                policies++;
                Truth truth = judge(instance);
                if (!truth.yes()) {
                    unknown |= truth.state() == Truth.State.UNKNOWN;
                    problems.add(instance.address() + " (" + instance.where() + ") " + truth.why());
                }
            }
        }
        if (policies == 0) {
            return "no aws_s3_bucket_policy lets CloudFront read the bucket";
        }
        return problems.isEmpty() ? "" : (unknown ? "cannot tell: " : "") + String.join("; ", problems);
    }

    private Truth judge(Instance instance) {
        Optional<Block> document = document(instance.block());
        Truth truth =
                Truth.of(Refers.to(module, instance.block(), "aws_s3_bucket"), "is not on a bucket of this module");
        Block names = document.orElse(instance.block());
        truth = truth.and(Truth.of(
                Refers.to(module, names, "aws_cloudfront_distribution"), "names no distribution of this module"));
        Statements statements = document.isPresent() ? fromDocument(document.get()) : fromJson(instance);
        if (!statements.why().isEmpty()) {
            return truth.and(Truth.unknown("cannot be read: " + statements.why()));
        }
        List<Statement> list = statements.list();
        boolean anyone = list.stream().anyMatch(s -> s.effect().equals("Allow") && s.anyone());
        List<Statement> cloudFront = list.stream()
                .filter(s -> s.effect().equals("Allow") && s.services().contains("cloudfront.amazonaws.com"))
                .toList();
        truth = truth.and(Truth.of(!anyone, "lets anyone read"));
        truth = truth.and(Truth.of(!cloudFront.isEmpty(), "does not let CloudFront read"));
        boolean scoped = cloudFront.stream()
                .allMatch(s -> s.conditions().stream().anyMatch(k -> k.equalsIgnoreCase("aws:SourceArn")));
        return truth.and(Truth.of(
                scoped, "lets CloudFront read, but not only this distribution: no AWS:SourceArn" + " condition"));
    }

    /** The aws_iam_policy_document the policy argument names ({@code data.aws_iam_policy_document.x.json}). */
    private Optional<Block> document(Block policy) {
        Optional<Expression> value = policy.body().attribute("policy").map(a -> a.value());
        if (value.isPresent()
                && value.get() instanceof Expression.Reference reference
                && reference.root().equals("data")
                && reference.steps().size() == 3
                && reference.steps().get(0).equals(new Expression.Attr("aws_iam_policy_document"))
                && reference.steps().get(1) instanceof Expression.Attr name) {
            return module.all("data").stream()
                    .filter(d -> d.label(0).equals("aws_iam_policy_document")
                            && d.label(1).equals(name.name()))
                    .findFirst();
        }
        return Optional.empty();
    }

    /** The statements of a policy document data source, or why they cannot be read. */
    private Statements fromDocument(Block document) {
        if (document.body().attribute("source_policy_documents").isPresent()
                || document.body().attribute("override_policy_documents").isPresent()) {
            return Statements.unreadable("it merges other policy documents");
        }
        Node node = new Node.Of(document.body(), module.scope(), document.file() + ":" + document.line());
        List<Statement> statements = new ArrayList<>();
        for (Node.Nested nested : node.blocks("statement")) {
            if (nested.node() == null) {
                return Statements.unreadable(nested.why());
            }
            Node statement = nested.node();
            Value effect = statement.argument("effect").map(Node.Found::value).orElse(new Value.Str("Allow"));
            boolean anyone = !statement.blocks("not_principals").isEmpty();
            List<String> services = new ArrayList<>();
            for (Node.Nested principal : statement.blocks("principals")) {
                if (principal.node() == null) {
                    return Statements.unreadable(principal.why());
                }
                String type = text(principal.node().argument("type"));
                List<String> identifiers = texts(principal.node().argument("identifiers"));
                anyone |= type.equals("*") || type.equals("AWS") && identifiers.contains("*");
                if (type.equals("Service")) {
                    services.addAll(identifiers);
                }
            }
            List<String> conditions = new ArrayList<>();
            statement
                    .blocks("condition")
                    .forEach(c ->
                            conditions.add(c.node() == null ? "" : text(c.node().argument("variable"))));
            statements.add(new Statement(effect.asText().orElse("?"), anyone, services, conditions));
        }
        return new Statements(statements, "");
    }

    /** The statements of a policy written as jsonencode(...) or JSON text, or why they cannot be read. */
    private Statements fromJson(Instance instance) {
        Optional<Expression> expression =
                instance.block().body().attribute("policy").map(a -> a.value());
        if (expression.isEmpty()) {
            return Statements.unreadable("it has no policy");
        }
        Node.Of node = (Node.Of) instance.node();
        Value policy;
        if (expression.get() instanceof Expression.Call call
                && call.name().equals("jsonencode")
                && call.arguments().size() == 1) {
            policy = Evaluator.eval(call.arguments().get(0), node.scope());
        } else {
            policy = parse(Evaluator.eval(expression.get(), node.scope()));
        }
        if (!(policy instanceof Value.Obj document)) {
            return Statements.unreadable(
                    policy instanceof Value.Unknown unknown ? unknown.why() : "the policy is not a JSON object");
        }
        Value statement = document.entries().getOrDefault("Statement", Value.NULL);
        List<Statement> statements = new ArrayList<>();
        for (Value item : statement instanceof Value.Seq seq ? seq.items() : List.of(statement)) {
            if (!(item instanceof Value.Obj obj)) {
                return Statements.unreadable("a statement is " + item.show());
            }
            Value principal = obj.entries().getOrDefault("Principal", Value.NULL);
            boolean anyone = principal.asText().filter("*"::equals).isPresent()
                    || obj.entries().containsKey("NotPrincipal")
                    || principal instanceof Value.Obj p
                            && strings(p.entries().getOrDefault("AWS", Value.NULL))
                                    .contains("*");
            List<String> services = principal instanceof Value.Obj p
                    ? strings(p.entries().getOrDefault("Service", Value.NULL))
                    : List.of();
            List<String> conditions = new ArrayList<>();
            if (obj.entries().get("Condition") instanceof Value.Obj condition) {
                condition.entries().values().forEach(test -> {
                    if (test instanceof Value.Obj keys) {
                        conditions.addAll(keys.entries().keySet());
                    }
                });
            }
            String effect =
                    obj.entries().getOrDefault("Effect", Value.NULL).asText().orElse("?");
            statements.add(new Statement(effect, anyone, services, conditions));
        }
        return new Statements(statements, "");
    }

    private static Value parse(Value text) {
        if (!(text instanceof Value.Str json)) {
            return text;
        }
        try {
            return VariableFiles.json(json.value());
        } catch (IOException e) {
            return new Value.Unknown("the policy is not JSON");
        }
    }

    private static String text(Optional<Node.Found> found) {
        return found.map(Node.Found::value).flatMap(Value::asText).orElse("");
    }

    private static List<String> texts(Optional<Node.Found> found) {
        return strings(found.map(Node.Found::value).orElse(Value.NULL));
    }

    private static List<String> strings(Value value) {
        List<String> strings = new ArrayList<>();
        for (Value item : value instanceof Value.Seq seq ? seq.items() : List.of(value)) {
            item.asText().ifPresent(strings::add);
        }
        return strings;
    }
}
