package dev.assay.service.environment;

import java.util.List;

/** Runs a lab's setup steps in an environment, in order; the first that fails stops the rest. */
public final class SetupSteps {
    /** Output kept from a step, for the error that names it. */
    private static final int OUTPUT = 16 * 1024;

    private SetupSteps() {}

    /** Throws {@link EnvironmentException.SetupFailed}, naming the step and the tail of its output. */
    public static void run(
            EnvironmentDriver driver, EnvironmentHandle handle, List<EnvironmentRequest.SetupCommand> steps) {
        for (EnvironmentRequest.SetupCommand step : steps) {
            ExecResult result =
                    driver.exec(handle, new ExecRequest(List.of("sh", "-c", step.script()), step.timeout(), OUTPUT));
            if (!result.succeeded()) {
                String why =
                        result.timedOut() ? "did not finish within " + step.timeout() : "exited " + result.exitCode();
                throw new EnvironmentException.SetupFailed("setup step '" + step.name() + "' " + why + "; output: "
                        + tail(result.stdout() + result.stderr()));
            }
        }
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : "..." + output.substring(output.length() - 2000);
    }
}
