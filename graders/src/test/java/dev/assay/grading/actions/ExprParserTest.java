package dev.assay.grading.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprParserTest {
    @Test
    void parsesPathsWithEveryAccessForm() {
        assertThat(ExprParser.parse("github['event'].Commits[0].message"))
                .contains(new Expr.Path(List.of("github", "event", "commits", "*", "message")));
        assertThat(ExprParser.parse("github.event.pages.*.page_name"))
                .contains(new Expr.Path(List.of("github", "event", "pages", "*", "page_name")));
        assertThat(ExprParser.parse("steps.my-step.outputs.x"))
                .contains(new Expr.Path(List.of("steps", "my-step", "outputs", "x")));
    }

    @Test
    void refusesWhatIsNotTheLanguage() {
        assertThat(ExprParser.parse("github.ref ==")).isEmpty();
        assertThat(ExprParser.parse("'unclosed")).isEmpty();
        assertThat(ExprParser.parse("$x")).isEmpty();
        assertThat(ExprParser.parse("(".repeat(10_000))).isEmpty();
        assertThat(ExprParser.parse("!".repeat(3000) + "a")).isEmpty();
    }

    @Test
    void valuesFlowThroughFormatAndOrButNotThroughBooleans() {
        assertThat(Flow.paths(ExprParser.parse("format('{0}', github.head_ref) || 'x'")
                        .orElseThrow()))
                .extracting(Expr.Path::text)
                .containsExactly("github.head_ref");
        assertThat(Flow.paths(ExprParser.parse("contains(github.head_ref, 'x') && !github.head_ref")
                        .orElseThrow()))
                .isEmpty();
    }

    @Test
    void conditionsFollowGithubComparisons() {
        Scenario push = Scenario.branch("push", "main");
        assertThat(Condition.evaluate(new TextNode("github.ref == 'REFS/HEADS/MAIN'"), push))
                .isEqualTo(Tri.TRUE);
        assertThat(Condition.evaluate(
                        new TextNode("${{ github.ref_name == 'main' && github.event_name == 'push' }}"), push))
                .isEqualTo(Tri.TRUE);
        assertThat(Condition.evaluate(new TextNode("steps.x.outputs.ok == 'true'"), push))
                .isEqualTo(Tri.UNKNOWN);
        assertThat(Condition.evaluate(new TextNode("steps.x.outputs.ok == 'true' && github.event_name == 'pr'"), push))
                .isEqualTo(Tri.FALSE);
        assertThat(Condition.evaluate(new TextNode("${{ github.ref }} == 'refs/heads/dev'"), push))
                .as("text around ${{ }} makes a string, which is true")
                .isEqualTo(Tri.TRUE);
        assertThat(Condition.evaluate(new TextNode("'1' == 1 && null == 0 && true == 1"), push))
                .isEqualTo(Tri.TRUE);
    }
}
