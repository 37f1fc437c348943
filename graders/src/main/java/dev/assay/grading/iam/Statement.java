package dev.assay.grading.iam;

import dev.assay.grading.iam.Template.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy. It applies to a request when its Action (or NotAction) and Resource (or NotResource)
 * match and every condition test holds. A policy variable it cannot resolve makes the whole statement not apply,
 * whatever its effect: AWS documents that an unresolved variable invalidates the statement. A condition whose key
 * the request lacks compares nothing, so its values are not resolved (AWS: use ...IfExists to keep a variable
 * from invalidating the statement).
 */
record Statement(
        String name,
        boolean allow,
        List<Template> actions,
        boolean notAction,
        List<Template> resources,
        boolean notResource,
        List<ConditionTest> conditions) {

    Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    Statement named(String newName) {
        return new Statement(newName, allow, actions, notAction, resources, notResource, conditions);
    }

    /** Action names compare without regard to case. */
    boolean actionMatches(String action) {
        boolean matched = actions.stream().anyMatch(a -> Glob.like(a.parts()).matchesIgnoringCase(action));
        return matched != notAction;
    }

    Truth applies(String action, String resource, Context context, List<String> why) {
        if (!actionMatches(action)) {
            return Truth.FALSE;
        }
        boolean matched = false;
        for (Template pattern : resources) {
            Optional<List<Part>> resolved = pattern.resolve(context);
            if (resolved.isEmpty()) {
                return Truth.FALSE;
            }
            matched |= Arns.resourceMatch(resolved.get(), resource);
        }
        if (matched == notResource) {
            return Truth.FALSE;
        }
        return conditionsHold(context, why);
    }

    private Truth conditionsHold(Context context, List<String> why) {
        Truth all = Truth.TRUE;
        for (ConditionTest test : conditions) {
            List<List<Part>> values = new ArrayList<>();
            boolean compared = !context.missing(test.key()) || test.operator().base() == Operator.Base.NULL;
            for (Template value : compared ? test.values() : List.<Template>of()) {
                Optional<List<Part>> resolved = value.resolve(context);
                if (resolved.isEmpty()) {
                    return Truth.FALSE;
                }
                values.add(resolved.get());
            }
            all = all.and(Conditions.evaluate(test, values, context, why));
        }
        return all;
    }
}
