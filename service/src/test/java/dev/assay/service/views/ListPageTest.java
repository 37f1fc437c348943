package dev.assay.service.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListPageTest {
    @Test
    @DisplayName("a page says which rows it shows and links to its neighbours, the search kept and encoded")
    void pages() {
        ListPage first = ListPage.of("/admin", "", 1, 50, 120);
        assertThat(first.offset()).isZero();
        assertThat(first.getShowing()).isEqualTo("1\u201350 of 120");
        assertThat(first.getNewer()).isNull();
        assertThat(first.getOlder()).isEqualTo("/admin?page=2");
        assertThat(first.isPaged()).isTrue();

        ListPage last = ListPage.of("/admin/pipelines", "dee & co", 3, 50, 120);
        assertThat(last.offset()).isEqualTo(100);
        assertThat(last.getShowing()).isEqualTo("101\u2013120 of 120 matching \u201cdee & co\u201d");
        assertThat(last.getNewer()).isEqualTo("/admin/pipelines?q=dee+%26+co&page=2");
        assertThat(last.getOlder()).isNull();
    }

    @Test
    @DisplayName("a page out of range shows the nearest one; an empty list says whether anything matched")
    void outOfRange() {
        assertThat(ListPage.of("/admin", "", 9, 50, 120).number()).isEqualTo(3);
        assertThat(ListPage.of("/admin", "", -4, 50, 120).number()).isEqualTo(1);
        ListPage none = ListPage.of("/admin", "", 2, 50, 0);
        assertThat(none.number()).isEqualTo(1);
        assertThat(none.getShowing()).isEqualTo("No candidates yet.");
        assertThat(none.isPaged()).isFalse();
        assertThat(ListPage.of("/admin", "zed", 1, 50, 0).getShowing())
                .isEqualTo("No candidate matches \u201czed\u201d.");
        assertThat(ListPage.of("/admin", "", 1, 50, 50).getOlder())
                .as("exactly one page")
                .isNull();
    }
}
