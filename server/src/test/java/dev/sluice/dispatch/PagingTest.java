package dev.sluice.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;

/** Every list operation pages through Paging: the defaults, the slices and the refusals a caller sees. */
class PagingTest {

    @Test
    void defaultsToTheFirstPageOfTwentyAndSlicesWithinTheList() {
        Paging paging = Paging.of(null, null, "ListQuery.PageNo", "ListQuery.PageSize");
        assertThat(paging).isEqualTo(new Paging(1, Paging.DEFAULT_SIZE));

        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(Paging.of(2, 2, "P", "S").slice(all)).containsExactly(3, 4);
        assertThat(Paging.of(3, 2, "P", "S").slice(all)).containsExactly(5);
        assertThat(Paging.of(4, 2, "P", "S").slice(all)).isEmpty();
        assertThat(Paging.of(3, 2, "P", "S").offset()).isEqualTo(4);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Paging.of(0, 10, "ListQuery.PageNo", "ListQuery.PageSize"))
                .isInstanceOfSatisfying(PopException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameter");
                    assertThat(e.error().message()).contains("ListQuery.PageNo");
                });
        assertThatThrownBy(() -> Paging.of(1, Paging.MAX_SIZE + 1, "ListQuery.PageNo", "ListQuery.PageSize"))
                .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().message())
                        .contains("ListQuery.PageSize").contains("between 1 and 100"));
    }

    @Test
    void anOperationMayAllowLargerPages() {
        assertThat(Paging.of(1, 500, "PageNumber", "PageSize", 500).size()).isEqualTo(500);
        assertThatThrownBy(() -> Paging.of(1, 501, "PageNumber", "PageSize", 500))
                .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().message()).contains("between 1 and 500"));
    }
}
