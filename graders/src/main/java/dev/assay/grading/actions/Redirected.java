package dev.assay.grading.actions;

/** Where a command's standard output goes: "" for the pipe or the log, else the redirection's target. */
final class Redirected {
    private Redirected() {}

    /** The last redirection of standard output: "&2" style for a descriptor, a file name, or "" for none. */
    static String stdout(Shell.Command command) {
        String target = "";
        for (Shell.Redirect redirect : command.redirects()) {
            if (redirect.stdout()) {
                String t = redirect.target().text();
                target = redirect.op().equals(">&") ? "&" + t : t;
            }
        }
        return target;
    }

    /** Whether output sent there is shown: the log (no redirection, stdout or stderr) or the job summary. */
    static boolean toLog(String target) {
        return target.isEmpty()
                || target.equals("&1")
                || target.equals("&2")
                || target.matches("/dev/(stdout|stderr|tty|fd/[12])")
                || target.contains("GITHUB_STEP_SUMMARY");
    }

    /** Whether output sent there from inside a command substitution is still shown (standard error, the summary). */
    static boolean escapesCapture(String target) {
        return target.equals("&2")
                || target.matches("/dev/(stderr|tty|fd/2)")
                || target.contains("GITHUB_STEP_SUMMARY");
    }
}
