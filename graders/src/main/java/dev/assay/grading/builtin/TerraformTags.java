package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.terraform.Evaluator;
import dev.assay.grading.terraform.Instance;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.Node;
import dev.assay.grading.terraform.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tag keys every instance of the taggable types carries, in its own tags or through the default_tags of the
 * provider configuration it uses (the one its provider argument names, else the default one of its provider).
 * Tags from variables, locals and merge() count; a key that cannot be read is "cannot tell".
 */
final class TerraformTags {
    private final Module module;

    TerraformTags(Module module) {
        this.module = module;
    }

    String check(List<String> keys, List<String> taggable) {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String type : taggable) {
            for (Block resource : module.resources(type)) {
                for (Instance instance : Instance.of(module, resource)) {
                    Value own = instance.node()
                            .argument("tags")
                            .map(Node.Found::value)
                            .orElse(Value.NULL);
                    Value defaults = defaults(resource);
                    List<String> lacking = new ArrayList<>();
                    List<String> unsure = new ArrayList<>();
                    for (String key : keys) {
                        if (!has(own, key) && !has(defaults, key)) {
                            (open(own) || open(defaults) ? unsure : lacking).add(key);
                        }
                    }
                    if (!lacking.isEmpty() && instance.doubt() == null) {
                        missing.add(instance.address() + " lacks " + String.join(", ", lacking));
                    } else if (!lacking.isEmpty() || !unsure.isEmpty()) {
                        unknown.add(instance.address() + ": " + String.join(", ", unsure.isEmpty() ? lacking : unsure)
                                + " "
                                + (instance.doubt() != null
                                        ? "(it may not exist: " + instance.doubt() + ")"
                                        : "(" + why(own, defaults) + ")"));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            return "tags missing: " + String.join("; ", missing);
        }
        return unknown.isEmpty() ? "" : "cannot tell whether these carry the tags: " + String.join("; ", unknown);
    }

    /** The default_tags of the provider configuration a resource uses. */
    private Value defaults(Block resource) {
        String provider = resource.label(0).contains("_")
                ? resource.label(0).substring(0, resource.label(0).indexOf('_'))
                : resource.label(0);
        Optional<String> alias = Optional.empty();
        Optional<Expression> chosen = resource.body().attribute("provider").map(a -> a.value());
        if (chosen.isPresent() && chosen.get() instanceof Expression.Reference reference) {
            provider = reference.root();
            alias = reference.steps().isEmpty() || !(reference.steps().get(0) instanceof Expression.Attr a)
                    ? Optional.empty()
                    : Optional.of(a.name());
        }
        for (Block block : module.all("provider")) {
            Optional<String> blockAlias =
                    block.body().attribute("alias").map(a -> a.value().text());
            if (block.label(0).equals(provider) && blockAlias.equals(alias)) {
                for (Block defaults : block.body().blocks("default_tags")) {
                    return defaults.body()
                            .attribute("tags")
                            .map(tags -> Evaluator.eval(tags.value(), module.scope()))
                            .orElse(Value.NULL);
                }
            }
        }
        return Value.NULL;
    }

    private static boolean has(Value tags, String key) {
        return tags instanceof Value.Obj obj && obj.entries().containsKey(key);
    }

    private static boolean open(Value tags) {
        return tags instanceof Value.Unknown || tags instanceof Value.Obj obj && obj.open();
    }

    private static String why(Value own, Value defaults) {
        for (Value tags : List.of(own, defaults)) {
            if (tags instanceof Value.Unknown unknown) {
                return unknown.why();
            }
        }
        return "its tags merge values this grader cannot read";
    }
}
