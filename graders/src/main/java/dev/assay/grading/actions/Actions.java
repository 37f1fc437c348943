package dev.assay.grading.actions;

import java.util.Locale;

/** What the grader knows about particular actions, by the name a step's {@code uses} gives them. */
final class Actions {
    private Actions() {}

    /** The action's name without its ref, lower-cased: {@code actions/checkout}. */
    static String name(String uses) {
        int at = uses.indexOf('@');
        return (at < 0 ? uses : uses.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    static boolean isGithubScript(String uses) {
        return name(uses).equals("actions/github-script");
    }

    static boolean isAwsCredentials(String uses) {
        return name(uses).equals("aws-actions/configure-aws-credentials");
    }

    static boolean isCheckout(String uses) {
        return name(uses).equals("actions/checkout");
    }
}
