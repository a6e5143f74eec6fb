package org.tongxin.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, page, size, total}} as docs/api-notes.md sets out for every list. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The highest page number a client may ask for: far beyond any real list, far below an overflow. */
    public static final int MAX_PAGE = 10_000;
    /** The largest page (docs/api-notes.md: size ≤ 100). */
    public static final int MAX_SIZE = 100;

    /** The requested page of a query, each row mapped to its API record; {@code total} counts all rows. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> toView) {
        List<T> items = query.page(page, size).list().stream().map(toView).toList();
        return new Page<>(items, page, size, query.count());
    }
}
