package dev.vouch.kit.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, the shape of every list response: the items, where the page sits ({@code page}
 * from 0, {@code size}) and how many exist in all.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public ResultPage {
        items = List.copyOf(items);
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
