package org.tongxin.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of a list: {@code {items, page, size, total}} as API.md's conventions prescribe. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {}
