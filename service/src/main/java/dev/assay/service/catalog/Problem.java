package dev.assay.service.catalog;

import java.nio.file.Path;

/**
 * One thing wrong with lab content: where (file, line, column, field), what, and how to fix it. Line and
 * column count from 1; 0 means the problem concerns the whole file.
 */
public record Problem(Path file, int line, int column, String field, String message, String fix) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        String what = field.isEmpty() ? message : field + ": " + message;
        return where + ": " + what + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
