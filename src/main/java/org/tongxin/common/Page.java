package org.tongxin.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, page, size, total}} as API.md's conventions prescribe. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The requested page of a query, each row mapped to its API record; {@code total} counts all rows. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> toView) {
        List<T> items = query.page(page, size).list().stream().map(toView).toList();
        return new Page<>(items, page, size, query.count());
    }
}
