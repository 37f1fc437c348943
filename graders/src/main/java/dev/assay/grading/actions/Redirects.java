package dev.assay.grading.actions;

/** Recognises redirection operators, with an optional single-digit descriptor in front. */
final class Redirects {
    private static final String[] OPS = {"&>>", "&>", "<<<", "<<-", "<<", ">>", ">&", "<&", ">|", "<>", ">", "<"};

    private Redirects() {}

    /** The length of the redirection operator at {@code i}, or 0 when there is none. */
    static int opLength(String s, int i) {
        int at = i;
        if (at < s.length() && Character.isDigit(s.charAt(at)) && at + 1 < s.length()) {
            char next = s.charAt(at + 1);
            if (next != '<' && next != '>') {
                return 0;
            }
            at++;
        }
        for (String op : OPS) {
            if (s.startsWith(op, at)) {
                if (op.startsWith("&") && at != i) {
                    return 0;
                }
                return at - i + op.length();
            }
        }
        return 0;
    }
}
