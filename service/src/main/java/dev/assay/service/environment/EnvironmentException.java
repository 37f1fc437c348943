package dev.assay.service.environment;

/** The one unchecked root of the driver SPI's failures. */
public class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }

    /** The engine (Docker daemon, API server) cannot be reached or answered with an error: retry later. */
    public static final class EngineUnavailable extends EnvironmentException {
        private static final long serialVersionUID = 1L;

        public EngineUnavailable(String message, @org.jspecify.annotations.Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** The environment does not exist (any more). */
    public static final class NotFound extends EnvironmentException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** A setup step failed; the environment was removed. The message carries the step's name and output. */
    public static final class SetupFailed extends EnvironmentException {
        private static final long serialVersionUID = 1L;

        public SetupFailed(String message) {
            super(message);
        }
    }
}
