package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;

/** Every simple command of a script, those inside command substitutions included. */
final class ShellCommands {
    private ShellCommands() {}

    static List<Shell.Command> all(Shell.Script script) {
        List<Shell.Command> commands = new ArrayList<>();
        add(script, commands);
        return commands;
    }

    private static void add(Shell.Script script, List<Shell.Command> commands) {
        for (Shell.Statement statement : script.statements()) {
            for (Shell.Pipeline pipeline : statement.pipelines()) {
                for (Shell.Command command : pipeline.commands()) {
                    commands.add(command);
                    command.words().forEach(w -> w.substitutions().forEach(s -> add(s, commands)));
                    command.assignments().forEach(w -> w.substitutions().forEach(s -> add(s, commands)));
                }
            }
        }
    }
}
