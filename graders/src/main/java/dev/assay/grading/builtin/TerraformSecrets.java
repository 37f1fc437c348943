package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import dev.assay.grading.terraform.Evaluator;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.Scope;
import dev.assay.grading.terraform.Value;
import dev.assay.grading.terraform.VariableFiles;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Credentials written into the module's files: an argument named as a credential (password, token, secret_key,
 * ...) whose value the files decide (a literal, or a local, default or .tfvars value it refers to); a variable
 * named so, or sensitive, with a default or a .tfvars value; anything shaped like an AWS access key, a private key
 * or a GitHub token. Named by file and line, never quoted.
 */
final class TerraformSecrets {
    /** Argument names that hold credentials: the name ends with one of these words. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|_)(password|passwd|secret|token|access_key|secret_key|private_key|api_key|client_secret)$");

    private static final Pattern SECRET_SHAPE =
            Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{36}");

    private final Module module;
    private final Set<String> found = new LinkedHashSet<>();

    TerraformSecrets(Module module) {
        this.module = module;
    }

    String check() {
        Scope scope = module.scope();
        for (Block block : module.blocks()) {
            if (block.type().equals("variable")) {
                variable(block);
            } else if (!block.type().equals("terraform")) {
                body(block.body(), scope);
            }
        }
        module.locals().values().forEach(local -> shape(local, Evaluator.eval(local.value(), scope)));
        for (VariableFiles.Assignment assignment : module.assignments()) {
            boolean secret = secret(assignment.variable())
                    || module.variable(assignment.variable())
                            .flatMap(v -> v.body().attribute("sensitive"))
                            .filter(s -> s.value().text().equals("true"))
                            .isPresent();
            if (secret && filled(assignment.value()) || shaped(assignment.value())) {
                found.add(assignment.file() + ":" + assignment.line() + " " + assignment.variable());
            }
        }
        return found.isEmpty() ? "" : "secrets written into the code at " + String.join(", ", found);
    }

    private void variable(Block variable) {
        variable.body().attribute("default").ifPresent(fallback -> {
            Value value = Evaluator.eval(fallback.value(), new Scope(java.util.Map.of(), java.util.Map.of()));
            boolean sensitive = variable.body()
                    .attribute("sensitive")
                    .filter(s -> s.value().text().equals("true"))
                    .isPresent();
            if ((secret(variable.label(0)) || sensitive) && filled(value) || shaped(value)) {
                found.add(fallback.file() + ":" + fallback.line() + " " + variable.label(0));
            }
        });
    }

    private void body(Body body, Scope scope) {
        for (Attribute attribute : body.attributes()) {
            Value value = Evaluator.eval(attribute.value(), scope);
            if (secret(attribute.name()) && filled(value)) {
                found.add(attribute.file() + ":" + attribute.line() + " " + attribute.name());
            }
            shape(attribute, value);
        }
        body.blocks().forEach(nested -> body(nested.body(), scope));
    }

    private void shape(Attribute attribute, Value value) {
        if (shaped(value) || SECRET_SHAPE.matcher(text(attribute.value())).find()) {
            found.add(attribute.file() + ":" + attribute.line() + " " + attribute.name());
        }
    }

    private static String text(Expression expression) {
        return expression.source();
    }

    private static boolean secret(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    private static boolean filled(Value value) {
        return value instanceof Value.Str s && !s.value().isBlank();
    }

    private static boolean shaped(Value value) {
        return value.known() && SECRET_SHAPE.matcher(value.show()).find();
    }
}
