package dev.assay.grading.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellReaderTest {
    private static Shell.Script read(String script) {
        return ShellReader.read(script, 0);
    }

    private static List<String> names(Shell.Script script) {
        return ShellCommands.all(script).stream().map(Shell.Command::name).toList();
    }

    @Test
    void splitsStatementsPipelinesAndLists() {
        Shell.Script script = read("npm ci && npm test 2>&1 | tee out.txt; echo done\nexit 0");
        assertThat(script.statements()).hasSize(3);
        Shell.Statement first = script.statements().get(0);
        assertThat(first.operators()).containsExactly("&&");
        assertThat(first.pipelines().get(1).commands())
                .extracting(Shell.Command::name)
                .containsExactly("npm", "tee");
        Shell.Command npm = first.pipelines().get(1).commands().get(0);
        assertThat(npm.redirects()).singleElement().satisfies(r -> {
            assertThat(r.op()).isEqualTo(">&");
            assertThat(r.fd()).isEqualTo(2);
        });
    }

    @Test
    void readsQuotesAndExpansions() {
        Shell.Command command = read("echo 'a $NOT' \"b $YES ${ALSO:-$TOO} ${#LEN}\" c\\ d $(printf x)")
                .statements()
                .get(0)
                .pipelines()
                .get(0)
                .commands()
                .get(0);
        assertThat(command.words()).extracting(Shell.Word::text).startsWith("echo", "a $NOT");
        assertThat(command.words().get(1).vars()).isEmpty();
        assertThat(command.words().get(2).vars())
                .containsExactly(
                        new Shell.Var("YES", true),
                        new Shell.Var("ALSO", true),
                        new Shell.Var("TOO", true),
                        new Shell.Var("LEN", false));
        assertThat(command.words().get(3).text()).isEqualTo("c d");
        assertThat(command.words().get(4).substitutions()).hasSize(1);
    }

    @Test
    void dropsKeywordsAndFlagsConditionsAndFunctions() {
        Shell.Script script =
                read("if npm test; then\n  echo ok\nfi\nf() { echo in; }\nwhile read x; do echo $x; done < list");
        assertThat(script.statements().get(0).condition()).isTrue();
        assertThat(script.statements().get(1).condition()).isFalse();
        assertThat(script.functions()).containsExactly("f");
        assertThat(script.statements().stream().filter(Shell.Statement::inFunction))
                .singleElement()
                .satisfies(
                        s -> assertThat(s.pipelines().get(0).commands().get(0).name())
                                .isEqualTo("echo"));
        assertThat(names(script)).contains("npm", "echo", "read");
    }

    @Test
    void readsHereDocumentsAndSkipsTheirBodies() {
        Shell.Script script = read("cat <<EOF | base64\nline $SECRET\nEOF\ncat <<'RAW'\n$NOT\nRAW\nnext");
        assertThat(names(script)).containsExactly("cat", "base64", "cat", "next");
        Shell.Redirect expanding = script.statements()
                .get(0)
                .pipelines()
                .get(0)
                .commands()
                .get(0)
                .redirects()
                .get(0);
        assertThat(java.util.Objects.requireNonNull(expanding.heredoc()).vars())
                .containsExactly(new Shell.Var("SECRET", true));
        Shell.Redirect quoted = script.statements()
                .get(1)
                .pipelines()
                .get(0)
                .commands()
                .get(0)
                .redirects()
                .get(0);
        assertThat(java.util.Objects.requireNonNull(quoted.heredoc()).vars()).isEmpty();
    }

    @Test
    void commentsAreNotCommands() {
        assertThat(names(read("# npm test\necho a # npm test"))).containsExactly("echo");
    }

    @Test
    void hostileTextEndsWithoutThrowing() {
        for (String text : List.of(
                "$(".repeat(5000),
                "${".repeat(5000),
                "\"unclosed $(x",
                "'unclosed",
                "cat <<EOF",
                "a |",
                "&& || ;; & |& >",
                "`".repeat(301),
                "f() {",
                "\\")) {
            assertThat(read(text)).isNotNull();
        }
    }
}
