package vn.partydev.kit.rest;

import java.util.List;

/** One page of a list: {@code {"items":[…],"page":0,"size":50,"totalItems":N}} (api.md "Lists"). */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
}
