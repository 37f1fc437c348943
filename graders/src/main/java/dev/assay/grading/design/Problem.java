package dev.assay.grading.design;

/**
 * One thing wrong with a design document: where (a path such as {@code components[2].zones}, and the line and
 * column it starts at, 1-based; 0 when the document has no such place, such as a missing top-level field), what
 * is wrong, and how to fix it.
 */
public record Problem(String path, int line, int column, String message, String fix) {

    @Override
    public String toString() {
        String where = line > 0 ? line + ":" + column + ": " : "";
        return where + (path.isEmpty() ? "(document)" : path) + ": " + message + " (fix: " + fix + ")";
    }
}
