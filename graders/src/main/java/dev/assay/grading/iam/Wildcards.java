package dev.assay.grading.iam;

import java.util.Locale;

/** IAM's wildcards: {@code *} (any run of characters) and {@code ?} (one character). */
final class Wildcards {
    private Wildcards() {}

    /** Glob match, iterative (no backtracking blow-up on hostile patterns). */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Actions compare case-insensitively: {@code S3:get*} matches {@code s3:GetObject}. */
    static boolean action(String pattern, String action) {
        return glob(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /**
     * Resource ARNs compare case-sensitively, segment by segment (partition, service, region, account, then the
     * resource, which may itself hold colons); {@code *} alone matches every resource.
     */
    static boolean arn(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return glob(pattern, arn);
        }
        for (int i = 0; i < 6; i++) {
            if (!glob(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }
}
