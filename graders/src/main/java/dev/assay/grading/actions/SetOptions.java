package dev.assay.grading.actions;

import java.util.List;

/** Reads one shell option from a {@code set} command's arguments: {@code -e}/{@code +e}, {@code -o name}. */
final class SetOptions {
    private SetOptions() {}

    static boolean flag(List<Shell.Word> args, char letter, String name, boolean current) {
        boolean value = current;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).text();
            if ((a.equals("-o") || a.equals("+o"))
                    && i + 1 < args.size()
                    && args.get(i + 1).text().equals(name)) {
                value = a.startsWith("-");
                i++;
            } else if (letter != '\0' && a.matches("[-+][a-zA-Z]+") && a.indexOf(letter) > 0) {
                value = a.startsWith("-");
            } else if (a.matches("-[a-zA-Z]*o")
                    && i + 1 < args.size()
                    && args.get(i + 1).text().equals(name)) {
                value = true;
                i++;
            }
        }
        return value;
    }
}
