package dev.assay.grading.hcl;

/** HCL that cannot be read, with where: file, line and column, as {@code main.tf:12:5: message}. */
public final class HclException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HclException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
